"""`pressextract extract` end to end: tables on disk, exit codes, the sample corpus, stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pressextract.cli import _register, app

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SPEC_TABLES = {
    "documents": [
        "doc_id",
        "source",
        "title",
        "kicker",
        "lead",
        "published",
        "publisher",
        "text",
        "n_words",
        "sha256",
    ],
    "events": [
        "event_id",
        "doc_id",
        "name",
        "type",
        "motto",
        "start",
        "end",
        "location",
        "organizer",
        "recurrence",
        "char_start",
        "char_end",
    ],
    "agenda": [
        "item_id",
        "doc_id",
        "event_id",
        "date",
        "time",
        "end_time",
        "title",
        "day_label",
        "participants",
        "char_start",
        "char_end",
    ],
    "people": [
        "person_id",
        "name",
        "honorific",
        "given_name",
        "family_name",
        "gender",
        "n_mentions",
        "n_documents",
    ],
    "roles": [
        "doc_id",
        "person_id",
        "name",
        "role_text",
        "role",
        "role_norm",
        "portfolio",
        "organization",
        "jurisdiction",
        "level",
        "char_start",
        "char_end",
    ],
    "quotes": ["quote_id", "doc_id", "person_id", "speaker", "cue", "kind", "text", "char_start", "char_end"],
    "timexes": ["doc_id", "text", "type", "value", "char_start", "char_end"],
    "errors": ["source", "stage", "error"],
}

_register()
runner = CliRunner()


def extract(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["extract", *args, "--model", "blank", "--workers", "1", "-q"])
    return result.exit_code, result.output


def test_sample_corpus_writes_every_table(tmp_path: Path) -> None:
    """done-when 1: every SPEC table as CSV + JSONL (+ Parquet on request) and run.json; the corpus ingests cleanly."""
    out = tmp_path / "out"
    code, output = extract(str(CORPUS), "-o", str(out), "--format", "csv,jsonl,parquet")
    assert code == 0, output
    for table, columns in SPEC_TABLES.items():
        for suffix in ("csv", "jsonl", "parquet"):
            assert (out / f"{table}.{suffix}").exists(), f"{table}.{suffix}"
        header = (out / f"{table}.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header[: len(columns)] == columns
    docs = pd.read_json(out / "documents.jsonl", lines=True, dtype=False)
    assert len(docs) == 7 and docs["doc_id"].is_unique
    by_source = {Path(s).name: row for s, row in zip(docs["source"], docs.to_dict("records"))}
    html = by_source["stadtfest-lindenau.html"]
    assert html["title"] == "Stadtfest „Lindenau feiert“ am 14. und 15. Juni 2025"
    assert html["published"] == "2025-05-20"
    assert "Kontakt" not in html["text"] and "Startseite" not in html["text"]
    assert "Schloßstraße" in by_source["lesesommer-cp1252.txt"]["text"]
    assert "Dilara Şahin" in by_source["kita-rosengarten-utf16.txt"]["text"]
    assert set(docs["doc_id"]) >= {"lindenau-pm-2025-087", "lindenau-pm-2025-091", "lindenau-pm-2025-095"}
    seed = by_source["seed.txt"]
    assert (seed["kicker"], seed["title"]) == ("Integrationsbeauftragte", "Integration vor Ort gestalten")
    assert seed["lead"] == "In Kassel tagte die Bundeskonferenz der Integrationsbeauftragen."
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["documents_ok"] == 7 and manifest["documents_failed"] == 0
    assert not (out / "errors.csv").read_text(encoding="utf-8").strip().splitlines()[1:]


def test_exit_code_one_when_an_input_fails(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gut.txt").write_text(
        "Der Bezirk lädt am 3. Mai 2025 zum Frühlingsfest ein.", encoding="utf-8"
    )
    (tmp_path / "in" / "leer.txt").write_bytes(b"")
    (tmp_path / "in" / "kaputt.jsonl").write_text('{"id": "a", "text": "Eins."}\n{kaputt\n', encoding="utf-8")
    out = tmp_path / "out"
    code, output = extract(str(tmp_path / "in"), "-o", str(out))
    assert code == 1, output
    errors = pd.read_csv(out / "errors.csv")
    assert sorted(errors["error"].str.split(":").str[0]) == ["empty file", "malformed JSON line"]
    assert set(errors["stage"]) == {"ingest"}
    assert len(pd.read_csv(out / "documents.csv")) == 2  # the rest of the run went on


def test_exit_code_zero_when_all_inputs_read(tmp_path: Path) -> None:
    path = tmp_path / "gut.txt"
    path.write_text("Der Bezirk lädt am 3. Mai 2025 zum Frühlingsfest ein.", encoding="utf-8")
    code, output = extract(str(path), "-o", str(tmp_path / "out"))
    assert code == 0, output


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    code, output = extract(str(tmp_path / "gibt-es-nicht.txt"), "-o", str(tmp_path / "out"))
    assert code == 2 and "no such file or folder" in output  # more in tests/ingest/test_cli_inputs.py


def test_stdin_through_a_real_process(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "pressextract"
    if not exe.exists():
        pytest.skip("pressextract console script not installed in this environment")
    lines = "".join(
        json.dumps({"id": f"s{i}", "title": "Meldung", "text": f"Text Nummer {i}."}) + "\n" for i in range(3)
    )
    out = tmp_path / "out"
    proc = subprocess.run(
        [str(exe), "extract", "-", "-o", str(out), "--model", "blank", "--workers", "1", "-q"],
        input=lines.encode(),
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    docs = pd.read_csv(out / "documents.csv")
    assert list(docs["doc_id"]) == ["s0", "s1", "s2"]
    assert list(docs["source"]) == ["<stdin>#s0", "<stdin>#s1", "<stdin>#s2"]


def test_same_text_under_two_arguments_stays_distinguishable(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "meldung.txt").write_text(
            "Der Bezirk lädt zum Frühlingsfest ein.", encoding="utf-8"
        )
    out = tmp_path / "out"
    code, output = extract(str(tmp_path / "a"), str(tmp_path / "b" / "meldung.txt"), "-o", str(out))
    assert code == 0, output
    ids = list(pd.read_csv(out / "documents.csv")["doc_id"])
    assert len(ids) == 2 and ids[1] == ids[0] + "-2"


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    """A Latin-1 file name (byte 0xff) used to end the run at progress.json with exit 2; the reader now
    shows the name with escapes (the file itself is opened under its real name) and nothing is lost."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "gut.txt").write_text("Der Bezirk lädt am 3. Mai 2025 zum Frühlingsfest ein.", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"schl\xfcssel-\xff.txt"), "wb") as fh:
        fh.write("Die Senatorin eröffnet am 4. Mai 2025 die Messe.".encode())
    out = tmp_path / "out"
    code, output = extract(str(folder), "-o", str(out))
    assert code == 0, output
    docs = pd.read_csv(out / "documents.csv")
    assert sorted(docs["source"]) == sorted(
        [str(folder / "gut.txt"), str(folder / "schl\\xfcssel-\\xff.txt")]
    )
    assert any("Messe" in t for t in docs["text"])
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["documents_failed"] == 0
