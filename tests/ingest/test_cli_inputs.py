"""`pressextract extract` arguments: a path that does not exist is a usage error (issue 20 point 7),
symbolic links out of the input folder are read only with --follow-symlinks (point 10)."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pressextract.cli import _register, app

_register()
runner = CliRunner()


def extract(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["extract", *args, "--model", "blank", "--workers", "1", "-q"])
    return result.exit_code, result.output


@pytest.mark.parametrize("name", ["pressearchiv2019", "pressearchiv2019/", "fehlt.txt", "fehlt.jsonl.xz"])
def test_missing_path_is_a_usage_error(tmp_path: Path, name: str) -> None:
    good = tmp_path / "gut.txt"
    good.write_text("Der Bezirk lädt am 3. Mai 2025 zum Frühlingsfest ein.", encoding="utf-8")
    out = tmp_path / "out"
    code, output = extract(str(good), str(tmp_path / name), "-o", str(out))
    assert code == 2, output
    assert "no such file or folder" in output and name.rstrip("/") in output
    assert "pressextract extract -" in output  # the hint for a text given inline
    assert not (out / "documents.csv").exists()


def test_glob_without_match_stays_an_errors_row(tmp_path: Path) -> None:
    good = tmp_path / "gut.txt"
    good.write_text("Der Bezirk lädt am 3. Mai 2025 zum Frühlingsfest ein.", encoding="utf-8")
    code, output = extract(str(good), str(tmp_path / "nichts" / "*.txt"), "-o", str(tmp_path / "out"))
    assert code == 1, output
    assert list(pd.read_csv(tmp_path / "out" / "errors.csv")["error"]) == ["no file matches this pattern"]


def test_follow_symlinks_option(tmp_path: Path) -> None:
    (tmp_path / "draussen").mkdir()
    (tmp_path / "draussen" / "notiz.txt").write_text("Eine Notiz außerhalb des Ordners.", encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gut.txt").write_text("Der Bezirk lädt zum Frühlingsfest ein.", encoding="utf-8")
    os.symlink(tmp_path / "draussen" / "notiz.txt", tmp_path / "in" / "notiz.txt")
    code, output = extract(str(tmp_path / "in"), "-o", str(tmp_path / "a"))
    assert code == 0, output
    assert len(pd.read_csv(tmp_path / "a" / "documents.csv")) == 1
    code, output = extract(str(tmp_path / "in"), "-o", str(tmp_path / "b"), "--follow-symlinks")
    assert code == 0, output
    assert len(pd.read_csv(tmp_path / "b" / "documents.csv")) == 2


def test_bad_record_and_non_utf8_name_do_not_end_the_run(tmp_path: Path) -> None:
    """Issue 20 point 1: a lone surrogate in id/publisher/url and a latin-1 file name were exit 2 with no
    tables (and --resume failed the same way); now they are documents, and the run can be resumed."""
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"Stra\xdfenfest.txt"), "wb") as fh:
        fh.write("Der Bezirk lädt am 3. Mai 2025 zum Straßenfest ein.".encode())
    (folder / "pm.jsonl").write_text(
        '{"id": "pm-1\\udfff", "publisher": "Senat\\udfff", "url": "https://x.de/\\udfff", '
        '"text": "Der Senat tagt am Dienstag."}\n{"id": "pm-2", "text": "Die Bibliothek öffnet wieder."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, output = extract(str(folder), "-o", str(out))
    assert code == 0, output
    docs = pd.read_csv(out / "documents.csv")
    assert len(docs) == 3 and {"pm-1\ufffd", "pm-2"} <= set(docs["doc_id"])
    assert any(s.endswith("Stra\\xdfenfest.txt") for s in docs["source"])
    assert "Senat\ufffd" in set(docs["publisher"])
    first = (out / "documents.csv").read_bytes()
    code, output = extract(str(folder), "-o", str(out), "--overwrite")
    assert code == 0, output
    assert (out / "documents.csv").read_bytes() == first


def test_path_in_unreadable_folder_is_an_errors_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20 point 8: a PermissionError traceback before; an errors row now (EACCES simulated: root reads
    everything)."""
    from pressextract.ingest import readers

    target = str(tmp_path / "gesperrt" / "b.txt")
    good = tmp_path / "gut.txt"
    good.write_text("Der Bezirk lädt am 3. Mai 2025 zum Frühlingsfest ein.", encoding="utf-8")
    real_stat, real_lstat = os.stat, os.lstat

    def denied(real):
        def call(path, *args, **kwargs):
            if os.fspath(path) == target:
                raise PermissionError(13, "Permission denied", target)
            return real(path, *args, **kwargs)

        return call

    monkeypatch.setattr(os, "lstat", denied(real_lstat))
    monkeypatch.setattr(readers.os, "stat", denied(real_stat))
    code, output = extract(target, str(good), "-o", str(tmp_path / "out"))
    assert code == 1, output
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert list(errors["source"]) == [target] and "Permission denied" in errors["error"][0]
