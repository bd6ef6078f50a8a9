"""The review page: the release as the reader sees it (blocks, original spacing), rows with rule_id and
offsets that link to their spans, everything escaped (no live tag from a release), `show --id` on
archives and output folders, and a real rendering in headless Chromium (skipped without Chromium)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressextract.cli import _register, app
from pressextract.render import render_page

SEED = Path(__file__).resolve().parent.parent / "corpus" / "seed.txt"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
PAGE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "div", "span", "label", "input",
    "main", "aside", "section", "h1", "h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "script",
}  # fmt: skip


class Page(HTMLParser):
    """Start tags, the text of each release block (by its data-chars) and the rows of each table."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.blocks: list[tuple[str, str, int, int, list[str]]] = []  # tag, class, start, end, text parts
        self.rows: dict[str, list[tuple[str, list[str]]]] = {}
        self.headers: dict[str, list[str]] = {}
        self._th: list[str] | None = None
        self._block = None
        self._tbody = None
        self._row = None
        self._in_main = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "main":
            self._in_main = True
        elif self._in_main and "data-chars" in a:
            start, end = map(int, a["data-chars"].split("-"))
            self._block = (tag, a.get("class", ""), start, end, [])
            self.blocks.append(self._block)
        elif tag == "thead":
            self._th = []
        elif tag == "th" and self._th is not None:
            self._th.append("")
        elif tag == "tbody":
            self._tbody = a.get("id", "")
            self.rows[self._tbody] = []
            self.headers[self._tbody] = self._th or []
            self._th = None
        elif tag == "tr" and self._tbody and "data-m" in a:
            self._row = (a["data-m"], [])
            self.rows[self._tbody].append(self._row)
        elif tag == "td" and self._row is not None:
            self._row[1].append("")

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = False
        elif self._block is not None and tag == self._block[0]:
            self._block = None
        elif tag == "tbody":
            self._tbody = None
        elif tag == "tr":
            self._row = None

    def handle_data(self, data):
        if self._th:
            self._th[-1] += data
        if self._block is not None:
            self._block[4].append(data)
        if self._row is not None and self._row[1]:
            self._row[1][-1] += data


TEXT = (
    "Integration vor Ort gestalten\n\n"
    "In Kassel tagte die Konferenz. Senatorin Kalayci sagte:  „Wir handeln.“\n\n"
    "Erster Konferenztag\n\n"
    "12:00 Uhr - Pressekonferenz\n13:00 Uhr - Begrüßung durch"
)


def _records(text: str = TEXT, **doc: object) -> dict[str, list[dict]]:
    quote_start = text.index("Wir handeln.")
    speaker = text.index("Senatorin Kalayci")
    return {
        "documents": [{"doc_id": "pm-1", "source": "a.jsonl#pm-1", "title": None, "text": text, **doc}],
        "quotes": [
            {
                "quote_id": "pm-1:q1",
                "doc_id": "pm-1",
                "person_id": "p-kalayci",
                "speaker": "Senatorin Kalayci",
                "cue": "sagen",
                "kind": "direct",
                "text": "Wir handeln.",
                "char_start": quote_start,
                "char_end": quote_start + len("Wir handeln."),
                "speaker_start": speaker,
                "speaker_end": speaker + len("Senatorin Kalayci"),
                "rule_id": "direct.before.colon:sv.sagen",
            }
        ],
        "people": [
            {"person_id": "p-kalayci", "name": "Kalayci", "honorific": None, "gender": "f", "n_mentions": 1}
        ],
        "roles": [],
        "agenda": [
            {
                "item_id": "pm-1:a1",
                "date": None,
                "time": "12:00",
                "end_time": None,
                "title": "Pressekonferenz",
                "day_label": "Erster Konferenztag",
                "participants": [],
                "char_start": text.index("12:00"),
                "char_end": text.index("Pressekonferenz") + len("Pressekonferenz"),
                "rule_id": "agenda.time_line",
            }
        ],
        "events": [],
        "timexes": [],
    }


