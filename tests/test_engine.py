"""Engine: failure isolation, identical tables across API/CLI/workers/chunk sizes, stop + resume, no network."""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

import pressextract
from pressextract.api import RunInterrupted, extract_to_dir, make_options
from pressextract.engines.batch import Prepared, build_nlp, process_batch
from pressextract.ingest import IngestOptions

sys.path.insert(0, str(Path(__file__).parent / "scale"))
from scale_corpus import release, write_jsonl

TABLES = ("documents", "events", "agenda", "people", "roles", "quotes", "timexes", "errors")
REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "corpus" / "seed.txt"


def _tables(out: Path, exts: tuple[str, ...] = ("csv", "jsonl")) -> dict[str, bytes]:
    return {f"{t}.{e}": (out / f"{t}.{e}").read_bytes() for t in TABLES for e in exts}


@Language.component("test_explode_on_marker")
def _explode(doc):
    if "SPRENGSATZ" in doc.text:
        raise RuntimeError("Testfehler im Dokument")
    return doc


def _prepared(text: str, i: int) -> Prepared:
    return Prepared(doc_id=f"d{i}", source=f"<t{i}>", text=text, sha256="0" * 64, meta={})


@pytest.mark.parametrize(
    "texts, failing",
    [
        (
            [
                "Der Senat tagt am Dienstag.",
                "Die SPRENGSATZ-Übung findet statt.",
                "Frau Pop sagte, es sei gut.",
            ],
            [1],
        ),
        (["Die SPRENGSATZ-Meldung.", "SPRENGSATZ zwei."], [0, 1]),
        (["Der Regierende Bürgermeister eröffnet die Messe.", "Am 21. Juni ist Fête de la Musique."], []),
    ],
)
def test_a_failing_component_fails_only_its_document(texts, failing):
    nlp = build_nlp("blank", stages=())
    nlp.add_pipe("test_explode_on_marker")
    outcomes = process_batch(nlp, [_prepared(t, i) for i, t in enumerate(texts)], {})
    assert [i for i, o in enumerate(outcomes) if o.error is not None] == failing
    for i in failing:
        assert outcomes[i].error.stage == "test_explode_on_marker"
        assert "Testfehler" in outcomes[i].error.error
    assert all(o.records["documents"][0].doc_id == f"d{i}" for i, o in enumerate(outcomes) if o.error is None)


def test_text_over_the_tokenizer_limit_is_an_errors_row():
    nlp = build_nlp("blank", stages=())
    nlp.max_length = 50
    texts = ["Kurz und gut.", "Dieser Satz ist deutlich länger als fünfzig Zeichen, also zu lang."]
    outcomes = process_batch(nlp, [_prepared(t, i) for i, t in enumerate(texts)], {})
    assert outcomes[0].error is None
    assert outcomes[1].error.stage == "tokenizer" and "E088" in outcomes[1].error.error


def test_max_doc_bytes_refuses_large_documents_with_a_clear_message():
    result = pressextract.extract(
        ["Ein kurzer Text über den Senat.", "Lang " * 100],
        model="blank",
        ingest=IngestOptions(max_doc_bytes=200),
    )
    assert len(result.documents) == 1
    assert len(result.errors) == 1
    assert "max-doc-bytes=200" in result.errors.error[0]


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("engine") / "releases.jsonl"
    write_jsonl(src, range(60))
    with open(src, "a", encoding="utf-8") as fh:
        fh.write("kein JSON\n")
    return src


