"""German temporal expressions: recognition and TIMEX3 values, both ways (pressextract.rules.timexes)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pressextract.paths import project_root
from pressextract.rules.timexes import (
    GrammarError,
    day_context_at,
    find_day_headers,
    find_published,
    find_timexes,
    load_grammar,
    resolve_day_header,
)

ANCHOR = date(2019, 6, 12)  # a Wednesday
CORPUS = project_root() / "corpus"


def _found(
    text: str, *, anchor: date | None = ANCHOR, domain: str = "news"
) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.label, t.value) for t in find_timexes(text, anchor=anchor, domain=domain)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # absolute dates in the common German forms; day/month order is never swapped
        ("Der Vertrag wurde am 10.09.2020 unterzeichnet.", [("10.09.2020", "DATE", "2020-09-10")]),
        ("Am 27.08.2018 tagte die Konferenz.", [("27.08.2018", "DATE", "2018-08-27")]),
        ("Sie beginnt am 27. August 2018 in Kassel.", [("27. August 2018", "DATE", "2018-08-27")]),
        (
            "Die Lesung findet am Montag, 15. Juni 2020 statt.",
            [("Montag, 15. Juni 2020", "DATE", "2020-06-15")],
        ),
        ("Sonnabend, den 16. Juni 2001", [("Sonnabend, den 16. Juni 2001", "DATE", "2001-06-16")]),
        ("Die Ausstellung öffnet am 13.01. wieder.", [("13.01.", "DATE", "2019-01-13")]),
        ("Anmeldung bis 1. Sept. 2019 möglich.", [("1. Sept. 2019", "DATE", "2019-09-01")]),
        ("Der Angriff erfolgte am 1.9.39 früh.", [("1.9.39", "DATE", "1939-09-01")]),
        ("Das Gesetz stammt aus dem Jahr 2018.", [("Jahr 2018", "DATE", "2018")]),
        ("Die Umfrage lief im Mai 2019.", [("Mai 2019", "DATE", "2019-05")]),
        ("Im Mai wird gewählt.", [("Mai", "DATE", "2019-05")]),
        ("Die Zahl stieg 2018 deutlich an.", [("2018", "DATE", "2018")]),
        ("Der Haushalt 2020/21 ist beschlossen.", [("2020", "DATE", "2020"), ("21", "DATE", "2021")]),
        ("Die Daten stammen vom 2019-06-01.", [("2019-06-01", "DATE", "2019-06-01")]),
        # relative to the document date (Wednesday 12 June 2019)
        ("Heute eröffnet die Senatorin das Bad.", [("Heute", "DATE", "2019-06-12")]),
        ("Die Straße ist morgen gesperrt.", [("morgen", "DATE", "2019-06-13")]),
        ("Gestern wurde der Preis verliehen.", [("Gestern", "DATE", "2019-06-11")]),
        ("Wir treffen uns am kommenden Dienstag.", [("kommenden Dienstag", "DATE", "2019-06-18")]),
        ("Die Sitzung ist in der nächsten Woche.", [("nächsten Woche", "DATE", "2019-W25")]),
        ("Der Bericht kam letzte Woche.", [("letzte Woche", "DATE", "2019-W23")]),
        ("Die Arbeiten enden Anfang 2020.", [("Anfang 2020", "DATE", "2020")]),
        ("Die Frist endet Ende Mai.", [("Ende Mai", "DATE", "2019-05")]),
        ("Im Vorjahr waren es weniger.", [("Vorjahr", "DATE", "2018")]),
        ("Der Kiez feiert am Samstag ein Fest.", [("Samstag", "DATE", "2019-06-15")]),
        ("Am Dienstag wurde ein Mann festgenommen.", [("Dienstag", "DATE", "2019-06-11")]),
        # a weekday in past-tense reporting refers back (a preterite verb), in present or future tense forward
        ("Die Senatorin teilte am Montag mit, dass das Bad öffnet.", [("Montag", "DATE", "2019-06-10")]),
        ("Am Montag eröffnete die Senatorin das Bad.", [("Montag", "DATE", "2019-06-10")]),
        ("Die Polizei nahm am Sonntag zwei Männer fest.", [("Sonntag", "DATE", "2019-06-09")]),
        (
            "Der Bezirk teilte am Mittwoch mit, dass die Schule schließt.",
            [("Mittwoch", "DATE", "2019-06-12")],
        ),
        ("Am Montag eröffnet die Senatorin das Bad.", [("Montag", "DATE", "2019-06-17")]),
        ("Der Preis wird am Freitag verliehen.", [("Freitag", "DATE", "2019-06-14")]),
        ("Am vergangenen Mittwoch tagte der Ausschuss.", [("vergangenen Mittwoch", "DATE", "2019-06-05")]),
        # history: decades, centuries, seasons, BC
        ("Das Viertel entstand in den 1960er Jahren.", [("1960er Jahren", "DATE", "196")]),
        ("Das Haus stammt aus dem 19. Jahrhundert.", [("19. Jahrhundert", "DATE", "18")]),
        ("Im Frühjahr 1945 endete der Krieg.", [("Frühjahr 1945", "DATE", "1945-SP")]),
        ("Mitte März 2019 begann der Bau.", [("Mitte März 2019", "DATE", "2019-03")]),
        ("Die Schlacht fand 490 v. Chr. statt.", [("490 v. Chr.", "DATE", "BC0490")]),
        ("Das Werk entstand in den zwanziger Jahren.", [("zwanziger Jahren", "DATE", "192")]),
    ],
)
def test_dates(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Um 12:00 Uhr beginnt die Pressekonferenz.", [("12:00 Uhr", "TIME", "XXXX-XX-XXT12:00")]),
        ("Beginn ist um 12.00 Uhr.", [("12.00 Uhr", "TIME", "XXXX-XX-XXT12:00")]),
        ("Der Zug kam um 18.37 Uhr an.", [("18.37 Uhr", "TIME", "XXXX-XX-XXT18:37")]),
        ("Einlass ist um 10 Uhr.", [("10 Uhr", "TIME", "XXXX-XX-XXT10:00")]),
        ("Der Tote wurde gegen 10 Uhr 30 geborgen.", [("10 Uhr 30", "TIME", "XXXX-XX-XXT10:30")]),
        (
            "Die Beratung ist von 10.30 bis 12 Uhr.",
            [("10.30", "TIME", "XXXX-XX-XXT10:30"), ("12 Uhr", "TIME", "XXXX-XX-XXT12:00")],
        ),
        (
            "Workshop 13:30-15:00",
            [("13:30", "TIME", "XXXX-XX-XXT13:30"), ("15:00", "TIME", "XXXX-XX-XXT15:00")],
        ),
        # "18 Uhr" is a clock time, never the 18th of the month
        (
            "Am 10.09.2020 um 18 Uhr",
            [("10.09.2020", "DATE", "2020-09-10"), ("18 Uhr", "TIME", "2020-09-10T18:00")],
        ),
        ("Heute Abend spielt die Band.", [("Heute Abend", "TIME", "2019-06-12TEV")]),
        (
            "Die Feier beginnt am Samstag, dem 29. Januar, ab 12.00 Uhr.",
            [("Samstag, dem 29. Januar", "DATE", "2019-01-29"), ("12.00 Uhr", "TIME", "2019-01-29T12:00")],
        ),
    ],
)
def test_times(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text, label, value, mod",
    [
        ("Die Beauftragten tauschten sich zwei Tage intensiv aus.", "DURATION", "P2D", None),
        ("Der Umbau dauert drei Wochen.", "DURATION", "P3W", None),
        ("Der Verein besteht seit 20 Jahren.", "DURATION", "P20Y", None),
        ("Die Sperrung dauert mehr als drei Tage.", "DURATION", "P3D", "MORE_THAN"),
        ("Nach einem halben Jahr wurde evaluiert.", "DURATION", "P6M", None),
        ("Das dauerte einige Jahre.", "DURATION", "PXY", None),
        ("Die Sitzung dauerte 2 Stunden.", "DURATION", "PT2H", None),
        ("Die Konferenz findet jährlich statt.", "SET", "P1Y", None),
        ("Sie tagt einmal im Jahr.", "SET", "P1Y", None),
        ("Die Sprechstunde ist jeden Montag.", "SET", "XXXX-WXX-1", None),
        ("Der Newsletter erscheint wöchentlich.", "SET", "P1W", None),
        ("Der Markt ist dienstags geöffnet.", "SET", "XXXX-WXX-2", None),
        ("Die Linie fährt alle zwei Wochen.", "SET", "P2W", None),
        ("Ab 16 Uhr ist Einlass.", "TIME", "XXXX-XX-XXT16:00", "ON_OR_AFTER"),
    ],
)
def test_durations_sets_mods(text: str, label: str, value: str, mod: str | None) -> None:
    found = find_timexes(text, anchor=ANCHOR)
    assert [(t.label, t.value, t.mod) for t in found] == [(label, value, mod)]


@pytest.mark.parametrize(
    "text",
    [
        "Die Kinder spielen mit dem Ball, die Eltern schauen zu.",  # dateparser: "die", "mit"
        "Nach Paragraph 12 ist das zulässig.",
        "Es kamen 3 Personen zu Schaden.",
        "Rückfragen unter Tel. 030 9018 22 beantwortet die Pressestelle.",
        "Siehe Drucksache 18/1234 des Abgeordnetenhauses.",
        "Die Senatorin verwies auf Drucksache 2019 des Ausschusses.",
        "Das Update auf Version 1.2.3 behebt den Fehler.",
        "Der Unbekannte wurde in 12359 Berlin gefunden.",
        "Die A 100 wird verlängert.",
        "Die Sitzung ist in Saal 334.",
        "Die Rote Armee griff mit 1500 Panzern an.",
        "Rund 2000 Menschen demonstrierten.",
        "Die Förderung beträgt 2019 Euro pro Platz.",
        "Der Bus 245 fährt wieder.",
        "Der Maßstab der Karte ist 1:50000.",
        "Guten Morgen, Berlin!",
        "August Bebel war ein Politiker.",
    ],
)
def test_not_timexes(text: str) -> None:
    assert _found(text) == []


def test_press_number_is_not_a_year_but_its_date_is() -> None:
    found = _found("Pressemitteilung Nr. 107/2023 vom 10.05.2023")
    assert found == [("10.05.2023", "DATE", "2023-05-10")]


@pytest.mark.parametrize(
    "text, values, ranges",
    [
        ("tagte am 27. und 28. August 2018 in Kassel", ["2018-08-27", "2018-08-28"], "2018-08-27/2018-08-28"),
        ("Das Festival läuft vom 3. bis 5. Mai.", ["2019-05-03", "2019-05-05"], "2019-05-03/2019-05-05"),
        (
            "Geöffnet 10 bis 12 Uhr",
            ["XXXX-XX-XXT10:00", "XXXX-XX-XXT12:00"],
            "XXXX-XX-XXT10:00/XXXX-XX-XXT12:00",
        ),
        ("Westeuropa (Mai/Juni 1940)", ["1940-05", "1940-06"], None),
        ("am 3. und 17. Mai 2019", ["2019-05-03", "2019-05-17"], None),  # a list, not a range
    ],
)
def test_ranges(text: str, values: list[str], ranges: str | None) -> None:
    found = find_timexes(text, anchor=ANCHOR)
    assert [t.value for t in found] == values
    assert {t.range for t in found} == {ranges}


@pytest.mark.parametrize(
    "anchor, expected",
    [
        (date(2019, 12, 20), "2020-01-13"),  # announced in December for January: next year
        (date(2019, 1, 5), "2019-01-13"),
        (None, "XXXX-01-13"),
    ],
)
def test_year_inference_from_anchor(anchor: date | None, expected: str) -> None:
    assert _found("Die Bibliothek öffnet am 13.01. wieder.", anchor=anchor) == [("13.01.", "DATE", expected)]


def test_year_inference_without_anchor_uses_last_explicit_date() -> None:
    text = "Die Messe fand am 4. März 2017 statt. Die nächste folgt am 3. Mai."
    assert _found(text, anchor=None)[-1] == ("3. Mai", "DATE", "2017-05-03")


def test_narrative_mode_takes_years_from_the_story() -> None:
    text = (
        "Am 1. September 1939 griff Deutschland an. Am 17. September folgte die Sowjetunion, bis 1881 nicht."
    )
    found = _found(text, anchor=date(2011, 2, 16), domain="narrative")
    assert found[1] == ("17. September", "DATE", "1939-09-17")


SEED_LIKE = """Auf Einladung tagte am 27. und 28. August 2018 in Kassel die Bundeskonferenz.

