"""Readers: every input kind becomes documents or errors rows, never nothing. Fixtures are made in tmp_path."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import sys
import zipfile
from pathlib import Path

import pytest

from pressextract.ingest import IngestError, IngestOptions, RawDocument, iter_documents

RELEASE = (
    "Sommerfest im Bürgerpark\n\n"
    "Am Samstag, dem 14. Juni 2025, lädt Bezirksbürgermeisterin Grüning zum Sommerfest ein.\n\n"
    "„Wir freuen uns auf viele Gäste“, sagte Grüning."
)
PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Sommerfest im Bürgerpark – Bezirksamt Nord</title><meta name="author" content="Bezirksamt Nord"></head>
<body><nav><ul><li><a href="/">Startseite</a></li><li><a href="/presse/">Presse</a></li></ul></nav>
<main><h1>Sommerfest im Bürgerpark</h1>
<p class="pressnumber">Pressemitteilung Nr. 12/2025 vom 02.06.2025</p>
<p>Am Samstag, dem 14. Juni 2025, lädt Bezirksbürgermeisterin Grüning zum Sommerfest im Bürgerpark ein.
Es gibt Musik, Spiele und Stände der Vereine aus dem ganzen Bezirk.</p>
<p>„Wir freuen uns auf viele Gäste“, sagte Grüning bei der Vorstellung des Programms im Rathaus.</p>
<figure><img src="a.jpg"><figcaption>Der Bürgerpark im Sommer. Foto: Bezirksamt Nord</figcaption></figure>
</main>
<aside role="complementary"><h2>Kontakt</h2><p>Pressestelle, Tel. 030 1234</p></aside>
<footer><a href="/impressum">Impressum</a></footer></body></html>"""


def read(*inputs: str | Path, **options: object) -> tuple[list[RawDocument], list[IngestError]]:
    items = list(iter_documents([str(i) for i in inputs], options=IngestOptions(**options)))  # type: ignore[arg-type]
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(docs) + len(errors) == len(items)
    return docs, errors


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# --- plain text in every encoding ------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode, encoding",
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.replace("„", '"').replace("“", '"').encode("cp1252"), "cp1252"),
        (lambda t: t.replace("\n", "\r\n").encode("cp1252"), "cp1252"),
    ],
)
def test_text_file_encodings(tmp_path: Path, encode, encoding: str) -> None:
    path = write(tmp_path / "sommerfest.txt", encode(RELEASE))
    (doc,), errors = read(path)
    assert not errors
    assert doc.meta["encoding"] == encoding
    assert "Bezirksbürgermeisterin Grüning" in doc.text
    assert "\r" not in doc.text and "\n\n" in doc.text  # paragraphs kept, line ends unified
    assert doc.kind == "txt" and doc.source == str(path)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty file"),
        (b"   \r\n\t\n", "empty document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("Grüße aus Köln".encode() + b"\xff\xfe und mehr", "invalid UTF-8"),
    ],
)
def test_broken_text_files_are_error_rows(tmp_path: Path, data: bytes, message: str) -> None:
    bad = write(tmp_path / "a_bad.txt", data)
    good = write(tmp_path / "b_good.txt", RELEASE)
    docs, errors = read(tmp_path)
    assert [e.source for e in errors] == [str(bad)]
    assert message in errors[0].error and errors[0].stage == "ingest"
    assert [d.source for d in docs] == [str(good)]  # the rest of the run goes on


# --- HTML ------------------------------------------------------------------------------------------


def test_html_page_main_text_and_metadata(tmp_path: Path) -> None:
    (doc,), errors = read(write(tmp_path / "seite.html", PAGE))
    assert not errors
    assert doc.kind == "html"
    assert doc.title == "Sommerfest im Bürgerpark"
    assert doc.published == "2025-06-02"  # from the press-number line
    assert doc.publisher == "Bezirksamt Nord"
    assert doc.text.startswith("Am Samstag, dem 14. Juni 2025")
    assert "„Wir freuen uns auf viele Gäste“" in doc.text
    for boilerplate in (
        "Startseite",
        "Impressum",
        "Kontakt",
        "Pressemitteilung Nr.",
        "Foto:",
        "Sommerfest im Bürgerpark\n",
    ):
        assert boilerplate not in doc.text
    assert doc.meta["html_press_number"] == ["Pressemitteilung Nr. 12/2025 vom 02.06.2025"]
    assert any("Foto: Bezirksamt Nord" in c for c in doc.meta["html_captions"])