@pytest.fixture(scope="module")
def reference(archive, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ref")
    extract_to_dir(
        [str(archive)],
        out,
        options=make_options(model="blank", workers=1, batch_size=4, chunk_size=16),
        formats=("csv", "jsonl", "parquet"),
    )
    return out


def test_api_result_writes_the_same_bytes_as_the_streaming_run(archive, reference, tmp_path):
    result = pressextract.extract([str(archive)], model="blank", batch_size=7)
    result.write(tmp_path, formats=("csv", "jsonl"))
    assert _tables(tmp_path) == _tables(reference)
    assert result.manifest["documents_ok"] == 60 and result.manifest["documents_failed"] == 1


@pytest.mark.parametrize("chunk_size, batch_size", [(1, 1), (7, 3), (500, 32)])
def test_tables_do_not_depend_on_chunk_or_batch_size(archive, reference, tmp_path, chunk_size, batch_size):
    extract_to_dir(
        [str(archive)],
        tmp_path,
        options=make_options(model="blank", workers=1, batch_size=batch_size, chunk_size=chunk_size),
    )
    assert _tables(tmp_path) == _tables(reference)


def test_two_worker_processes_give_the_same_tables(archive, reference, tmp_path):
    manifest = extract_to_dir(
        [str(archive)], tmp_path, options=make_options(model="blank", workers=2, batch_size=4, chunk_size=16)
    )
    assert _tables(tmp_path) == _tables(reference)
    assert manifest["workers"] == 2 and len(manifest["peak_rss_mb"]["workers"]) >= 1


def test_parquet_has_the_rows_and_types_of_jsonl(reference):
    for table in ("documents", "agenda", "quotes", "errors"):
        parquet = pd.read_parquet(reference / f"{table}.parquet")
        jsonl = pd.read_json(reference / f"{table}.jsonl", lines=True, dtype=False)
        assert list(parquet.columns) == list(jsonl.columns) or jsonl.empty
        assert len(parquet) == len(jsonl)
    docs = pd.read_parquet(reference / "documents.parquet")
    assert docs["n_words"].dtype == "Int64"  # the Python API's dtype (records.export.frame_dtypes)


def test_stop_then_resume_gives_the_same_tables(archive, reference, tmp_path):
    options = make_options(model="blank", workers=1, batch_size=4, chunk_size=16)
    seen = []

    def stop() -> bool:
        return len(seen) >= 37  # mid-chunk: the partly read third chunk must be dropped, not written

    with pytest.raises(RunInterrupted) as info:
        extract_to_dir(
            [str(archive)], tmp_path, options=options, on_progress=lambda ok, f: seen.append(ok), stop=stop
        )
    totals = info.value.totals  # whole chunks only; batches in flight are finished first, so 2 or 3 chunks
    assert totals["chunks"] in (2, 3) and totals["inputs"] == 16 * totals["chunks"]
    progress = json.loads((tmp_path / ".parts" / "progress.json").read_text(encoding="utf-8"))
    assert [c["index"] for c in progress["chunks"]] == list(range(totals["chunks"]))
    sidecar = json.loads((tmp_path / ".parts" / "chunks" / "part-00001.json").read_text(encoding="utf-8"))
    assert sidecar["doc_ids"] == [f"pm-{i}" for i in range(16, 32)]
    extract_to_dir([str(archive)], tmp_path, options=options, resume=True)
    assert _tables(tmp_path) == _tables(reference)


def test_no_network_access_during_a_run(monkeypatch, tmp_path):
    def refuse(self, address):
        raise AssertionError(f"network access during extraction: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))
    title, text = release(3)
    html = tmp_path / "pm.html"
    html.write_text(
        f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>"
        + "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        + "</main></body></html>",
        encoding="utf-8",
    )
    inputs = [str(REPO / "corpus"), str(html)] + ([str(SEED)] if SEED.exists() else [])
    result = pressextract.extract(inputs, model="blank")
    assert len(result.documents) >= 2
    assert result.errors.empty, result.errors.to_dict("records")


@pytest.mark.parametrize(
    "args, code",
    [
        (["--format", "xlsx"], 2),
        (["--engine", "spark"], 2),
        (["--batch-size", "0"], 2),
        (["--model", "/kein/modell/da"], 2),
    ],
)
def test_cli_usage_errors_exit_2(args, code, tmp_path):
    from typer.testing import CliRunner

    from pressextract.cli import _register, app

    _register()
    res = CliRunner().invoke(
        app, ["extract", str(REPO / "corpus"), "-o", str(tmp_path), "-q", "--workers", "1", *args]
    )
    assert res.exit_code == code, res.output


def test_cli_help_documents_exit_codes():
    from typer.testing import CliRunner

    from pressextract.cli import _register, app

    _register()
    res = CliRunner().invoke(app, ["extract", "--help"], terminal_width=200)
    text = " ".join(res.output.split())
    for phrase in (
        "0 all inputs processed",
        "1 some inputs failed",
        "2 usage or configuration error",
        "3 the output folder cannot be written",
        "130 interrupted",
    ):
        assert phrase in text


# --- issue 20: bad records, --resume after damage, long tokens ---------------------------------


def _bad_record_archive(path: Path) -> Path:
    """Good releases with three records whose id, publisher or url hold a lone surrogate (in chunk 0)."""
    write_jsonl(path, range(30))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    bad = [
        {"id": "pm-\udfff", "text": "Der Senat tagt am Dienstag im Roten Rathaus."},
        {"id": "pm-b", "publisher": "Senats\udfffkanzlei", "text": "Die Bezirksverordneten tagen."},
        {"id": "pm-c", "url": "https://berlin.de/\udfff", "text": "Am 3. Mai beginnt das Stadtfest."},
    ]
    # ensure_ascii: the file is valid UTF-8; json.loads gives the lone surrogate back
    lines[3:3] = [json.dumps(r) + "\n" for r in bad]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_a_record_with_lone_surrogates_is_repaired_and_resume_passes_it(tmp_path):
    """Lone surrogates in id/publisher/url used to end the run when the chunk was written; the reader now
    replaces them with U+FFFD (engines/rows.encode_outcome still turns any record that cannot be written
    into one errors row), and an interrupted run resumes past them to the same tables."""
    src = _bad_record_archive(tmp_path / "in.jsonl")
    options = make_options(model="blank", workers=1, batch_size=4, chunk_size=8)
    ref = tmp_path / "ref"
    manifest = extract_to_dir([str(src)], ref, options=options)
    assert manifest["documents_ok"] == 33 and manifest["documents_failed"] == 0
    docs = [json.loads(line) for line in (ref / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = {d["doc_id"]: d for d in docs}
    assert "pm-\ufffd" in by_id and by_id["pm-b"]["publisher"] == "Senats\ufffdkanzlei"
    assert not (ref / "errors.jsonl").read_text(encoding="utf-8").strip()
    out = tmp_path / "out"
    _run_until_stopped(src, out, options, after=20)
    extract_to_dir([str(src)], out, options=options, resume=True)
    assert _tables(out) == _tables(ref)


def test_the_api_repairs_the_same_records(tmp_path):
    src = _bad_record_archive(tmp_path / "in.jsonl")
    result = pressextract.extract([str(src)], model="blank")
    assert len(result.errors) == 0
    assert len(result.documents) == 33


def _interrupted(tmp_path: Path, n: int = 40) -> tuple[Path, Path, Path]:
    """An archive, its uninterrupted tables, and an output folder holding an interrupted run of it."""
    src = tmp_path / "in.jsonl"
    write_jsonl(src, range(n))
    options = make_options(model="blank", workers=1, batch_size=4, chunk_size=8)
    ref = tmp_path / "ref"
    extract_to_dir([str(src)], ref, options=options)
    out = tmp_path / "out"
    _run_until_stopped(src, out, options, after=25)
    return src, ref, out


def _run_until_stopped(src: Path, out: Path, options, *, after: int) -> None:
    """A run into OUT that is stopped once `after` documents are done (it must raise RunInterrupted)."""
    seen: list[int] = []
    with pytest.raises(RunInterrupted):
        extract_to_dir(
            [str(src)],
            out,
            options=options,
            on_progress=lambda ok, f: seen.append(ok),
            stop=lambda: len(seen) >= after,
        )


def test_resume_notices_a_same_size_edit_with_the_old_mtime(tmp_path):
    from pressextract.engines.driver import InputChanged

    src, _, out = _interrupted(tmp_path)
    st = src.stat()
    data = src.read_bytes()
    assert b'Meldung 2"' in data
    src.write_bytes(data.replace(b'Meldung 2"', b'Meldung X"', 1))  # inside chunk 0, already written
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert src.stat().st_size == st.st_size
    options = make_options(model="blank", workers=1, batch_size=4, chunk_size=8)
    with pytest.raises(InputChanged, match="chunk 0"):
        extract_to_dir([str(src)], out, options=options, resume=True)


@pytest.mark.parametrize(
    "damage",
    [
        ("quotes/part-00001.jsonl",),
        ("chunks/part-00000.json", "documents/part-00002.jsonl"),
        ("chunks",),
    ],
)
def test_resume_redoes_chunks_whose_files_were_deleted(tmp_path, damage):
    import shutil

    src, ref, out = _interrupted(tmp_path)
    for name in damage:
        path = out / ".parts" / name
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    redo: list[int] = []
    options = make_options(model="blank", workers=1, batch_size=4, chunk_size=8)
    extract_to_dir(
        [str(src)], out, options=options, resume=True, on_start=lambda info: redo.extend(info["redo"])
    )
    assert redo
    assert _tables(out) == _tables(ref)


@pytest.mark.parametrize("content", ['{"format": 2, "chunks": [{"ind', "", "[]"])
def test_resume_reports_a_damaged_progress_file(tmp_path, content):
    from pressextract.engines.store import ResumeError, RunExists

    src, _, out = _interrupted(tmp_path)
    (out / ".parts" / "progress.json").write_text(content, encoding="utf-8")
    options = make_options(model="blank", workers=1, batch_size=4, chunk_size=8)
    with pytest.raises(ResumeError, match="progress.json is damaged"):
        extract_to_dir([str(src)], out, options=options, resume=True)
    with pytest.raises(RunExists):  # nor does a plain rerun silently start over
        extract_to_dir([str(src)], out, options=options)
    assert (out / ".parts" / "progress.json").read_text(encoding="utf-8") == content


@pytest.mark.parametrize(
    "text, limit, longest",
    [
        ("Die Senatorin eröffnet die Messe.", 1000, 9),
        ("Siehe " + "x" * 2500 + " am 3. Mai.", 1000, 1000),
        ("Programm:" + "\n" * 30 + "Ende", 8, 8),
        ("Unterschriftenaktion und Bürgerbeteiligungsverfahren.", 10, 10),
    ],
)
def test_long_tokens_are_cut_but_text_and_offsets_stay(text, limit, longest):
    from pressextract.engines.batch import split_long_tokens

    nlp = build_nlp("blank", stages=())
    doc = split_long_tokens(nlp.make_doc(text), limit)
    assert doc.text == text
    assert max(len(t) for t in doc) == longest
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)


def test_a_huge_token_goes_through_the_analysis(tmp_path):
    nlp = build_nlp("blank")
    text = "Der Senat tagt am 3. Mai 2019. " + "ä" * 50_000 + " Ende."
    outcomes = process_batch(nlp, [_prepared(text, 0)], {})
    assert outcomes[0].error is None
    assert outcomes[0].records["documents"][0].text == text


def test_an_outcome_that_cannot_be_encoded_becomes_one_errors_row():
    """The engine's last guard (engines/rows.encode_outcome): a record the reader let through with a lone
    surrogate is one errors row of stage export, never a dead chunk."""
    from pressextract.engines.batch import Outcome
    from pressextract.engines.rows import encode_outcome
    from pressextract.records.schema import Error

    src = "in.jsonl#pm-\udfff"
    bad = Outcome(src, error=Error(src, "press_quotes", "Fehler", "pm-\udfff"), doc_id="pm-\udfff")
    outcome, lines = encode_outcome(bad)
    assert list(lines) == ["errors"] and outcome.error.stage == "press_quotes"
    "".join(lines["errors"]).encode("utf-8")  # writable now
    assert "\\udfff" in outcome.error.doc_id