Erster Konferenztag: „Integration vor Ort gestalten

Am ersten Konferenztag fand ein Austausch statt.

12:00 Uhr - Pressekonferenz
13:00 Uhr - Begrüßung

Zweiter Konferenztag: „Zusammenhalt stärken“

08:30 Uhr - Beginn und Markt der Möglichkeiten
"""


def test_clock_times_take_the_day_of_their_header() -> None:
    found = {t.text: t.value for t in find_timexes(SEED_LIKE)}
    assert found["12:00 Uhr"] == "2018-08-27T12:00"
    assert found["13:00 Uhr"] == "2018-08-27T13:00"
    assert found["08:30 Uhr"] == "2018-08-28T08:30"
    assert found["Erster Konferenztag"] == "2018-08-27"


def test_day_context_at() -> None:
    found = find_timexes(SEED_LIKE)
    assert day_context_at(found, SEED_LIKE.index("08:30")) == date(2018, 8, 28)
    assert day_context_at(found, SEED_LIKE.index("12:00")) == date(2018, 8, 27)
    assert day_context_at(found, 5) is None


RANGE = (date(2018, 8, 27), date(2018, 8, 28))


@pytest.mark.parametrize(
    "header, date_range, expected",
    [
        ("Erster Konferenztag: „Integration vor Ort gestalten", RANGE, date(2018, 8, 27)),
        ("Zweiter Konferenztag", RANGE, date(2018, 8, 28)),
        ("Dritter Veranstaltungstag", RANGE, None),  # outside the range
        ("Dritter Veranstaltungstag", (date(2018, 8, 27), None), date(2018, 8, 29)),
        ("Tag 2", RANGE, date(2018, 8, 28)),
        ("Am letzten Konferenztag", RANGE, date(2018, 8, 28)),
        ("Dienstag:", RANGE, date(2018, 8, 28)),
        ("Montag, 4. März", (date(2019, 3, 4), date(2019, 3, 6)), date(2019, 3, 4)),
        ("Montag, 4. März 2019", None, date(2019, 3, 4)),
        ("Pressekonferenz", RANGE, None),
        ("Zweiter Konferenztag", None, None),
    ],
)
def test_resolve_day_header(header: str, date_range, expected: date | None) -> None:
    assert resolve_day_header(header, date_range=date_range) == expected


def test_find_day_headers() -> None:
    headers = find_day_headers(SEED_LIKE, date_range=RANGE)
    assert [(SEED_LIKE[s:e].split(":")[0], d) for s, e, d in headers] == [
        ("Erster Konferenztag", date(2018, 8, 27)),
        ("Zweiter Konferenztag", date(2018, 8, 28)),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pressemitteilung vom 12.06.2019\n\nDer Senat hat …", date(2019, 6, 12)),
        ("Pressemitteilung Nr. 107/2023 vom 10.05.2023\n\nText", date(2023, 5, 10)),
        ("Berlin, 12. Juni 2019 – Die Senatorin eröffnet …", date(2019, 6, 12)),
        ("Kassel, den 28.08.2018: Die Konferenz endete.", date(2018, 8, 28)),
        ("Am 27. August 2018 tagte die Konferenz.", None),  # an event date is not the release date
        ("Der Senat hat am 12. Juni 2019 beschlossen …", None),
    ],
)
def test_find_published(text: str, expected: date | None) -> None:
    assert find_published(text) == expected


def test_grammar_errors_name_file_and_line(tmp_path: Path) -> None:
    src = project_root() / "pipeline" / "resources"
    bad = tmp_path / "timex.jsonl"
    bad.write_text('# header\n{"id": "x", "label": "WHEN", "kind": "date", "regex": "a"}\n', encoding="utf-8")
    with pytest.raises(GrammarError, match=r"timex.jsonl:2: unknown label"):
        load_grammar(bad, src / "lexicons")
    bad.write_text('{"id": "x", "label": "DATE", "kind": "date", "regex": "(a"}\n', encoding="utf-8")
    with pytest.raises(GrammarError, match=r"timex.jsonl:1: bad regex"):
        load_grammar(bad, src / "lexicons")


def test_seed_release_gives_the_gold_timex_facts() -> None:
    seed, gold_path = CORPUS / "seed.txt", CORPUS / "gold" / "seed.json"
    found = find_timexes(seed.read_text(encoding="utf-8"))
    for fact in json.loads(gold_path.read_text(encoding="utf-8"))["timexes"]:
        wanted = fact.get("value_any") or [fact["value"]]
        values = [t.value for t in found if fact["text_contains"] in t.text] + [
            t.range for t in found if fact["text_contains"] in t.text
        ]
        assert any(v in values for v in wanted), (fact, values)


@pytest.mark.parametrize(
    "text, expression, value",
    [
        # a weekday glued to a part of the day, as police and fire reports write it (past: the last one)
        (
            "Der Unfall ereignete sich am Donnerstagnachmittag auf der B 27.",
            "Donnerstagnachmittag",
            "2019-06-06",
        ),
        ("Am Sonntagabend wurde in der Goethestraße ein Fahrrad gestohlen.", "Sonntagabend", "2019-06-09"),
        ("Die Feuerwehr wurde am Montagmorgen gegen 6 Uhr alarmiert.", "Montagmorgen", "2019-06-10"),
        # "von <Wochentag> auf <Wochentag>": the night begins on the first day
        ("In der Nacht von Samstag auf Sonntag wurde eingebrochen.", "Samstag", "2019-06-08"),
        # a clock time in a later sentence takes the day mentioned just before it (same or previous paragraph)
        (
            (
                "Am Montag wurde ein 42-Jähriger festgenommen. Die Kinder hatten die Polizei gerufen.\n\n"
                "Gegen 18:15 Uhr teilte ein Kind mit, dass …"
            ),
            "18:15 Uhr",
            "2019-06-10T18:15",
        ),
        # police: "in der vergangenen Nacht" is the night before the release; small hours belong to the next day
        ("In der vergangenen Nacht wurde ein Raser gestoppt.", "vergangenen Nacht", "2019-06-11TNI"),
        (
            "In der vergangenen Nacht wurde ein Raser gestoppt. Gegen 22.45 Uhr fiel er auf.",
            "22.45 Uhr",
            "2019-06-11T22:45",
        ),
        (
            "In der vergangenen Nacht brannte ein Keller. Gegen 2 Uhr bemerkten Anwohner Rauch.",
            "2 Uhr",
            "2019-06-12T02:00",
        ),
        ("Gestern Abend brannte ein Auto. Gegen 21 Uhr kam die Feuerwehr.", "21 Uhr", "2019-06-11T21:00"),
        (
            "Wir laden am Samstag, den 22. Juni, zum Sommerfest ein.\nAb 16 Uhr gibt es Musik.",
            "16 Uhr",
            "2019-06-22T16:00",
        ),
    ],
)
def test_weekday_compounds_and_clock_times_after_their_day(text: str, expression: str, value: str) -> None:
    found = {t: v for t, _, v in _found(text)}
    assert found[expression] == value


@pytest.mark.parametrize(
    "text, expression",
    [
        # opening and office hours stay without a date
        (
            "Die Ausstellung ist bis zum 30. Juni zu sehen. Geöffnet ist Dienstag-Freitag 11.00-18.00 Uhr.",
            "18.00 Uhr",
        ),
        ("Das Amt ist ab dem 2. Juli wieder offen.\nSprechzeiten: Mo-Fr. 9:00 bis 14:00 Uhr", "14:00 Uhr"),
        ("Ab dem 2. Juli 2019 gilt:\nDienstags 9 – 12 Uhr\nDonnerstags 14 – 16 Uhr", "16 Uhr"),
        (
            "Die Bibliothek öffnet am 4. Juli.\n\nNeue Zeiten:\n\nMo, Di, Fr von 10:00 Uhr bis 18:00 Uhr",
            "18:00 Uhr",
        ),
        (
            "Der Treff startet am 7. Juli. Wir frühstücken jeden 1. & 3. Dienstag von 10:00 bis 12:00 Uhr.",
            "12:00 Uhr",
        ),
        # a deadline is no day the event happens on
        ("Anmeldung bis 24. Juni. Die Eröffnung am Abend beginnt um 17 Uhr.", "17 Uhr"),
        # too far away (two paragraph breaks), and the release names two days
        (
            "Der Ausschuss tagt am 20. Juni und am 27. Juni.\n\nDas Programm folgt.\n\nEinlass ist um 18 Uhr.",
            "18 Uhr",
        ),
    ],
)
def test_clock_times_that_take_no_earlier_day(text: str, expression: str) -> None:
    found = {t: v for t, _, v in _found(text)}
    assert found[expression].startswith("XXXX-XX-XX"), found


def test_past_tense_from_the_tagger_puts_a_bare_weekday_in_the_past() -> None:
    """ "reparierten" is on no cue list; the tagger's Tense=Past for the sentence decides (sentence 0 here)."""
    text = "In der Nacht von Sonntag auf Montag reparierten zwei Teams die Weiche."
    future = {t: v for t, _, v in _found(text)}
    past = {t.text: t.value for t in find_timexes(text, anchor=ANCHOR, past_sentences=frozenset({0}))}
    assert future["Sonntag"] == "2019-06-16"
    assert past["Sonntag"] == "2019-06-09"


