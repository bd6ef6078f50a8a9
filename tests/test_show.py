"""The review page of the reference release: quotes with their speaker, the dated agenda, and a real
rendering in headless Chromium (skipped where Chromium is not installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import _register, app

SEED = Path(__file__).resolve().parent.parent / "corpus" / "seed.txt"


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    _register()
    out = tmp_path_factory.mktemp("show") / "seed.html"
    result = CliRunner().invoke(app, ["show", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _has_stages(*names: str) -> bool:
    from spacy.language import Language

    import pipeline.stages  # noqa: F401

    return all(Language.has_factory(n) for n in names)


@pytest.mark.skipif(
    not _has_stages("press_quotes", "press_agenda", "press_people"),
    reason="quote/agenda/people stages not registered",
)
def test_page_shows_quotes_with_speaker_and_dated_agenda(page):
    html = page.read_text(encoding="utf-8")
    quotes = html.split("<h2>Quotes", 1)[1].split("<h2>", 1)[0]
    assert quotes.count("Widmann-Mauz") >= 2  # both quotes attributed to her
    assert "Es war ein lebhafter Erfahrungsaustausch" in quotes
    agenda = html.split("<h2>Agenda", 1)[1].split("<h2>", 1)[0]
    assert "2018-08-27" in agenda and "2018-08-28" in agenda and "12:00" in agenda


def test_show_writes_html_to_stdout():
    _register()
    result = CliRunner().invoke(app, ["show", str(SEED), "--model", "blank"])
    assert result.exit_code == 0
    assert result.stdout.lstrip().startswith("<!DOCTYPE html>")


def test_show_unknown_id_is_a_clear_error(tmp_path):
    _register()
    archive = tmp_path / "a.jsonl"
    archive.write_text('{"id": "x1", "text": "Der Senat tagte am Dienstag."}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(archive), "--id", "nope", "--model", "blank"])
    assert result.exit_code != 0
    assert "no release 'nope'" in result.output


@pytest.mark.skipif(
    not (shutil.which("chromium") or shutil.which("chromium-browser")), reason="Chromium not installed"
)
def test_page_renders_in_headless_chromium(page, tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    shot = tmp_path / "seed.png"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1200,2400",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        check=True,
        timeout=120,
        capture_output=True,
    )
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a rendered page, not a blank one
