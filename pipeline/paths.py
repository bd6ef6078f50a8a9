"""Where the checkout and the shared corpora are, for commands that need them (evaluate, training, benches).

An installed package lives in site-packages, so paths relative to this file only work in an editable
install. Order: environment variable, then the current folder and its parents, then this file's checkout.
"""

from __future__ import annotations

import os
from pathlib import Path


def _is_checkout(folder: Path) -> bool:
    return (folder / "corpus" / "gold").is_dir() and (folder / "pyproject.toml").is_file()


def project_root() -> Path:
    """The pressextract checkout (folder with pyproject.toml and corpus/gold/); PRESSEXTRACT_ROOT overrides."""
    env = os.environ.get("PRESSEXTRACT_ROOT")
    if env:
        return Path(env).resolve()
    cwd = Path.cwd().resolve()
    for folder in (cwd, *cwd.parents):
        if _is_checkout(folder):
            return folder
    return Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path:
    """The shared corpora (../shared/data beside the checkout); PRESSEXTRACT_DATA overrides."""
    env = os.environ.get("PRESSEXTRACT_DATA")
    if env:
        return Path(env).resolve()
    return project_root().parent / "shared" / "data"