def test_a_clock_time_after_several_days_takes_none_of_them() -> None:
    found = {
        t: v for t, _, v in _found("Die Konferenz tagte am 27. und 28. August 2018.\n\nBeginn war um 10 Uhr.")
    }
    assert found["10 Uhr"] == "XXXX-XX-XXT10:00"


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Der Umbau soll für das erste Quartal 2020 geplant werden.", "erste Quartal 2020", "2020-Q1"),
        ("Die Bäume wurden im Frühjahr dieses Jahres gepflanzt.", "Frühjahr dieses Jahres", "2019-SP"),
        ("Der Bau beginnt im Herbst des kommenden Jahres.", "Herbst des kommenden Jahres", "2020-FA"),
        ("Im Sommer letzten Jahres wurde der Park eröffnet.", "Sommer letzten Jahres", "2018-SU"),
    ],
)
def test_quarters_and_seasons_of_a_relative_year(text: str, expression: str, value: str) -> None:
    assert (expression, "DATE", value) in _found(text)


def test_clock_times_take_the_one_day_the_release_names() -> None:
    text = "Der Ausschuss tagt am 20. Juni im Rathaus.\n\nDas Programm folgt.\n\n18.00 Uhr Begrüßung\n18.30 Uhr Vortrag"
    found = {t: v for t, _, v in _found(text)}
    assert found["18.00 Uhr"] == "2019-06-20T18:00"
    assert found["18.30 Uhr"] == "2019-06-20T18:30"


