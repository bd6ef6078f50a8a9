"""Events dated by dates written short and by series of days (issue 16): the real timex rules feed the event
rules. German sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from pressextract.contract import Refs, TimexRef
from pressextract.rules.events import EventOptions, find_events, load_rules
from pressextract.rules.timexes import find_timexes


def _events(nlp, text: str, published: str) -> list[dict]:
    doc = nlp(text)
    timexes = tuple(
        TimexRef(t.start, t.end, t.label, t.value)
        for t in find_timexes(text, anchor=date.fromisoformat(published))
    )
    refs = replace(Refs.from_doc(doc, "blocks"), timexes=timexes, published=published)
    return [e.event for e in find_events(doc, rules=load_rules(), options=EventOptions(), refs=refs)]


def _event(events: list[dict], word: str) -> dict | None:
    return next((e for e in events if word in e["name"]), None)


@pytest.mark.parametrize(
    "text, published, word, start, end",
    [
        # should: a range or a day written short dates the event
        (
            "Das Sommerfest findet am 23.-25.06 auf dem Marktplatz statt.",
            "2025-05-02",
            "Sommerfest",
            "2025-06-23",
            "2025-06-25",
        ),
        (
            "Die Lesung mit der Autorin findet am 03.03 um 18 Uhr in der Stadtbibliothek statt.",
            "2025-02-20",
            "Lesung",
            "2025-03-03T18:00",
            None,
        ),
        (
            "Das Sommerfest der Pfadfinder findet vom 26.09-28.09.2025 auf der Zeltwiese statt.",
            "2025-01-27",
            "Sommerfest",
            "2025-09-26",
            "2025-09-28",
        ),
        (
            "Herzliche Einladung zur Tagung am 25. & 26.01 in der Aula.",
            "2024-12-31",
            "Tagung",
            "2025-01-25",
            "2025-01-26",
        ),
        # a series of days is one event from the first to the last day
        (
            "Das Konzert im Schlosspark findet jeweils am 3., 10. und 17. Mai um 14 Uhr statt.",
            "2025-04-10",
            "Konzert",
            "2025-05-03",
            "2025-05-17",
        ),
        # shouldn't: a share or a clock time written like a date dates nothing
        (
            "Das Sommerfest findet auf dem Marktplatz statt; die Beteiligung stieg um 15.9 Prozent.",
            "2025-05-02",
            "Sommerfest",
            None,
            None,
        ),
    ],
)
def test_short_dates_and_series_date_the_event(nlp, text, published, word, start, end):
    ev = _event(_events(nlp, text, published), word)
    assert ev is not None
    assert (ev["start"], ev["end"]) == (start, end)


@pytest.mark.parametrize(
    "text, recurrence",
    [
        ("Das Lesecafé in der Stadtbibliothek findet ab 6. Mai immer dienstags um 15 Uhr statt.", "weekly"),
        ("Der Workshop im Jugendclub findet jeweils donnerstags statt.", "weekly"),
        ("Das Lesecafé in der Stadtbibliothek findet am 6. Mai um 15 Uhr statt.", None),
    ],
)
def test_weekday_adverb_makes_a_weekly_event(nlp, text, recurrence):
    events = _events(nlp, text, "2025-04-10")
    assert events
    assert events[0]["recurrence"] == recurrence
