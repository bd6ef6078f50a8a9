"""Stable identifiers: derived from content and names, never from row order.

Example: person_id("Annette Widmann-Mauz") == person_id("annette  Widmann-Mauz").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata


def _digest(text: str, n: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def normalize_name(name: str) -> str:
    """Casefolded NFC name with single spaces and unified hyphens; honorifics are the caller's job."""
    name = unicodedata.normalize("NFC", name).replace("\u2010", "-").replace("\u2011", "-")
    name = re.sub(r"\s*-\s*", "-", name)
    return re.sub(r"\s+", " ", name).strip().casefold()


def person_id(name: str) -> str:
    """Person id from the normalized full name (given + family), stable across runs and documents."""
    return "p-" + _digest(normalize_name(name))


def slug(text: str, max_len: int = 40) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:max_len] or "doc"


def content_doc_id(source_name: str, text: str) -> str:
    """doc_id for inputs without their own id: file stem + content hash ("seed-3f2a9c1b04")."""
    return f"{slug(source_name)}-{_digest(text, 10)}"