def test_blocks_keep_the_text_and_its_spacing():
    page = Page(render_page(_records()))
    assert [(tag, cls) for tag, cls, *_ in page.blocks] == [
        ("h1", "title"),
        ("p", "lead"),
        ("h3", "heading"),
        ("div", "line"),
        ("div", "line"),
    ]
    for _, _, start, end, parts in page.blocks:
        assert "".join(parts) == TEXT[start:end]  # characters as in documents.text, double space included
    body = " ".join("".join(parts) for *_, parts in page.blocks)
    assert "sagte:  „Wir handeln.“" in body and "Konferenz." in body
    assert " ." not in body and "„ " not in body  # no token-by-token spacing


def test_rows_show_rule_id_and_offsets_and_link_to_their_span():
    records = _records()
    html = render_page(records)
    page = Page(html)
    q = records["quotes"][0]
    (rid, cells), *_ = page.rows["tab-quotes"]
    assert "direct.before.colon:sv.sagen" in cells[-1] and f"{q['char_start']}–{q['char_end']}" in cells[-1]
    assert "Senatorin Kalayci → Kalayci" in cells
    spans = [a for tag, a in page.tags if tag == "span" and rid in a.get("data-m", "").split()]
    assert {c for a in spans for c in a["class"].split()} >= {"l-quote", "l-speaker"}
    assert (
        page.rows["tab-agenda"][0][1][-1]
        == f"agenda.time_line\n{TEXT.index('12:00')}–{TEXT.index('Pressekonferenz') + 15}"
    )
    assert (
        len([a for tag, a in page.tags if tag == "input" and "filter" in a.get("class", "")]) == 3
    )  # one per non-empty table


@pytest.mark.parametrize(
    "value, shown",
    [(None, ""), (float("nan"), ""), (["a", "b"], "a; b"), ((), ""), (3.0, "3"), ("None", "None")],
)
def test_cells_show_no_python_reprs(value, shown):
    records = _records()
    records["agenda"][0]["date"] = value
    page = Page(render_page(records))
    assert page.rows["tab-agenda"][0][1][0] == shown


