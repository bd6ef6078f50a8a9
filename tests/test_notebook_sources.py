"""The notebooks as stored: README sections they point to exist, every plot states its n, the extra that
opens them is declared and documented (fast checks on the sources; running them is tests/test_notebooks.py)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="notebook extras not installed (pip install '.[test]')")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _cells(path: Path):
    return nbformat.read(path, as_version=4).cells


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_readme_sections_named_by_notebooks_exist(path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    headings = {m.group(1).strip() for m in re.finditer(r"^#+ (.+)$", readme, flags=re.MULTILINE)}
    for cell in _cells(path):
        for name in re.findall(r'README "([^"]+)"', cell.source):
            assert name in headings, f'{path.name} points to README "{name}"'


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_plot_states_its_n(path):
    for cell in _cells(path):
        if cell.cell_type == "code" and "plt.subplots" in cell.source:
            assert re.search(r"\(?n ?= ?\{|n=\{", cell.source), cell.source[:120]


def test_no_unknown_level_is_made_up():
    for cell in _cells(ROOT / "notebooks" / "02_archive_analysis.ipynb"):
        assert '"level": "unknown"' not in cell.source


def test_notebooks_extra_installs_jupyter_and_readme_says_how_to_open():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    names = {re.split(r"[<>=\[ ]", req)[0] for req in extras["notebooks"]}
    assert {"jupyter", "matplotlib", "ipykernel"} <= names
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install ".[notebooks]"' in readme and "jupyter lab notebooks/" in readme
    assert "python -m venv .venv" in readme
