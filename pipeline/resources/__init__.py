"""German rules as data, installed with the package: lexicons/*.tsv|txt and patterns/*.jsonl."""

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
LEXICON_DIR = RESOURCES_DIR / "lexicons"
PATTERN_DIR = RESOURCES_DIR / "patterns"
