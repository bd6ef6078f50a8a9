"""The bundled German spaCy pipeline, installed as the package ``pressextract_models``.

The pipeline itself is trained by ``python -m pressextract.training`` (see README.md in this folder).
"""

from pathlib import Path

BUNDLED_NAME = "de_pressextract"


def bundled_model_path() -> Path:
    """Directory of the bundled pipeline (it may be missing in a checkout that never trained one)."""
    return Path(__file__).resolve().parent / BUNDLED_NAME
