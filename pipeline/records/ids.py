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


# letters NFKD does not take apart: "Kalaycı" and "Kalayci" are one name
_PLAIN = str.maketrans({"ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d"})


def person_key(name: str) -> str:
    """The spelling-free form of a person's name: casefolded, without diacritics, hyphens as spaces.

    Example: person_key("Maroš Šefčovič") == person_key("Maros Sefcovic") == "maros sefcovic";
    person_key("Isabel Vela-Sanchez") == person_key("Isabel Vela Sanchez").
    """
    name = unicodedata.normalize("NFKD", normalize_name(name).translate(_PLAIN))
    name = "".join(c for c in name if not unicodedata.combining(c))
    return re.sub(r"[\s\-‐‑]+", " ", name).strip()


def person_id(name: str) -> str:
    """Person id from the spelling-free full name (given + family), stable across runs and documents.

    Example: person_id("Dilek Kalaycı") == person_id("Dilek Kalayci").
    """
    return "p-" + _digest(person_key(name))


def slug(text: str, max_len: int = 40) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:max_len] or "doc"


def content_doc_id(source_name: str, text: str) -> str:
    """doc_id for inputs without their own id: file stem + content hash ("seed-3f2a9c1b04")."""
    return f"{slug(source_name)}-{_digest(text, 10)}"
