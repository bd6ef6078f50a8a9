"""press_events + press_agenda on the reference release, with timex and people spans made by hand
(the timexes and people stages are tested on their own; here we test how our stages read them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Span

import pressextract
from pressextract.records.build import build_records

SEED = Path(__file__).resolve().parents[2] / "corpus" / "seed.txt"


@pytest.fixture(scope="module")
def nlp():
    return pressextract.load("blank", stages=["press_events", "press_agenda"])


def _run(nlp, text, timexes=(), people=()):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "press_events":
            spans = []
            for needle, label, value in timexes:
                s = text.index(needle)
                span = doc.char_span(s, s + len(needle), label=label, alignment_mode="expand")
                span._.timex = {"value": value, "mod": None, "rule_id": "test"}
                spans.append(span)
            doc.spans["press_timexes"] = spans
            pspans = []
            for needle, pid in people:
                start = 0
                while (s := text.find(needle, start)) >= 0:
                    span = doc.char_span(s, s + len(needle), alignment_mode="expand")
                    span._.person = {"person_id": pid, "name": needle}
                    pspans.append(span)
                    start = s + 1
            doc.spans["press_people"] = pspans
        doc = proc(doc)
    return doc


def test_extensions_registered():
    assert Span.has_extension("event") and Span.has_extension("agenda")


def test_seed_events_and_agenda(nlp):
    text = SEED.read_text(encoding="utf-8")
    people = [
        ("Stefan Grüttner", "gruettner"),
        ("Christian Geselle", "geselle"),
        ("Annette Widmann-Mauz", "widmann-mauz"),
        ("Eva Kühne-Hörmann", "kuehne"),
        ("Kai Klose", "klose"),
        ("Susi Möbbeck", "moebbeck"),
        ("Serap Güler", "gueler"),
        ("Hacı-Halil Uslucan", "uslucan"),
        ("Mariam Lau", "lau"),
    ]
    doc = _run(
        nlp, text, timexes=[("27. und 28. August 2018", "DATE", "2018-08-27/2018-08-28")], people=people
    )
    rec = build_records(doc, doc_id="seed", source="seed.txt", sha256="x", meta={})
    assert len(rec["events"]) == 1
    ev = rec["events"][0]
    assert (ev.type, ev.start, ev.end, ev.location, ev.recurrence) == (
        "Konferenz",
        "2018-08-27",
        "2018-08-28",
        "Kassel",
        "yearly",
    )
    assert "Bundeskonferenz der Integrationsbeauftragten" in ev.name
    assert ev.motto == "Integration vor Ort gestalten – Gesellschaftlichen Zusammenhalt stärken"
    assert "Widmann-Mauz" in ev.organizer
    got = [(a.date, a.time, a.title.split()[0], a.participants, a.event_id) for a in rec["agenda"]]
    assert got == [
        ("2018-08-27", "12:00", "Pressekonferenz", (), "seed:e1"),
        ("2018-08-27", "13:00", "Begrüßung", ("gruettner", "geselle", "widmann-mauz"), "seed:e1"),
        ("2018-08-27", "14:30", "„Aktuelle", ("widmann-mauz", "kuehne", "klose", "moebbeck"), "seed:e1"),
        ("2018-08-27", "16:30", "Gemeinsamer", (), "seed:e1"),
        ("2018-08-27", "18:00", "Tagesabschluss", ("widmann-mauz",), "seed:e1"),
        ("2018-08-28", "08:30", "Beginn", (), "seed:e1"),
        ("2018-08-28", "09:00", "Gemeinsamer", (), "seed:e1"),
        ("2018-08-28", "11:00", "Keynote", ("gueler", "uslucan", "lau"), "seed:e1"),
        ("2018-08-28", "13:00", "Abschlussstatement", ("widmann-mauz",), "seed:e1"),
    ]
    assert rec["agenda"][0].day_label.startswith("Erster Konferenztag")
    assert rec["agenda"][5].day_label.startswith("Zweiter Konferenztag")


@pytest.mark.parametrize(
    "text",
    [
        (
            "Verkehrsunfall in Lichtenberg\n\nGegen 14.30 Uhr befuhr ein 45-Jähriger die Frankfurter Allee.\n"
            "Um 15.10 Uhr wurde die Straße wieder freigegeben."
        ),
        "Festnahme nach Einbruch\n\nDer Einbruch ereignete sich in der Nacht gegen 3 Uhr in einem Wohnhaus in Mitte.",
    ],
)
def test_police_release_has_no_events_or_agenda(nlp, text):
    doc = _run(nlp, text)
    assert list(doc.spans["press_events"]) == [] and list(doc.spans["press_agenda"]) == []


def test_stage_without_earlier_stages(nlp):
    doc = nlp(
        "Sommerfest im Kiez\n\nDas Sommerfest findet am Samstag im Bürgerpark statt.\n\n"
        "Programm\n\n14.00 Uhr: Eröffnung durch den Bürgermeister\n15.30 Uhr: Kinderchor"
    )
    assert [s._.event["type"] for s in doc.spans["press_events"]] == ["Fest"]
    rows = [
        (s._.agenda["time"], s._.agenda["title"], s._.agenda["event_index"])
        for s in doc.spans["press_agenda"]
    ]
    assert rows == [("14:00", "Eröffnung durch den Bürgermeister", 0), ("15:30", "Kinderchor", 0)]