PAYLOADS = [
    "<img/src/onerror=alert(1)>Anna Muster sagte: „Wir freuen uns.“",
    "<svg/onload=alert(2)>Senatorin Kalayci sagte: „Wir handeln.“",
    "Senatorin <b>Kalayci</b> sagte: „Wir <script>alert(3)</script>handeln.“",
    '"><img src=x onerror=alert(4)> Senatorin Kalayci sagte: „Wir handeln.“',
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_nothing_from_the_release_becomes_a_tag(payload):
    text = payload + "\n\n" + TEXT.split("\n\n", 1)[1]
    records = _records(text, title=payload, publisher=payload, source=payload, url=payload, doc_id=payload)
    for row in records["quotes"] + records["agenda"]:
        row.update(speaker=payload, cue=payload, rule_id=payload, title=payload)
    records["people"][0].update(name=payload)
    page = Page(render_page(records, notice=payload))
    tags = [tag for tag, _ in page.tags]
    assert set(tags) <= PAGE_TAGS and tags.count("script") == 1
    assert not [a for _, a in page.tags if any(k.startswith("on") for k in a)]
    assert payload.split("„")[0] in "".join("".join(b[4]) for b in page.blocks)  # shown as text


def test_page_is_self_contained_with_a_strict_policy():
    html = render_page(_records())
    assert not re.search(r"(?:src|href)\s*=", html)  # nothing loaded from anywhere
    policy = next(
        a["content"] for tag, a in Page(html).tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in policy and "img-src 'none'" in policy and "'sha256-" in policy
    script_src = next(d.strip() for d in policy.split(";") if d.strip().startswith("script-src"))
    script = html.split("<script>", 1)[1].split("</script>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    assert script_src == f"script-src 'sha256-{digest}'"  # only the page's own script: no inline handlers


# --- the command ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    _register()
    out = tmp_path_factory.mktemp("show") / "seed.html"
    result = CliRunner().invoke(app, ["show", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _has_stages(*names: str) -> bool:
    from spacy.language import Language

    import pressextract.stages  # noqa: F401

    return all(Language.has_factory(n) for n in names)


@pytest.mark.skipif(
    not _has_stages("press_quotes", "press_agenda", "press_people"),
    reason="quote/agenda/people stages not registered",
)
def test_seed_page_shows_quotes_with_speaker_dated_agenda_and_headings(page):
    html = page.read_text(encoding="utf-8")
    parsed = Page(html)
    quotes = parsed.rows["tab-quotes"]
    assert sum("Widmann-Mauz" in cells[1] for _, cells in quotes) >= 2  # both quotes attributed to her
    assert any("Es war ein lebhafter Erfahrungsaustausch" in cells[3] for _, cells in quotes)
    agenda = " ".join(" ".join(cells) for _, cells in parsed.rows["tab-agenda"])
    assert "2018-08-27" in agenda and "2018-08-28" in agenda and "12:00" in agenda
    blocks = {(tag, "".join(parts)) for tag, _, _, _, parts in parsed.blocks}
    assert ("h1", "Integration vor Ort gestalten") in blocks
    assert ("h3", "Lebhafter Erfahrungsaustausch") in blocks
    assert ("div", "12:00 Uhr - Pressekonferenz") in blocks
    assert "None" not in " ".join(" ".join(c) for rows in parsed.rows.values() for _, c in rows)
    for table, rows in parsed.rows.items():  # every row has a cell under each column header
        assert rows and all(len(cells) == len(parsed.headers[table]) for _, cells in rows), table


def _run(*args: str):
    _register()
    return CliRunner().invoke(app, ["show", *args])


def test_show_writes_html_to_stdout():
    result = _run(str(SEED), "--model", "blank")
    assert result.exit_code == 0
    assert result.stdout.lstrip().startswith("<!DOCTYPE html>")


@pytest.fixture
def archive(tmp_path) -> Path:
    records = [
        {"id": "pm-1", "text": "Der Senat tagte am Dienstag."},
        {"id": "pm-2", "text": "Senatorin Kalayci sagte: „Wir handeln.“"},
        {"id": "pm-1", "text": "Die Bezirksverordneten berieten am Mittwoch."},  # repeated id -> pm-1-2
        {"text": "Der Bürgermeister eröffnete das Stadtfest."},  # no id -> generated
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _ids(path: Path) -> list[str]:
    from pressextract.ingest import RawDocument, iter_documents

    return [d.doc_id for d in iter_documents([str(path)]) if isinstance(d, RawDocument)]


def test_show_id_finds_own_repeated_and_generated_ids(archive, tmp_path):
    ids = _ids(archive)
    assert ids[:3] == ["pm-1", "pm-2", "pm-1-2"]
    expected = {
        "pm-2": "Wir handeln.",
        "pm-1": "Der Senat tagte",
        "pm-1-2": "Die Bezirksverordneten",
        ids[3]: "Stadtfest",
    }
    for doc_id, text in expected.items():
        out = tmp_path / "p.html"
        result = _run(str(archive), "--id", doc_id, "--model", "blank", "-o", str(out))
        assert result.exit_code == 0, result.output
        html = out.read_text(encoding="utf-8")
        assert text in html and f"doc_id</span> {doc_id}" in html


@pytest.mark.parametrize("doc_id", ["nope", "pm-3", "pm-1-7", "a-0123456789"])
def test_show_unknown_id_is_exit_2_with_one_line(archive, doc_id):
    result = _run(str(archive), "--id", doc_id, "--model", "blank")
    assert result.exit_code == 2
    assert f"no release '{doc_id}'" in result.output and "Traceback" not in result.output


def test_show_without_id_on_an_archive_says_there_are_more(archive):
    result = _run(str(archive), "--model", "blank")
    assert result.exit_code == 0
    assert "more than one release" in result.stderr and "--id" in result.stderr
    assert "more than one release" in result.stdout  # also on the page


def test_show_single_release_has_no_notice():
    result = _run(str(SEED), "--model", "blank")
    assert "more than one" not in result.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv"])
def test_show_reads_back_an_output_folder(archive, tmp_path, fmt):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "extract",
            str(archive),
            "-o",
            str(out),
            "--model",
            "blank",
            "--workers",
            "1",
            "-q",
            "--format",
            fmt,
        ],
    )
    assert result.exit_code == 0, result.output
    assert not (out / "documents.jsonl").exists() or fmt == "jsonl"
    page = tmp_path / "p.html"
    result = _run(str(out), "--id", "pm-2", "-o", str(page))
    assert result.exit_code == 0, result.output
    parsed = Page(page.read_text(encoding="utf-8"))
    assert "".join("".join(b[4]) for b in parsed.blocks) == "Senatorin Kalayci sagte: „Wir handeln.“"
    assert [cells[3] for _, cells in parsed.rows["tab-quotes"]] == ["Wir handeln."]
    missing = _run(str(out), "--id", "pm-9")
    assert missing.exit_code == 2 and "no document 'pm-9'" in missing.output


# --- a real browser -------------------------------------------------------------------------------


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            BROWSER,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            *args,
        ],
        check=True,
        timeout=120,
        capture_output=True,
    )


@pytest.mark.skipif(BROWSER is None, reason="Chromium not installed (apt-get install chromium)")
def test_page_renders_in_headless_chromium(page, tmp_path):
    shot = tmp_path / "seed.png"
    _chromium(tmp_path, "--window-size=1400,2000", f"--screenshot={shot}", page.as_uri())
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a rendered page, not a blank one


@pytest.mark.skipif(BROWSER is None, reason="Chromium not installed (apt-get install chromium)")
def test_no_live_tag_from_the_release_in_the_browser_dom(tmp_path):
    text = "\n\n".join(PAYLOADS)
    records = _records(text + "\n\n" + TEXT, title=PAYLOADS[0])
    path = tmp_path / "payload.html"
    path.write_text(render_page(records), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", path.as_uri()).stdout.decode("utf-8")
    assert "<img" not in dom and "<svg" not in dom and "<b>" not in dom
    assert dom.count("<script") == 1
    assert "&lt;img/src/onerror=alert(1)&gt;Anna Muster" in dom


def test_read_back_from_parquet_shows_dates_as_iso_text(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "extract",
            str(SEED),
            "-o",
            str(out),
            "--model",
            "blank",
            "--workers",
            "1",
            "-q",
            "--format",
            "parquet",
        ],
    )
    assert result.exit_code == 0, result.output
    import pyarrow.parquet as pq

    doc_id = pq.read_table(out / "documents.parquet").column("doc_id")[0].as_py()
    page = tmp_path / "p.html"
    assert _run(str(out), "--id", doc_id, "-o", str(page)).exit_code == 0
    parsed = Page(page.read_text(encoding="utf-8"))
    dates = {cells[0] for _, cells in parsed.rows["tab-agenda"]}
    assert "2018-08-27" in dates and "2018-08-28" in dates
    cells = " ".join(" ".join(c) for rows in parsed.rows.values() for _, c in rows)
    assert "00:00:00" not in cells and "None" not in cells and "nan" not in cells.split()


def test_numeric_ids_are_found(tmp_path):
    path = tmp_path / "n.jsonl"
    lines = [{"id": 17, "text": "Der Senat tagte am Dienstag."}, {"id": 170, "text": "Die Bezirke berieten."}]
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    result = _run(str(path), "--id", "17", "--model", "blank")
    assert result.exit_code == 0 and "Der Senat tagte" in result.stdout