def test_a_bare_weekday_before_a_clock_time_is_its_day() -> None:
    """Police reports: "zwischen <Wochentag>, <Uhrzeit>, und <Wochentag>, <Uhrzeit>" - each time on its own weekday."""
    found = {
        t: v
        for t, _, v in _found("Der Wagen war zwischen Montag, 17 Uhr, und Dienstag, 6.40 Uhr, abgestellt.")
    }
    assert found["Montag"] == "2019-06-10" and found["17 Uhr"] == "2019-06-10T17:00"
    assert found["Dienstag"] == "2019-06-11" and found["6.40 Uhr"] == "2019-06-11T06:40"


# Dates written short (issue 16): a day.month without its last dot or year is a date only in context — a
# preposition or a label before it ("am 03.03", "Wann: 26.09"), a weekday ("Do 19.12"), a range or list
# partner ("23.-25.06", "27.11 – 19.12.2021", "2.2, 1.3 und 5.4.2020") or a clock time after it
# ("05.07 um 18:00 Uhr"); the year is the nearest to the release date, as for "13.01.".
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Das Zeltlager findet am 23.-25.06 auf der Wiese statt.",
            [("23.", "2019-06-23"), ("25.06", "2019-06-25")],
        ),
        ("Die Werkstatt ist vom 23.–25.6. geöffnet.", [("23.", "2019-06-23"), ("25.6.", "2019-06-25")]),
        (
            "Führungen gibt es vom 23. bis 25.06 jeweils nachmittags.",
            [("23.", "2019-06-23"), ("25.06", "2019-06-25")],
        ),
        ("Am 03.03 um 18 Uhr liest die Autorin.", [("03.03", "2019-03-03"), ("18 Uhr", "2019-03-03T18:00")]),
        ("Kommt alle am 25.6 zur Demo vor dem Rathaus!", [("25.6", "2019-06-25")]),
        ("Wann? 26.09-28.09.2025\nWo: Zeltwiese", [("26.09", "2025-09-26"), ("28.09.2025", "2025-09-28")]),
        ("Zeitraum: 27.11 – 19.12.2021", [("27.11", "2021-11-27"), ("19.12.2021", "2021-12-19")]),
        (
            "Die Fashion Week läuft vom 30.06 bis 03.07.2025.",
            [("30.06", "2025-06-30"), ("03.07.2025", "2025-07-03")],
        ),
        (
            "Sonntagsführungen: 2.2, 1.3 und 5.4.2020",
            [("2.2", "2020-02-02"), ("1.3", "2020-03-01"), ("5.4.2020", "2020-04-05")],
        ),
        (
            "Der Rundgang beginnt 14.8 um 10.30 Uhr am Tor.",
            [("14.8", "2019-08-14"), ("10.30 Uhr", "2019-08-14T10:30")],
        ),
        ("Puppentheater (Do 14.11) im Kulturforum", [("Do 14.11", "2019-11-14")]),
        ("Der Bus fährt ab 30.5. häufiger.", [("30.5.", "2019-05-30")]),
        ("Datum: 15.9.", [("15.9.", "2019-09-15")]),
        ("Einladung zur Tagung am 25. & 26.01", [("25.", "2019-01-25"), ("26.01", "2019-01-26")]),
        ("Mo. 12.5. 19 Uhr Filmabend", [("Mo. 12.5.", "2019-05-12"), ("19 Uhr", "2019-05-12T19:00")]),
        (
            "am 12.5. 10-12 Uhr im Hof",
            [("12.5.", "2019-05-12"), ("10", "2019-05-12T10:00"), ("12 Uhr", "2019-05-12T12:00")],
        ),
    ],
)
def test_short_dates_in_context(text: str, expected: list) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, anchor=ANCHOR)] == expected


