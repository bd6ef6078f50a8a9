"""The analysis notebooks run top to bottom on a fresh install and their plots render."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="notebook extras not installed (pip install '.[test]')")
nbclient = pytest.importorskip("nbclient", reason="notebook extras not installed (pip install '.[test]')")

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def _run(name: str, env: dict[str, str]) -> nbformat.NotebookNode:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        nbclient.NotebookClient(
            nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
        ).execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return nb


def _pngs(nb) -> list[bytes]:
    return [
        base64.b64decode(out["data"]["image/png"])
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if "image/png" in out.get("data", {})
    ]


def test_notebooks_are_stored_without_outputs():
    for path in NOTEBOOKS.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), (
            f"{path.name} has outputs"
        )


@pytest.mark.slow
def test_quickstart_runs():
    nb = _run("01_quickstart.ipynb", {})
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors


@pytest.mark.slow
def test_archive_analysis_runs_and_plots(tmp_path):
    nb = _run("02_archive_analysis.ipynb", {"PRESSEXTRACT_SAMPLE": "120"})
    pngs = _pngs(nb)
    assert len(pngs) >= 4, "each analysis section should draw a plot"
    for i, png in enumerate(pngs):
        assert png.startswith(b"\x89PNG") and len(png) > 5000  # a real image, not an empty canvas
        (tmp_path / f"plot{i}.png").write_bytes(png)
