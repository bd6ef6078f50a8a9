"""Hostile and misleading inputs (issue 20 points 1, 3, 4, 8-10, 13, 14; issue 19 points 7, 9).

Every case is generated in tmp_path; each input becomes documents or errors rows, never a dead run.
Cases that could hang or eat memory before the fix run as subprocesses in tests/scale/test_hostile_inputs.py.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from pressextract.ingest import IngestError, IngestOptions, RawDocument, iter_documents, readers

RELEASE = "Der Bezirk lädt am Samstag zum Frühlingsfest im Rathauspark ein."


def read(*inputs: str | Path, skipped: list[str] | None = None, **options: object):
    items = list(
        iter_documents([os.fspath(i) for i in inputs], options=IngestOptions(**options), skipped=skipped)  # type: ignore[arg-type]
    )
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(docs) + len(errors) == len(items)
    for item in items:  # every string that reaches a table can be written as UTF-8
        for value in (item.source, getattr(item, "error", ""), getattr(item, "doc_id", "")):
            (value or "").encode("utf-8")
    return docs, errors


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# --- 1: lone surrogates and file names that are not UTF-8 -------------------------------------------


@pytest.mark.parametrize("field", ["id", "publisher", "url", "title", "text"])
def test_lone_surrogate_in_a_record_is_replaced_per_record(tmp_path: Path, field: str) -> None:
    bad = {"id": "pm-1", "title": "Fest", "publisher": "Bezirksamt", "url": "https://x.de/1", "text": RELEASE}
    bad[field] = bad[field] + "\udfff"
    good = {"id": "pm-2", "text": "Die Bibliothek öffnet am Montag wieder."}
    path = write(tmp_path / "pm.jsonl", json.dumps(bad) + "\n" + json.dumps(good) + "\n")
    docs, errors = read(path)
    assert not errors
    assert len(docs) == 2 and docs[1].doc_id == "pm-2"
    value = {"id": docs[0].doc_id, "publisher": docs[0].publisher, "url": docs[0].url}.get(field)
    if field in ("title", "text"):
        value = docs[0].title if field == "title" else docs[0].text
    assert value.endswith("\ufffd")
    assert any("surrogate" in w for w in docs[0].meta["warnings"])


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "in")
    os.makedirs(folder)
    with open(os.path.join(folder, b"Stra\xdfenfest.txt"), "wb") as fh:  # latin-1 name
        fh.write(RELEASE.encode("utf-8"))
    write(tmp_path / "in" / "zweite.txt", "Zweite Meldung aus dem Bezirk.")
    docs, errors = read(tmp_path / "in")
    assert not errors and len(docs) == 2
    first = next(d for d in docs if "Stra" in d.source)
    assert first.source.endswith("Stra\\xdfenfest.txt") and first.text == RELEASE
    assert first.doc_id.encode("utf-8")
    assert any("not valid UTF-8" in w for w in first.meta["warnings"])


# --- 3: a JSONL line that fails with something other than JSONDecodeError ---------------------------


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": "tief", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "RecursionError"),
        ('{"id": "zahl", "x": ' + "9" * 5000 + "}", "ValueError"),
    ],
)
def test_jsonl_line_with_other_parse_failure_is_one_row(tmp_path: Path, line: str, message: str) -> None:
    path = write(
        tmp_path / "pm.jsonl",
        jsonl({"id": "a", "text": RELEASE}) + line + "\n" + jsonl({"id": "c", "text": "Dritte Meldung."}),
    )
    docs, errors = read(path)
    assert [d.doc_id for d in docs] == ["a", "c"]
    assert [e.source for e in errors] == [f"{path}#L2"]
    assert message in errors[0].error


# --- 4: unique doc_id and source by construction ------------------------------------------------------


def test_generated_id_never_collides_with_an_own_id(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.jsonl",
        jsonl(
            {"id": "X", "text": "Erste Meldung."},
            {"id": "X", "text": "Zweite Meldung."},
            {"id": "X-2", "text": "Dritte Meldung."},
        ),
    )
    docs, errors = read(path)
    assert not errors
    ids = [d.doc_id for d in docs]
    sources = [d.source for d in docs]
    assert len(set(ids)) == 3 and ids[0] == "X"
    assert len(set(sources)) == 3 and sources[0] == f"{path}#X" and sources[1] == f"{path}#L2"


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", RELEASE)
    skipped: list[str] = []
    docs, errors = read(path, tmp_path, skipped=skipped)
    assert len(docs) == 1 and not errors


# --- 8: unreadable folders and files -------------------------------------------------------------------


def test_unreadable_subfolder_is_an_errors_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "in" / "a.txt", RELEASE)
    write(tmp_path / "in" / "gesperrt" / "b.txt", "Gesperrte Meldung.")
    locked = str(tmp_path / "in" / "gesperrt")
    real_scandir = os.scandir

    def scandir(path):  # root can read chmod-000 folders: simulate the EACCES an ordinary user gets
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(readers.os, "scandir", scandir)
    monkeypatch.setattr(readers.os, "listdir", lambda p: [e.name for e in scandir(p)])
    docs, errors = read(tmp_path / "in")
    assert [d.text for d in docs] == [RELEASE]
    assert [e.source for e in errors] == [locked + os.sep]
    assert "Permission denied" in errors[0].error


def test_explicit_path_in_unreadable_folder_is_an_errors_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = str(tmp_path / "gesperrt" / "b.txt")
    real_stat = os.stat

    def stat(path, *args, **kwargs):
        if os.fspath(path) == target:
            raise PermissionError(13, "Permission denied", target)
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(readers.os, "stat", stat)
    monkeypatch.setattr(readers.os.path, "exists", lambda p: False)
    good = write(tmp_path / "gut.txt", RELEASE)
    docs, errors = read(target, good)
    assert [d.source for d in docs] == [str(good)]
    assert [(e.source, "Permission denied" in e.error) for e in errors] == [(target, True)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod-000 folders; covered by the simulated case")
def test_chmod_000_folder_for_real(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", RELEASE)
    write(tmp_path / "in" / "gesperrt" / "b.txt", "Gesperrte Meldung.")
    os.chmod(tmp_path / "in" / "gesperrt", 0)
    try:
        docs, errors = read(tmp_path / "in")
    finally:
        os.chmod(tmp_path / "in" / "gesperrt", 0o755)
    assert len(docs) == 1 and len(errors) == 1 and "Permission denied" in errors[0].error


# --- 9: globs and symlink loops --------------------------------------------------------------------------


def test_glob_does_not_follow_a_symlink_loop(tmp_path: Path) -> None:
    write(tmp_path / "L" / "a.txt", RELEASE)
    write(tmp_path / "L" / "sub" / "b.txt", "Zweite Meldung.")
    os.symlink("..", tmp_path / "L" / "sub" / "loop")
    docs, errors = read(f"{tmp_path}/L/**/*.txt")
    assert not errors
    assert sorted(d.text for d in docs) == sorted([RELEASE, "Zweite Meldung."])


def test_glob_semantics_kept(tmp_path: Path) -> None:
    write(tmp_path / "x" / "eins.txt", "Erste Meldung.")
    write(tmp_path / "x" / "y" / "zwei.txt", "Zweite Meldung.")
    write(tmp_path / "x" / ".versteckt.txt", "Versteckt.")
    write(tmp_path / "x" / "notiz.md", "Notiz.")
    assert [d.text for d in read(f"{tmp_path}/x/*.txt")[0]] == ["Erste Meldung."]
    assert [d.text for d in read(f"{tmp_path}/x/**/*.txt")[0]] == ["Erste Meldung.", "Zweite Meldung."]
    assert [d.text for d in read(f"{tmp_path}/x/*/z?ei.txt")[0]] == ["Zweite Meldung."]
    assert [d.text for d in read(f"{tmp_path}/[x]/eins.txt")[0]] == ["Erste Meldung."]


# --- 10: symlinks out of the input tree ---------------------------------------------------------------


def test_symlinks_out_of_the_tree_are_not_followed(tmp_path: Path) -> None:
    outside = write(tmp_path / "draussen" / "geheim.txt", "Geheime Notiz vom Rechner.")
    write(tmp_path / "draussen" / "ordner" / "noch.txt", "Noch eine geheime Notiz.")
    write(tmp_path / "S" / "a.txt", RELEASE)
    os.symlink(outside, tmp_path / "S" / "host.txt")
    os.symlink(tmp_path / "draussen" / "ordner", tmp_path / "S" / "ordner")
    os.symlink(tmp_path / "S" / "a.txt", tmp_path / "S" / "innen.txt")  # inside the tree: same file, once
    skipped: list[str] = []
    docs, errors = read(tmp_path / "S", skipped=skipped)
    assert [d.text for d in docs] == [RELEASE] and not errors
    assert str(tmp_path / "S" / "host.txt") in skipped and str(tmp_path / "S" / "ordner") + os.sep in skipped
    docs, errors = read(tmp_path / "S", follow_symlinks=True)
    assert sorted(d.text for d in docs) == sorted(
        [RELEASE, "Geheime Notiz vom Rechner.", "Noch eine geheime Notiz."]
    )


def test_zip_symlink_member_is_not_a_document(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("eins.txt", RELEASE)
        link = zipfile.ZipInfo("host.txt")
        link.external_attr = (0o120777 << 16) | 0x20
        zf.writestr(link, "/etc/hostname")
    skipped: list[str] = []
    docs, errors = read(path, skipped=skipped)
    assert [d.text for d in docs] == [RELEASE] and not errors
    assert skipped == [f"{path}!host.txt"]


# --- 13: misleading rows -------------------------------------------------------------------------------

RECORDS = [{"id": "r1", "text": "Erste Meldung aus dem Bezirk."}, {"id": "r2", "text": "Zweite Meldung."}]


@pytest.mark.parametrize(
    "name, data",
    [
        ("u16.jsonl", jsonl(*RECORDS).encode("utf-16-le")),
        ("u16be.jsonl", jsonl(*RECORDS).encode("utf-16-be")),
        ("cr.jsonl", jsonl(*RECORDS).replace("\n", "\r").encode()),
        ("lines.json", jsonl(*RECORDS).encode()),
        ("pretty.jsonl", json.dumps(RECORDS, indent=2).encode()),
        ("pretty-object.jsonl", json.dumps(RECORDS[0], indent=2).encode()),
    ],
)
def test_misleading_jsonl_layouts_are_read_per_record(tmp_path: Path, name: str, data: bytes) -> None:
    docs, errors = read(write(tmp_path / name, data))
    assert not errors, errors
    n = 1 if name.startswith("pretty-object") else 2
    assert [d.doc_id for d in docs] == ["r1", "r2"][:n]


def test_json_message_does_not_say_at_at(tmp_path: Path) -> None:
    _docs, (error,) = read(write(tmp_path / "a.jsonl", '{"id": "a", "text": "Zeile\x01Zeile"}\n'))
    assert "at at" not in error.error and "column" in error.error


# --- 14: wrong-type metadata, dates, hidden files, HTML text limit -------------------------------------


@pytest.mark.parametrize(
    "record, expected",
    [
        ({"id": 4711, "text": RELEASE}, ("doc_id", "4711")),
        ({"id": "a", "text": RELEASE, "publisher": 17}, ("publisher", "17")),
        ({"id": "a", "text": RELEASE, "title": True}, ("title", "true")),
        ({"id": {"nested": 1}, "text": RELEASE}, "field 'id'"),
        ({"id": "a", "title": ["a", "b"], "text": RELEASE}, "field 'title'"),
        ({"id": "a", "publisher": {"name": "Amt"}, "text": RELEASE}, "field 'publisher'"),
    ],
)
def test_metadata_types(tmp_path: Path, record: dict, expected) -> None:
    docs, errors = read(write(tmp_path / "a.jsonl", jsonl(record)))
    if isinstance(expected, tuple):
        assert not errors and getattr(docs[0], expected[0]) == expected[1]
    else:
        assert not docs and expected in errors[0].error


def test_nan_id_is_refused(tmp_path: Path) -> None:
    docs, (error,) = read(write(tmp_path / "a.jsonl", '{"id": NaN, "text": "Meldung."}\n'))
    assert not docs and "field 'id'" in error.error


@pytest.mark.parametrize(
    "value, published",
    [
        ("2018-08-27", "2018-08-27"),
        ("2018-08-27T10:00:00Z", "2018-08-27"),
        ("27.08.2018", "2018-08-27"),
        ("27. August 2018", "2018-08-27"),
        ("Mon, 27 Aug 2018 10:00:00 +0200", "2018-08-27"),
        ("Montag, 27. August 2018", "2018-08-27"),
        ("03.04.2019", "2019-04-03"),  # day first
        ("2019-02-31", None),
        ("31.02.2019", None),
        ("Ende August", None),
        ("gestern", None),  # relative words are not dates of a record
        ("August 2018", None),  # no day: no guess
    ],
)
def test_record_dates(tmp_path: Path, value: str, published: str | None) -> None:
    (doc,), errors = read(write(tmp_path / "a.jsonl", jsonl({"id": "a", "text": RELEASE, "date": value})))
    assert not errors
    assert doc.published == published
    if published is None:
        assert any("date" in w for w in doc.meta["warnings"])


def test_hidden_files_and_zip_members_are_listed_as_skipped(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", RELEASE)
    write(tmp_path / "in" / ".entwurf.txt", "Entwurf.")
    with zipfile.ZipFile(tmp_path / "in" / "b.zip", "w") as zf:
        zf.writestr("b.txt", "Meldung im Archiv.")
        zf.writestr(".versteckt.txt", "Versteckt im Archiv.")
        zf.writestr("__MACOSX/.x/c.txt", "Metadaten.")
    skipped: list[str] = []
    docs, errors = read(tmp_path / "in", skipped=skipped)
    assert len(docs) == 2 and not errors
    assert str(tmp_path / "in" / ".entwurf.txt") in skipped
    assert f"{tmp_path / 'in' / 'b.zip'}!.versteckt.txt" in skipped
    assert f"{tmp_path / 'in' / 'b.zip'}!__MACOSX/.x/c.txt" in skipped


def test_html_limit_counts_text_not_markup(tmp_path: Path) -> None:
    markup = "".join(f'<div class="x{i}" data-a="{"z" * 200}"></div>' for i in range(3000))  # ~700 KB
    page = f"<html><body>{markup}<main><h1>Titel</h1><p>{RELEASE}</p></main></body></html>"
    (doc,), errors = read(write(tmp_path / "a.html", page), max_doc_bytes=100_000)
    assert not errors and RELEASE in doc.text
    big = f"<html><body><main><h1>Titel</h1><p>{RELEASE * 3000}</p></main></body></html>"
    docs, (error,) = read(write(tmp_path / "b.html", big), max_doc_bytes=100_000)
    assert not docs and "too large" in error.error


# --- issue 19 point 9: a missing default text field is one clear message -------------------------------


def test_missing_text_field_is_one_message_with_the_fields(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.jsonl",
        jsonl(*({"id": f"pm-{i}", "headline": "Fest", "body": RELEASE} for i in range(5))),
    )
    docs, (error,) = read(path)
    assert not docs and error.source == str(path)
    assert "--text-field body" in error.error and "headline" in error.error and "5 records" in error.error


def test_one_record_without_text_among_many_stays_a_record_row(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.jsonl",
        jsonl({"id": "leer", "title": "Ohne"}, {"id": "a", "text": RELEASE}, {"id": "b", "title": "Ohne"}),
    )
    docs, errors = read(path)
    assert [d.doc_id for d in docs] == ["a"]
    assert [e.source for e in errors] == [f"{path}#leer", f"{path}#b"]


# --- issue 19 point 6: a .txt headline ending in "!" is the title ---------------------------------------


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "Sommerfest im Bürgerpark – kommen Sie vorbei!\n\nAm Samstag lädt das Bezirksamt zum Fest ein.",
            "Sommerfest im Bürgerpark – kommen Sie vorbei!",
        ),
        ("Endlich wieder Freibad!\n\nDie Sommerbäder öffnen am Montag um 10 Uhr.", "Endlich wieder Freibad!"),
        ("Liebe Nachbarinnen und Nachbarn!\n\nWir laden Sie herzlich zum Hoffest ein.", None),  # an address
        ("Sehr geehrte Damen und Herren!\n\nDer Senat hat heute beschlossen.", None),
        ("Achtung!", None),  # nothing after it
        (
            "Freibad offen!\nAb Montag\n\nDie Sommerbäder öffnen am Montag.",
            None,
        ),  # two lines: not one headline
        ("Sommerfest im Bürgerpark\n\nAm Samstag lädt das Bezirksamt zum Fest ein.", None),  # layout's job
        (
            (
                "Wir haben es geschafft und danken allen, die uns in den vergangenen Monaten mit Rat und Tat "
                "unterstützt haben!\n\nDer Umbau ist fertig."
            ),
            None,  # a sentence, not a headline
        ),
    ],
)
def test_txt_headline_with_exclamation_mark_is_the_title(
    tmp_path: Path, text: str, title: str | None
) -> None:
    (doc,), _ = read(write(tmp_path / "pm.txt", text))
    assert doc.title == title
    assert doc.text == text  # the title stays the first block of the text, offsets unchanged


def test_jsonl_with_a_broken_first_line_keeps_the_others(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.jsonl",
        '{"id": "a", "text": "Erste Meldung."\n' + jsonl({"id": "b", "text": "Zweite Meldung."}),
    )
    docs, errors = read(path)
    assert [d.doc_id for d in docs] == ["b"] and [e.source for e in errors] == [f"{path}#L1"]
    path = write(tmp_path / "b.jsonl", "{\n" + jsonl({"id": "c", "text": "Dritte Meldung."}))
    docs, errors = read(path)
    assert [d.doc_id for d in docs] == ["c"] and [e.source for e in errors] == [f"{path}#L1"]


@pytest.mark.parametrize(
    "html, n",
    [
        ("<p>Grüße</p><script>var x = '<p>nicht sichtbar</p>';</script>", 7),
        ("<p>a &amp; b</p><style>p { color: red }</style><script>offen", 5),
        ("<" * 100_000, 100_000),  # no ">" anywhere: still linear
        ("<script>" * 50_000, 0),
    ],
)
def test_visible_text_estimate(html: str, n: int) -> None:
    assert readers.visible_text_bytes(html) == n


def test_html_with_too_much_text_is_refused_before_extraction(tmp_path: Path, monkeypatch) -> None:
    def never(*args, **kwargs):
        raise AssertionError("extraction should not run")

    monkeypatch.setattr(readers, "extract_html", never)
    page = f"<html><body><main><h1>Titel</h1><p>{RELEASE * 5000}</p></main></body></html>"
    docs, (error,) = read(write(tmp_path / "a.html", page), max_doc_bytes=100_000)
    assert not docs and "too large" in error.error and "about" in error.error


def test_broken_links_are_rows_in_folders_and_globs(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", RELEASE)
    os.symlink(tmp_path / "weg.txt", tmp_path / "in" / "kaputt.txt")
    for arg in (tmp_path / "in", f"{tmp_path}/in/*.txt"):
        docs, errors = read(arg)
        assert len(docs) == 1
        assert [(e.source, e.error) for e in errors] == [
            (str(tmp_path / "in" / "kaputt.txt"), "broken symbolic link")
        ]