@pytest.mark.parametrize(
    "text, not_a_date",
    [
        ("Die Quote stieg auf 15.9 Prozent.", "15.9"),
        ("Die Version 2.3 behebt den Fehler.", "2.3"),
        ("Union gewann das Spiel mit einem Sieg 3:1.", "3:1"),
        ("18.05-18.20 Begrüßung durch die Bürgermeisterin", "18.05"),
        ("10.05-10.10 Uhr Grußwort", "10.05"),
        ("Gegen 16.10 Uhr bemerkte eine Zeugin den Rauch.", "16.10"),
        ("Der Einlass ist ab 11.10 Uhr.", "11.10"),
        ("Der Umsatz stieg am Ende um 4.5 Millionen Euro.", "4.5"),
        ("Aktuell wird der Bauabschnitt 3.3 eingerichtet.", "3.3"),
        ("TOP 4.5 Stillgelegte Fahrzeuge im Parkviertel", "4.5"),
        ("Die Sitzung ist in Raum 1.12 im Rathaus.", "1.12"),
        ("4.1 Alle Bienenstände im Sperrbezirk sind zu melden.", "4.1"),
        ("Das Becken ist ab 1.5 Metern tief.", "1.5"),
        ("Kurs Mo.-Di., 12.10-15.00 Uhr im Raum 3", "12.10"),
        ("Die Ziffern 4.1, 4.2 und 4.3 gelten weiter.", "4.2"),
    ],
)
def test_short_numbers_that_are_no_dates(text: str, not_a_date: str) -> None:
    assert not any(t.label == "DATE" and not_a_date in t.text for t in find_timexes(text, anchor=ANCHOR))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a series of days under one month: every day takes the month (and year) of the last
        (
            "Die Führungen finden jeweils am 3., 10. und 17. Mai statt.",
            [("3.", "2019-05-03"), ("10.", "2019-05-10"), ("17. Mai", "2019-05-17")],
        ),
        (
            "Vier weitere Spieltage (7., 14., 21. und 28. Juni) folgen.",
            [("7.", "2019-06-07"), ("14.", "2019-06-14"), ("21.", "2019-06-21"), ("28. Juni", "2019-06-28")],
        ),
        ("am 5. und 12. Juni 2020", [("5.", "2020-06-05"), ("12. Juni 2020", "2020-06-12")]),
        ("ab 3. Mai immer dienstags", [("3. Mai", "2019-05-03"), ("immer dienstags", "XXXX-WXX-2")]),
    ],
)
def test_series_of_days(text: str, expected: list) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, anchor=ANCHOR)] == expected


