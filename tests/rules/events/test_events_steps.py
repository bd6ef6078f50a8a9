"""Programme steps are no events of their own (issue 16 X): a guided tour, a press talk, a final
presentation or an evening programme dated on the day of an event named before it, or inside its run of
days, is a step of that event's programme. German sentences written for these tests."""

from __future__ import annotations

import pytest

from rules.events.handmade import run_events


def _events(nlp, text, published="2025-10-01"):
    found = run_events(nlp, text, year=2025, published=published)
    return sorted(e.event["type"] for e in found)


STEPS = [
    # should: the step on the main event's day, named after it -> only the main event
    (
        (
            "Europa im Gespräch\n\nDie Landesarbeitsgemeinschaft lädt am 11. Oktober 2025 um 18 Uhr zur Diskussion "
            "über die Zukunft Europas ins Europäische Haus ein.\n\nVorab gibt es am 11. Oktober um 17 Uhr eine "
            "kleine Ausstellungsführung durchs Haus."
        ),
        ["Diskussion"],
    ),
    (
        (
            "Theater hinter Gittern\n\nDas Ensemble zeigt am 26. Oktober 2025 um 18 Uhr eine presseöffentliche "
            "Voraufführung in der Justizvollzugsanstalt. Im Anschluss an die Vorstellung findet am 26. Oktober "
            "ein Pressegespräch mit dem Regisseur statt."
        ),
        ["Aufführung"],
    ),
    # should: inside the main event's run of days
    (
        (
            "Festwoche in der Volkshochschule\n\nVom 3. bis 7. Februar 2026 findet die Festwoche mit "
            "Workshops in der Volkshochschule statt. Am 7. Februar findet um 16 Uhr eine Abschlusspräsentation "
            "für Eltern statt."
        ),
        None,  # only the count is checked: the step row goes
    ),
    # shouldn't: a step noun in the headline is the release's subject
    (
        (
            "Presseeinladung: Pressegespräch zum Stadtfest\n\nDas Stadtfest findet am 12. Oktober 2025 auf dem "
            "Marktplatz statt. Am 12. Oktober um 11 Uhr lädt der Bürgermeister zum Pressegespräch ins Rathaus."
        ),
        ["Fest", "Pressekonferenz"],
    ),
    # shouldn't: a press conference in a paragraph of its own after the meeting it reports on
    (
        (
            "Senat tagt im Stadion\n\nDie Senatssitzung findet am 21. Juni 2025 um 10 Uhr im Olympiastadion statt.\n\nAm 21. Juni "
            "um 13 Uhr findet die Pressekonferenz zu den Ergebnissen der regulären Senatssitzung statt."
        ),
        ["Pressekonferenz", "Sitzung"],
    ),
    # shouldn't: a tour on another day is an event of its own
    (
        (
            "Herbst im Museum\n\nDie Ausstellung „Stadtansichten“ wird am 10. Oktober 2025 um 19 Uhr im Museum "
            "eröffnet. Am 18. Oktober um 15 Uhr bietet die Kuratorin eine Führung durch die Ausstellung an."
        ),
        None,
    ),
    # shouldn't: the step noun named first is no step of a later event
    (
        (
            "Führung und Konzert\n\nAm 4. Oktober 2025 um 14 Uhr lädt der Heimatverein zu einer Führung über den "
            "alten Friedhof ein. Am 4. Oktober um 19 Uhr gibt der Chor ein Konzert in der Dorfkirche."
        ),
        ["Führung", "Konzert"],
    ),
]


@pytest.mark.parametrize(("text", "types"), STEPS[:2] + STEPS[3:5] + STEPS[6:])
def test_programme_step_types(nlp, text, types):
    assert _events(nlp, text) == sorted(types)


OPENED = [
    # should: an undated step that opens the day of the dated event -> one row
    (
        (
            "Einweihung des Wohnheims\n\nAm 14. Juli 2025 feierten wir die Eröffnungsfeier des neuen Wohnheims. "
            "Der Tag begann mit einer Pressekonferenz, in der die Bewohnerinnen vom Projekt berichteten."
        ),
        1,
    ),
    # shouldn't: a press conference in a sentence of its own, not opening the day, stays a row
    (
        (
            "Einweihung des Wohnheims\n\nAm 14. Juli 2025 feierten wir die Eröffnungsfeier des neuen Wohnheims. "
            "Zuvor gaben wir eine Pressekonferenz, in der die Bewohnerinnen vom Projekt berichteten."
        ),
        2,
    ),
]


@pytest.mark.parametrize(("text", "rows"), OPENED)
def test_day_opened_by_step(nlp, text, rows):
    assert len(_events(nlp, text, published="2025-07-20")) == rows


def test_step_inside_run_of_days_goes(nlp):
    types = _events(nlp, STEPS[2][0])
    assert "Präsentation" not in " ".join(types) and len(types) == 1, types


def test_tour_on_another_day_stays(nlp):
    types = _events(nlp, STEPS[5][0])
    assert len(types) == 2 and "Führung" in types, types