def test_html_latin1_page_and_htm_suffix(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    (doc,), errors = read(write(tmp_path / "seite.htm", page.encode("cp1252")))
    assert not errors and "Bürgerpark" in doc.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><nav><a href='/'>Startseite</a></nav></body></html>",
        "<html><body><main><h1>Nur ein Titel</h1></main></body></html>",
    ],
)
def test_html_without_main_text_is_an_error_row(tmp_path: Path, page: str) -> None:
    docs, (error,) = read(write(tmp_path / "leer.html", page))
    assert not docs and "no main text" in error.error


# --- JSON and JSON Lines ---------------------------------------------------------------------------


def test_jsonl_default_fields_and_bad_lines(tmp_path: Path) -> None:
    rec = {
        "id": "pm-1",
        "title": "Sommerfest",
        "text": RELEASE,
        "date": "2025-06-02",
        "publisher": "Bezirksamt Nord",
        "url": "https://example.org/pm-1",
    }
    content = (
        jsonl(rec)
        + "{kaputt: ja}\n"
        + "\n"
        + jsonl(
            {"id": "pm-3", "title": "Ohne Text"},
            {"title": "Zweiter", "text": "Der Bezirk informiert heute.", "date": "27.08.2018"},
            ["keine", "Liste"],
        )
    )
    path = write(tmp_path / "pm.jsonl", content)
    docs, errors = read(path)
    assert [(d.doc_id, d.source) for d in docs] == [("pm-1", f"{path}#pm-1"), (docs[1].doc_id, f"{path}#L5")]
    first, second = docs
    assert (first.title, first.published, first.publisher, first.url) == (
        "Sommerfest",
        "2025-06-02",
        "Bezirksamt Nord",
        "https://example.org/pm-1",
    )
    assert second.published == "2018-08-27" and second.doc_id.startswith("pm-")
    assert [(e.source, e.error.split(":")[0]) for e in errors] == [
        (f"{path}#L2", "malformed JSON line"),
        (f"{path}#pm-3", "record has no text in field 'text'"),
        (f"{path}#L6", "JSON record is a list, expected an object"),
    ]


def test_jsonl_configurable_field_names(tmp_path: Path) -> None:
    rec = {
        "pm_nr": 4711,
        "headline": "Neue Brücke",
        "body": "Die Brücke ist fertig.",
        "datum": "2024-05-01",
        "amt": "Tiefbauamt",
        "link": "https://example.org/4711",
    }
    (doc,), errors = read(
        write(tmp_path / "x.jsonl", jsonl(rec)),
        id_field="pm_nr",
        title_field="headline",
        text_field="body",
        date_field="datum",
        publisher_field="amt",
        url_field="link",
    )
    assert not errors
    assert (doc.doc_id, doc.title, doc.text, doc.published, doc.publisher, doc.url) == (
        "4711",
        "Neue Brücke",
        "Die Brücke ist fertig.",
        "2024-05-01",
        "Tiefbauamt",
        "https://example.org/4711",
    )


def test_jsonl_record_with_html_instead_of_text(tmp_path: Path) -> None:
    rec = {"id": "pm-html", "url": "https://example.org/pm-html", "html": PAGE}
    (doc,), errors = read(write(tmp_path / "seiten.jsonl", jsonl(rec)))
    assert not errors
    assert (doc.doc_id, doc.kind, doc.title, doc.published) == (
        "pm-html",
        "html",
        "Sommerfest im Bürgerpark",
        "2025-06-02",
    )


def test_jsonl_in_utf16_and_cp1252_lines(tmp_path: Path) -> None:
    rec = {"id": "u16", "text": "Grüße aus der Schloßstraße."}
    (doc,), errors = read(write(tmp_path / "u16.jsonl", jsonl(rec).encode("utf-16")))
    assert not errors and doc.text == "Grüße aus der Schloßstraße."
    (doc,), errors = read(write(tmp_path / "cp.jsonl", jsonl(rec).encode("cp1252")))
    assert not errors and doc.text == "Grüße aus der Schloßstraße."


def test_json_single_object_and_array(tmp_path: Path) -> None:
    single = write(tmp_path / "one.json", json.dumps({"id": "a", "text": "Erster Text."}))
    array = write(
        tmp_path / "many.json",
        json.dumps([{"text": "Zweiter Text."}, {"id": "c", "text": "Dritter Text."}, {"id": "d"}]),
    )
    docs, errors = read(single, array)
    assert [(d.doc_id, d.source) for d in docs] == [
        ("a", str(single)),
        (docs[1].doc_id, f"{array}#1"),
        ("c", f"{array}#c"),
    ]
    assert [(e.source, e.error) for e in errors] == [(f"{array}#d", "record has no text in field 'text'")]


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"id": "a", "text": "abgeschnitten', "malformed JSON at line 1"),
        ("[]", "JSON array without records"),
        ('"nur ein String"', "JSON record is a str"),
        ("", "empty file"),
        ("[" * 100_000 + "]" * 100_000, "malformed JSON: RecursionError"),
    ],
)
def test_broken_json_files(tmp_path: Path, content: str, message: str) -> None:
    docs, (error,) = read(write(tmp_path / "bad.json", content))
    assert not docs and message in error.error


