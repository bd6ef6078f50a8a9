"""Record metadata -> plain values: text fields as text (never a Python repr), dates as ISO 8601.

Example: {"id": 4711} -> "4711"; {"title": ["a", "b"]} -> BadField; "Mon, 27 Aug 2018 10:00:00 +0200"
-> "2018-08-27"; "2019-02-31" -> None with a warning.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from functools import lru_cache


class BadField(ValueError):
    """A metadata field of a type that has no text form (a list, an object, NaN)."""


def meta_text(value: object, field: str) -> str | None:
    """A metadata value as text: strings as they are, numbers and booleans in their JSON spelling.

    Example: 4711 -> "4711"; 3.5 -> "3.5"; True -> "true"; "" -> None; ["a"] -> BadField.
    """
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise BadField(f"field {field!r} is {value} (not a number), expected text or a number")
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    kind = {dict: "an object", list: "a list"}.get(type(value), type(value).__name__)
    shown = json.dumps(value, ensure_ascii=False, default=str)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    raise BadField(f"field {field!r} holds {kind} ({shown}), expected text or a number")


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?")
_GERMAN_DATE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:,?\s.*)?")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# "27. August 2018, 10 Uhr": dateparser does not read the German hour suffix; the date is all we keep.
_UHR = re.compile(r",?\s*\d{1,2}(?:[:.]\d{2})?\s*Uhr\s*$", re.IGNORECASE)


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _dateparser(value: str) -> str | None:
    import dateparser  # the design card's date library; imported only for formats the fast path misses

    parsed = dateparser.parse(
        value,
        languages=["de", "en"],
        settings={
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "STRICT_PARSING": True,
            "RETURN_AS_TIMEZONE_AWARE": True,
        },
    )
    return parsed.date().isoformat() if parsed is not None else None


def parse_date(value: object, *, field: str = "date") -> tuple[str | None, str | None]:
    """A record's publication date -> (ISO date or None, warning or None). Never a guess:
    day, month and year must all be stated (day first), relative words are not dates.

    Example: "27.08.2018" -> ("2018-08-27", None); "Mon, 27 Aug 2018 10:00:00 +0200" -> "2018-08-27";
    "27. August 2018" -> "2018-08-27"; "2019-02-31" -> (None, "date '2019-02-31' is not a valid date").
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        return None, f"{field}: {value!r} is not a date (expected text such as 2018-08-27 or 27.08.2018)"
    text = value.strip()
    if m := _ISO_DATE.fullmatch(text):
        year, month, day = (int(g) for g in m.groups())
        iso = _checked(year, month, day)
    elif m := _GERMAN_DATE.fullmatch(text):
        day, month, year = (int(g) for g in m.groups())
        iso = _checked(year, month, day)
    elif len(text) <= 100 and _YEAR.search(text):
        iso = _dateparser(_UHR.sub("", text))
    else:
        iso = None
    if iso is None:
        shown = text if len(text) <= 60 else text[:57] + "..."
        return None, f"{field}: {shown!r} is not a valid date (published left empty)"
    return iso, None