@pytest.mark.parametrize(
    "text, expression, value",
    [
        # should: a bare weekday after a date range in its sentence is that weekday inside the range
        (
            "Wann? 26.09-28.09.2025, Anreise Freitag ab 19 Uhr, Ende Sonntag ca. 15 Uhr",
            "Freitag",
            "2025-09-26",
        ),
        (
            "Wann? 26.09-28.09.2025, Anreise Freitag ab 19 Uhr, Ende Sonntag ca. 15 Uhr",
            "19 Uhr",
            "2025-09-26T19:00",
        ),
        (
            "Wann? 26.09-28.09.2025, Anreise Freitag ab 19 Uhr, Ende Sonntag ca. 15 Uhr",
            "Sonntag",
            "2025-09-28",
        ),
        # shouldn't: a weekday in the next sentence, or one the range does not hold, counts from the release date
        ("Das Fest läuft vom 17. bis 19. Juni. Am Samstag gibt es ein Konzert.", "Samstag", "2019-06-15"),
        ("Der Kurs läuft vom 17. bis 19. Juni, die Anmeldung schließt am Samstag.", "Samstag", "2019-06-15"),
    ],
)
def test_weekday_inside_a_range_of_its_sentence(text: str, expression: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes(text, anchor=ANCHOR)}
    assert found[expression] == value


def test_a_later_date_of_a_list_does_not_fall_before_the_earlier_one() -> None:
    # an April release: 20.10 alone is nearer to the last October, but it follows 22.9. of this year
    found = find_timexes("Führungen: 14.7., 18.8., 22.9., 20.10, jeweils 11 Uhr", anchor=date(2019, 4, 18))
    assert [(t.text, t.value) for t in found if t.label == "DATE"] == [
        ("14.7.", "2019-07-14"),
        ("18.8.", "2019-08-18"),
        ("22.9.", "2019-09-22"),
        ("20.10", "2019-10-20"),
    ]
    found = find_timexes("Die Halle ist vom 28.12. bis 3.1. geschlossen.", anchor=date(2019, 12, 1))
    assert [t.value for t in found] == ["2019-12-28", "2020-01-03"]