def test_record_without_text_and_empty_text(tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.jsonl",
        jsonl({"id": "a", "text": ""}, {"id": "b", "text": "\u00ad\u200b "}, {"id": "c", "text": 42}),
    )
    docs, errors = read(path)
    assert not docs
    assert [e.error for e in errors] == [
        "record has no text in field 'text'",
        "empty document (no text after normalization)",
        "record has no text in field 'text'",
    ]


# --- compressed files and archives -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name, compress",
    [
        ("a.txt.gz", gzip.compress),
        ("a.txt.xz", lzma.compress),
        ("a.txt.bz2", bz2.compress),
        ("a.jsonl.xz", lzma.compress),
        ("a.json.gz", gzip.compress),
        ("a.html.gz", gzip.compress),
    ],
)
def test_compressed_inputs(tmp_path: Path, name: str, compress) -> None:
    payload = {
        "txt": RELEASE,
        "jsonl": jsonl({"id": "z", "text": RELEASE}),
        "json": json.dumps({"text": RELEASE}),
        "html": PAGE,
    }[name.split(".")[1]]
    (doc,), errors = read(write(tmp_path / name, compress(payload.encode("utf-8"))))
    assert not errors and "Grüning" in doc.text


@pytest.mark.parametrize("name, compress", [("a.txt.gz", gzip.compress), ("a.jsonl.xz", lzma.compress)])
def test_truncated_compressed_file_is_an_error_row(tmp_path: Path, name: str, compress) -> None:
    data = compress(
        jsonl(*({"id": f"r{i}", "text": f"Meldung {i}: {RELEASE}"} for i in range(3000))).encode()
    )
    path = write(tmp_path / name, data[: len(data) // 2])
    docs, errors = read(path)
    assert len(errors) == 1 and "damaged or truncated" in errors[0].error
    if name.endswith(".jsonl.xz"):
        assert docs  # the records before the damage are kept


def test_zip_read_in_place_with_unsafe_members(tmp_path: Path) -> None:
    path = tmp_path / "archiv.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("2025/eins.txt", RELEASE)
        zf.writestr("2025/seite.html", PAGE)
        zf.writestr("2025/pm.jsonl", jsonl({"id": "z1", "text": "Aus dem Archiv."}))
        zf.writestr("../ausbruch.txt", RELEASE)
        zf.writestr("/etc/absolut.txt", RELEASE)
        zf.writestr("innen.zip", b"PK")
        zf.writestr("bild.png", b"\x89PNG")
        zf.writestr("2025/.versteckt.txt", RELEASE)
        zf.writestr("2025/kaputt.txt", b"")
    skipped: list[str] = []
    items = list(iter_documents([str(path)], skipped=skipped))
    docs = {i.source: i for i in items if isinstance(i, RawDocument)}
    errors = {i.source: i.error for i in items if isinstance(i, IngestError)}
    assert sorted(docs) == [f"{path}!2025/eins.txt", f"{path}!2025/pm.jsonl#z1", f"{path}!2025/seite.html"]
    assert docs[f"{path}!2025/seite.html"].title == "Sommerfest im Bürgerpark"
    assert "unsafe member name" in errors[f"{path}!../ausbruch.txt"]
    assert "unsafe member name" in errors[f"{path}!/etc/absolut.txt"]
    assert "zip inside a zip" in errors[f"{path}!innen.zip"]
    assert errors[f"{path}!2025/kaputt.txt"] == "empty file"
    assert skipped == [f"{path}!2025/.versteckt.txt", f"{path}!bild.png"]  # hidden members listed too
    assert not (tmp_path.parent / "ausbruch.txt").exists()


def test_damaged_zip_is_an_error_row(tmp_path: Path) -> None:
    docs, (error,) = read(write(tmp_path / "kaputt.zip", b"PK\x03\x04 nicht wirklich ein zip"))
    assert not docs and "not a readable zip archive" in error.error


# --- folders, globs, stdin -------------------------------------------------------------------------


def test_folder_recursive_sorted_with_skips(tmp_path: Path) -> None:
    write(tmp_path / "b" / "zwei.txt", "Zweite Meldung.")
    write(tmp_path / "a" / "tief" / "eins.txt", "Erste Meldung.")
    write(tmp_path / "a" / "README.md", "# keine Meldung")
    write(tmp_path / ".git" / "x.txt", "versteckt")
    write(tmp_path / "gold" / "seed.json", '{"text": "Annotation"}')
    write(tmp_path / ".hidden.txt", "versteckt")
    skipped: list[str] = []
    items = list(iter_documents([str(tmp_path)], skipped=skipped))
    assert [i.text for i in items] == ["Erste Meldung.", "Zweite Meldung."]
    assert sorted(skipped) == sorted(
        [
            str(tmp_path / "a" / "README.md"),
            str(tmp_path / ".git") + "/",
            str(tmp_path / "gold") + "/",
            str(tmp_path / ".hidden.txt"),  # hidden files are listed too, not dropped without a trace
        ]
    )


def test_globs_and_missing_paths(tmp_path: Path) -> None:
    write(tmp_path / "x" / "eins.txt", "Erste Meldung.")
    write(tmp_path / "x" / "y" / "zwei.txt", "Zweite Meldung.")
    write(tmp_path / "x" / "drei.json", '{"text": "Dritte Meldung."}')
    docs, errors = read(f"{tmp_path}/x/**/*.txt", f"{tmp_path}/nichts/*.txt", tmp_path / "fehlt.txt")
    assert [d.text for d in docs] == ["Erste Meldung.", "Zweite Meldung."]
    assert [e.error for e in errors] == ["no file matches this pattern", "no such file or directory"]
    docs, errors = read(f"{tmp_path}/x/*")  # a folder matched by a glob is walked
    assert sorted(d.text for d in docs) == ["Dritte Meldung.", "Erste Meldung.", "Zweite Meldung."]


def test_unknown_suffix_named_explicitly_is_an_error_row(tmp_path: Path) -> None:
    docs, (error,) = read(write(tmp_path / "tabelle.csv", "a;b\n1;2"))
    assert not docs and "unsupported file type '.csv'" in error.error


@pytest.mark.parametrize(
    "data, kind, n",
    [
        (RELEASE.encode("utf-8"), "txt", 1),
        (RELEASE.encode("cp1252", "replace"), "txt", 1),
        (jsonl({"id": "s1", "text": "Eins."}, {"id": "s2", "text": "Zwei."}).encode(), "json", 2),
        (json.dumps({"id": "s3", "text": "Drei."}).encode(), "json", 1),
        (PAGE.encode(), "html", 1),
    ],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, kind: str, n: int) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs, errors = read("-")
    assert not errors and len(docs) == n
    assert all(d.kind == kind and d.source.startswith("<stdin>") for d in docs)


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    docs, (error,) = read("-")
    assert not docs and error.source == "<stdin>" and error.error == "empty file"


# --- doc ids ---------------------------------------------------------------------------------------


def test_doc_ids_stable_and_distinct(tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "meldung.txt", RELEASE)
    b = write(tmp_path / "b" / "meldung.txt", RELEASE)  # same stem, same text
    c = write(tmp_path / "kopie.txt", RELEASE)  # same text, other stem
    first, _ = read(tmp_path)
    again, _ = read(tmp_path)
    ids = [d.doc_id for d in first]
    assert ids == [d.doc_id for d in again]  # stable across runs
    assert len(set(ids)) == 3
    by_source = {d.source: d.doc_id for d in first}
    assert by_source[str(a)].startswith("meldung-") and by_source[str(b)] == by_source[str(a)] + "-2"
    assert by_source[str(c)].startswith("kopie-")
    assert next(d for d in first if d.source == str(b)).meta["duplicate_of"] == by_source[str(a)]


def test_own_ids_kept_and_repeats_distinguished(tmp_path: Path) -> None:
    path = write(
        tmp_path / "pm.jsonl",
        jsonl({"id": "berlin-pm-1", "text": "Eins."}, {"id": "berlin-pm-1", "text": "Zwei."}),
    )
    docs, _ = read(path)
    assert [d.doc_id for d in docs] == ["berlin-pm-1", "berlin-pm-1-2"]


def test_every_input_is_one_row(tmp_path: Path) -> None:
    """A mixed folder: each of the N inputs is exactly one document or one error."""
    write(tmp_path / "01.txt", RELEASE)
    write(tmp_path / "02.txt", b"")
    write(tmp_path / "03.txt", b"\x00\x01\x02\x03" * 20)
    write(tmp_path / "04.html", PAGE)
    write(tmp_path / "05.json", "{")
    write(tmp_path / "06.jsonl", jsonl({"id": "x", "text": "Eins."}) + "nicht json\n" + jsonl({"id": "y"}))
    write(tmp_path / "07.txt.gz", b"\x1f\x8b kaputt")
    write(tmp_path / "08.txt", RELEASE.encode("utf-16-le"))
    docs, errors = read(tmp_path)
    assert len(docs) + len(errors) == 10
    assert len(docs) == 4 and len(errors) == 6
    assert all(e.error for e in errors)
