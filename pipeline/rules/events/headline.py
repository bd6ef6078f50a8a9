"""Events named by the headline: an invitation with a dated label block or a dated first sentence and no
event noun, the name a headline gives, and what a headline's date does not name (closures, checks, "bis zum").

Example: "Schloss Britz präsentiert: BeVoice 2018\n\nDatum: 21.09.2018, 19.30 Uhr\nOrt: Kulturstall" -> event
"BeVoice 2018", 2018-09-21T19:30, Kulturstall.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pressextract.contract import TimexRef
from pressextract.resources.loader import word_set
from pressextract.rules.events.blocks import _Block
from pressextract.rules.events.mentions import _QUOTED, EventMatch

_OFFICE_TYPES = word_set("events", "office_types")


_UNTIL = re.compile(r"\bbis\s+(?:zum\s+|zur\s+|einschließlich\s+|spätestens\s+)?(?:\w+,?\s+(?:de[nm]\s+)?)?$")


def _until_only(text: str, timexes: Sequence[TimexRef], start: int, end: int) -> bool:
    """Every calendar date of the sentence is an end: "Die Ausstellung ist bis zum 14. April 2019 zu sehen."."""
    days = [t for t in timexes if start <= t.start and t.end <= end and t.value and t.value[:4].isdigit()]
    return bool(days) and all(_UNTIL.search(text[max(start, t.start - 40) : t.start]) for t in days)


_NOT_APPOINTMENT = word_set("events", "not_appointment")


def _no_appointment(text: str) -> bool:
    """A headline and sentence about a closure, a check, an incident or office hours, or that says "Keine …":
    a date and a time there name no appointment. Example: "Vollsperrung für Fahrbahnsanierung …\n\nVom
    Freitag, 10. Juni, 7:00 Uhr an …" -> True; "Musikmeile in der Altstadt\n\nAm 21. Juni, 13 Uhr …" -> False."""
    if re.match(r"\s*Kein(?:e|en)?\b", text):
        return True
    stops = _NOT_APPOINTMENT | _OFFICE_TYPES
    return any(w.endswith(stop) for w in re.findall(r"[a-zäöüß]{4,}", text.lower()) for stop in stops)


def _event_of_block(
    text: str,
    blocks: Sequence[_Block],
    lead: Sequence[tuple[int, int]],
    *,
    rule_id: str = "ev.block",
    need_days: bool = True,
) -> EventMatch | None:
    """An invitation with no event noun: the headline names the event, the first dated label block under it
    ("Datum: …\nOrt: …") gives its date and place.

    Example: "„Magische Momente“ mit dem Akkordeon-Orchester\nDatum: Samstag, 06.04.2019, 16 Uhr\nOrt: Saal"
    -> event "Magische Momente", 2019-04-06T16:00, Saal.
    """
    dated = [b for b in blocks if (b.days or not need_days) and b.start_value]
    if not dated:
        return None
    b = dated[0]
    above = [(hs, he) for hs, he in lead if he <= b.start]
    if not above:
        return None
    hs, he = above[0]
    full = text[hs:he].strip()
    # "Presseeinladung - Die Integrationsbeauftragte im Gespräch …": the label of the release names nothing,
    # unless nothing else fits ("Presseeinladung - <a headline of 120 characters>")
    bare = re.sub(
        r"^(?:Presse|Medien|Foto)?(?:einladung|termin|hinweis)\s*[:–—-]\s*", "", full, flags=re.IGNORECASE
    )
    name = _head_name(bare) or _head_name(full)
    if name is None:
        return None
    ns = hs + text[hs:he].find(name)
    ev = {
        "name": name,
        "type": "Veranstaltung",
        "motto": None,
        "start": b.start_value,
        "end": b.end_value,
        "location": b.place,
        "organizer": None,
        "recurrence": None,
        "rule_id": rule_id,
    }
    return EventMatch(ns, ns + len(name), ev, [ns])


def _head_name(head: str) -> str | None:
    """The event name a headline gives: its quoted title, else its first part (up to a dash, a colon or a date).

    Example: "Schloss Britz präsentiert: BeVoice 2018 – Gesang im Kulturstall" -> "BeVoice 2018".
    """
    quoted = _QUOTED.search(head)
    if quoted:
        return quoted.group(1).strip()
    left, colon, right = head.partition(": ")
    if colon and left.split(" ")[-1][:1].islower() and right[:1].isupper():
        head = right  # "Schloss Britz präsentiert: BeVoice 2018" -> the name after the verb's colon
    cut = re.split(r"\s+[–—-]\s+|:\s+|\s+(?:am|vom|im|in der|in dem)\s+\d", head, maxsplit=1)[0].strip()
    return cut if cut and len(cut) <= 80 else None
