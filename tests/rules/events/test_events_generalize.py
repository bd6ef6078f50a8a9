"""Events beyond the noun list: frames of the parse, English heads, references, appositions, deadlines,
occasions, day names and lone date lines. German sentences written for these tests."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Doc

from pressextract.contract import Refs, TimexRef
from pressextract.rules.events import EventOptions, find_events, load_lexicon, load_rules, match_noun
from pressextract.rules.events.arguments import argument_mentions
from rules.events.handmade import hand_timexes, run_events


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def _events(nlp, text):
    return [m.event for m in run_events(nlp, text)]


def _parsed(words, heads, deps, pos, lemmas, morphs=None):
    """A Doc with a dependency parse written by hand (UD labels, as the bundled model writes them)."""
    vocab = spacy.blank("de").vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, morphs=morphs)


# --- frames of the parse -----------------------------------------------------------------------------


def _findet_statt(noun: str, det: str = "ein"):
    # "Am Montag findet ein <noun> statt ."
    words = ["Am", "Montag", "findet", det, noun, "statt", "."]
    heads = [1, 2, 2, 4, 2, 2, 2]
    deps = ["case", "obl", "ROOT", "det", "nsubj", "compound:prt", "punct"]
    pos = ["ADP", "NOUN", "VERB", "DET", "NOUN", "ADP", "PUNCT"]
    lemmas = ["an", "Montag", "finden", det, noun, "statt", "."]
    return _parsed(words, heads, deps, pos, lemmas)


@pytest.mark.parametrize(
    "noun, name",
    [
        ("Erzählsalon", "Erzählsalon"),  # no lexicon noun: the frame makes it an event
        ("Gespräch", "Gespräch"),
        ("Termin", None),  # a stop noun of the frame slot
        ("Auswahl", None),  # the lexicon's non-event
        ("Kurs", "Kurs"),  # a bare "Kurs" is no lexicon noun, but the frame's subject is a course
        ("Uhr", None),
    ],
)
def test_subject_of_stattfinden(lexicon, noun, name):
    doc = _findet_statt(noun)
    got = argument_mentions(doc, lexicon=lexicon)
    assert [doc.text[m.name_start : m.name_end] for m in got] == ([name] if name else [])
    if name:
        assert got[0].noun.rule_id == "ev.arg.stattfinden" and got[0].noun.type == noun


def test_finden_without_statt_is_no_frame(lexicon):
    # "Am Montag findet ein Erzählsalon Anklang ." — "finden" without the particle "statt"
    doc = _parsed(
        ["Am", "Montag", "findet", "ein", "Erzählsalon", "Anklang", "."],
        [1, 2, 2, 4, 2, 2, 2],
        ["case", "obl", "ROOT", "det", "nsubj", "obj", "punct"],
        ["ADP", "NOUN", "VERB", "DET", "NOUN", "NOUN", "PUNCT"],
        ["an", "Montag", "finden", "ein", "Erzählsalon", "Anklang", "."],
    )
    assert argument_mentions(doc, lexicon=lexicon) == []


def test_einladen_zum(lexicon):
    # "Die Bibliothek lädt alle zum Weihnachtsbasteln ein ."
    words = ["Die", "Bibliothek", "lädt", "alle", "zum", "Weihnachtsbasteln", "ein", "."]
    doc = _parsed(
        words,
        [1, 2, 2, 2, 5, 2, 2, 2],
        ["det", "nsubj", "ROOT", "obj", "case", "obl", "compound:prt", "punct"],
        ["DET", "NOUN", "VERB", "PRON", "ADP", "NOUN", "ADV", "PUNCT"],
        ["der", "Bibliothek", "laden", "alle", "zu", "Weihnachtsbasteln", "ein", "."],
    )
    got = argument_mentions(doc, lexicon=lexicon)
    assert [(doc[m.start].text, m.noun.rule_id) for m in got] == [("Weihnachtsbasteln", "ev.arg.einladen")]
    # the subject of "lädt … ein" is the host, never the event; without "zum" there is no event slot
    doc2 = _parsed(
        ["Die", "Bibliothek", "lädt", "alle", "herzlich", "ein", "."],
        [1, 2, 2, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "obj", "advmod", "compound:prt", "punct"],
        ["DET", "NOUN", "VERB", "PRON", "ADV", "ADV", "PUNCT"],
        ["der", "Bibliothek", "laden", "alle", "herzlich", "ein", "."],
    )
    assert argument_mentions(doc2, lexicon=lexicon) == []


def test_no_parse_no_frames(lexicon, nlp):
    assert argument_mentions(nlp("Am Montag findet ein Erzählsalon statt."), lexicon=lexicon) == []


# --- English heads -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, etype",
    [
        ("Conference", "Konferenz"),
        ("Summit", "Konferenz"),
        ("Welcome-Evening", "Abend"),
        ("Re-launch", "Eröffnung"),
        ("Hackathon", "Workshop"),
    ],
)
def test_english_heads(lexicon, word, etype):
    assert match_noun(word, lexicon=lexicon)[0].type == etype


@pytest.mark.parametrize("word", ["Kitchen", "Weekend", "Lunchpaket", "Launcher"])
def test_not_english_heads(lexicon, word):
    hit = match_noun(word, lexicon=lexicon)
    assert hit is None or hit[0].rule_id.split(".")[1] != "en"


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Titel\n\nAm 6. Oktober findet die 30. Leibniz Conference of Advanced Science in Berlin statt.",
            "30. Leibniz Conference of Advanced Science",
        ),
        ("Titel\n\nDas Festival of Lights beginnt am 16. September.", "Festival of Lights"),
        ("Titel\n\nDie Berlin Art Week findet am 3. Mai statt.", "Berlin Art Week"),
        ("Titel\n\nAm Safer Internet Day lädt das Amt am 8. Februar ein.", "Safer Internet Day"),
    ],
)
def test_english_names_stand_before_their_head(nlp, text, name):
    assert [e["name"] for e in _events(nlp, text)] == [name]


# --- one event however often it is named -----------------------------------------------------------------


def test_definite_noun_refers_back(nlp):
    text = (
        "Titel\n\nDie Bundeskonferenz der Kiezbeiräte tagt am 6. Oktober in Kassel. Zu dieser Konferenz "
        "kommen 300 Gäste. Die Gäste der Tagung werden am 5. Oktober am Bahnhof begrüßt."
    )
    got = _events(nlp, text)
    assert [(e["name"], e["start"]) for e in got] == [("Bundeskonferenz der Kiezbeiräte", "2024-10-06")]


def test_indefinite_and_compound_nouns_do_not_refer_back(nlp):
    text = (
        "Titel\n\nDie Fachkonferenz tagt am 6. Oktober in Kassel. Im Frühjahr tagt die Bundeskonferenz der "
        "Länder am 3. März in Bonn."
    )
    assert [e["start"] for e in _events(nlp, text)] == ["2024-10-06", "2024-03-03"]


def test_apposition_is_the_same_event(nlp):
    text = "Titel\n\nDas Kiezfest, das Sommerfestival des Bezirks, findet am 3. Mai im Park statt."
    assert len(_events(nlp, text)) == 1


# --- dates that date no event ----------------------------------------------------------------------------


def test_deadline_gives_no_second_event(nlp):
    text = (
        "Titel\n\nDie Fachkonferenz findet am 6. Juni in Leipzig statt. Das Komitee der Fachkonferenz freut "
        "sich auf Einreichungen bis zum 7. Februar."
    )
    assert [e["start"] for e in _events(nlp, text)] == ["2024-06-06"]


@pytest.mark.parametrize(
    "text, names",
    [
        ("Titel\n\nDie Kita feiert am Kindertag, dem 1. Juni, ein großes Sommerfest.", ["Sommerfest"]),
        ("Titel\n\nAm 8. März, dem Weltfrauentag, öffnet das Rathaus ein Erzählcafé.", ["Erzählcafé"]),
        (
            "Titel\n\nAnlässlich des Weltfrauentags findet am 5. März ein Informationstag im Rathaus statt.",
            ["Informationstag"],
        ),
        ("Titel\n\nDen Gedenktag nehmen die Schulen am 9. Mai zum Anlass, Blumen zu pflanzen.", []),
        # a day that is the event itself
        ("Titel\n\nDer Aktionstag findet am 9. Mai im Rathaus statt.", ["Aktionstag"]),
    ],
)
def test_day_names_and_occasions(nlp, text, names):
    assert [e["name"] for e in _events(nlp, text)] == names


@pytest.mark.parametrize(
    "text, start, location",
    [
        (
            "Titel\n\nDer Vortrag findet im Gedenkraum des Museums statt.\n\n8. September, 13 Uhr\nAnmeldung: 030 1234",
            "2024-09-08T13:00",
            "Gedenkraum des Museums",  # a venue inside a venue
        ),
        # the sentence above announces nothing: the date line dates nothing
        ("Titel\n\nDer Vortrag war ein Erfolg.\n\n8. September, 13 Uhr\n", None, None),
        # not a lone date line
        (
            "Titel\n\nDer Vortrag findet im Museum statt.\n\n8. September war ein schöner Tag für alle.",
            None,
            None,
        ),
    ],
)
def test_lone_date_line_under_an_event(nlp, text, start, location):
    got = _events(nlp, text)
    ev = got[0] if got else {"start": None, "location": None}
    assert (ev["start"], ev["location"]) == (start, location)


# --- the host: subject of the verb that hosts the event ------------------------------------------------


def test_host_is_subject_of_hosting_verb(lexicon):
    from pressextract.rules.events.arguments import host_of

    # "Die Kita Sonnenblume feiert am Samstag ein Sommerfest ."
    words = ["Die", "Kita", "Sonnenblume", "feiert", "am", "Samstag", "ein", "Sommerfest", "."]
    doc = _parsed(
        words,
        [1, 3, 1, 3, 5, 3, 7, 3, 3],
        ["det", "nsubj", "flat", "ROOT", "case", "obl", "det", "obj", "punct"],
        ["DET", "NOUN", "PROPN", "VERB", "ADP", "NOUN", "DET", "NOUN", "PUNCT"],
        ["der", "Kita", "Sonnenblume", "feiern", "an", "Samstag", "ein", "Sommerfest", "."],
    )
    assert host_of(doc, 7, lexicon=lexicon) == "Kita Sonnenblume"
    # "Das Sommerfest findet am Samstag statt ." — no hosting verb, no host
    doc2 = _parsed(
        ["Das", "Sommerfest", "findet", "am", "Samstag", "statt", "."],
        [1, 2, 2, 4, 2, 2, 2],
        ["det", "nsubj", "ROOT", "case", "obl", "compound:prt", "punct"],
        ["DET", "NOUN", "VERB", "ADP", "NOUN", "ADP", "PUNCT"],
        ["der", "Sommerfest", "finden", "an", "Samstag", "statt", "."],
    )
    assert host_of(doc2, 1, lexicon=lexicon) is None
    # "Wir feiern am Samstag ein Sommerfest ." — a pronoun names no host
    doc3 = _parsed(
        ["Wir", "feiern", "am", "Samstag", "ein", "Sommerfest", "."],
        [1, 1, 3, 1, 5, 1, 1],
        ["nsubj", "ROOT", "case", "obl", "det", "obj", "punct"],
        ["PRON", "VERB", "ADP", "NOUN", "DET", "NOUN", "PUNCT"],
        ["wir", "feiern", "an", "Samstag", "ein", "Sommerfest", "."],
    )
    assert host_of(doc3, 5, lexicon=lexicon) is None


def test_reference_that_is_the_subject_gives_the_date(nlp):
    text = (
        "Titel\n\nZum Todestag des Erfinders (gestorben am 23. September) bietet das Museum eine Sonderführung an. "
        "Die Führung am 14. Oktober findet um 18 Uhr im Museum statt."
    )
    got = _events(nlp, text)
    assert [e["start"][:10] for e in got] == ["2024-10-14"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Titel\n\nAm 11. März fand die FOSSGIS Konferenz in Münster statt.", "FOSSGIS Konferenz"),
        (
            "Titel\n\nAm 8. November findet der Intersex Day of Remembrance statt.",
            "Intersex Day of Remembrance",
        ),
        # "Day" needs a date: an undated "Day" is no event
        ("Titel\n\nDer Intersex Day of Remembrance ist wichtig.", None),
    ],
)
def test_acronyms_and_days_name_events(nlp, text, name):
    got = _events(nlp, text)
    assert (got[0]["name"] if got else None) == name


@pytest.mark.parametrize(
    "text, names",
    [
        ("Titel\n\nAm 5. März findet keine Sprechstunde im Bürgeramt statt.", []),
        ("Titel\n\nWegen des Feiertags entfällt der Wochenmarkt am 3. Oktober.", []),
        ("Titel\n\nLeider musste auf das geplante Richtfest am 3. Mai verzichtet werden.", []),
        ("Titel\n\nAus der Sitzung des Senats am 4. März:\n\nDer Senat hat die Vorlage beschlossen.", []),
        ("Titel\n\nDas Richtfest findet am 3. Mai auf der Baustelle statt.", ["Richtfest"]),
    ],
)
def test_cancelled_and_side_events(nlp, text, names):
    assert [e["name"] for e in _events(nlp, text)] == names


def test_history_is_no_event(nlp):

    text = "Titel\n\nVom 1. Mai bis 15. Oktober fand im Park die Erste Kolonialausstellung statt."
    doc = nlp(text)
    tx = [
        TimexRef(m.start(), m.end(), "DATE", v)
        for m, v in zip(re.finditer(r"\d+\. \w+", text), ["1896-05-01", "1896-10-15"])
    ]
    refs = replace(Refs.from_doc(doc, "blocks"), timexes=tuple(tx), published="2023-12-01")
    assert find_events(doc, rules=load_rules(), options=EventOptions(), refs=refs) == []
    refs = replace(refs, published="1896-04-01")
    assert len(find_events(doc, rules=load_rules(), options=EventOptions(), refs=refs)) == 1


def test_same_compound_is_one_event(nlp):
    text = (
        "Titel\n\nDie Ergebnisse werden am 19. April, 10 Uhr, in einer Online-Pressekonferenz vorgestellt. "
        "Zur Online-Pressekonferenz melden Sie sich bis zum 18. April an."
    )
    assert [e["start"] for e in _events(nlp, text)] == ["2024-04-19T10:00"]


@pytest.mark.parametrize(
    "text",
    [
        "Ausfall von Markttagen\n\nWegen des Feiertags:\n\nDatum: 3. Oktober\nOrt: Breslauer Platz",
        "Titel\n\nBis einschließlich 28. Mai findet keine Terminsprechstunde statt.",
    ],
)
def test_cancelled_headline_and_long_negation(nlp, text):
    assert _events(nlp, text) == []


# --- quoted names, heads that refer back, blocks under the headline ------------------------------------------


@pytest.mark.parametrize("quoted, name", [(True, "Woche der Nachbarn"), (False, None)])
def test_quoted_frame_argument_is_a_name(lexicon, quoted, name):
    # "Am Montag findet die „Woche der Nachbarn“ statt ." — a quoted name, although "Woche" alone is no event
    words = ["Am", "Montag", "findet", "die", "„", "Woche", "der", "Nachbarn", "“", "statt", "."]
    heads = [1, 2, 2, 5, 5, 2, 7, 5, 5, 2, 2]
    deps = ["case", "obl", "ROOT", "det", "punct", "nsubj", "det", "nmod", "punct", "compound:prt", "punct"]
    pos = ["ADP", "NOUN", "VERB", "DET", "PUNCT", "NOUN", "DET", "NOUN", "PUNCT", "ADP", "PUNCT"]
    lemmas = ["an", "Montag", "finden", "der", "„", "Woche", "der", "Nachbar", "“", "statt", "."]
    if not quoted:
        keep = [i for i, w in enumerate(words) if w not in ("„", "“")]
        remap = {old: new for new, old in enumerate(keep)}
        words, deps, pos, lemmas = ([x[i] for i in keep] for x in (words, deps, pos, lemmas))
        heads = [remap[heads[i]] for i in keep]
    doc = _parsed(words, heads, deps, pos, lemmas)
    got = argument_mentions(doc, lexicon=lexicon)
    assert [doc.text[m.name_start : m.name_end].strip("„“ ") for m in got] == ([name] if name else [])


def test_block_under_the_headline_belongs_to_the_event_below(nlp):
    text = (
        "Zweite Runde der Kiezkasse Nordend\nZeit: 4. Oktober, 18 Uhr\nOrt: Stadtteilzentrum Lindenhof, "
        "Kirchweg 3\n\nDie Bezirksverordneten laden am 4. Oktober zur Sitzung der Kiezkasse ein. Geld gibt es "
        "für Projekte im Kiez."
    )
    got = _events(nlp, text)
    assert len(got) == 1 and got[0]["location"].startswith("Stadtteilzentrum Lindenhof")
    # another day: the block is not this event's
    other = text.replace("laden am 4. Oktober", "laden am 9. Oktober")
    assert all(not (e["location"] or "").startswith("Stadtteilzentrum") for e in _events(nlp, other))


# --- office hours, kinds of events, places and programme steps are no event rows -------------------------


def _events_with_people(nlp, text, names):
    ents = [(text.index(n), text.index(n) + len(n), "PER") for n in names]
    return [m.event for m in run_events(nlp, text, entities=ents)]


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # a dated consultation hour held by a named politician is an event
        (
            (
                "Sprechstunde mit dem Stadtrat\n\nZu einer Bürgersprechstunde lädt Stadtrat Jonas Kleefeld am "
                "6. Oktober, 15 Uhr, in das Rathaus Nord ein."
            ),
            ["Jonas Kleefeld"],
            ["Sprechstunde"],  # named by the headline
        ),
        # the same politician, but a standing weekly time: office hours
        (
            (
                "Sprechzeiten\n\nStadtrat Jonas Kleefeld bietet ab dem 6. Oktober jeden Dienstag eine "
                "Bürgersprechstunde im Rathaus Nord an."
            ),
            ["Jonas Kleefeld"],
            [],
        ),
        # an authority's hours, dated but held by nobody named
        ("Titel\n\nDie Unterhaltsstelle bietet am 6. Oktober eine telefonische Sprechstunde an.", [], []),
        ("Titel\n\nDie Ranger sind da:\nmittwochs 15 bis 17 Uhr – Bürgersprechstunde Stadtnatur\n", [], []),
        (
            (
                "Sprechstunden\n\nTelefonische Sprechstunde mit Jonas Kleefeld: jeden 3. Dienstag im Monat, ab dem "
                "6. Oktober, 10 bis 11 Uhr\n"
            ),
            ["Jonas Kleefeld"],
            [],
        ),
    ],
)
def test_office_hours_are_no_events(nlp, text, names, expected):
    got = _events_with_people(nlp, text, names)
    assert [e["name"].split(" ")[0] for e in got] == expected


@pytest.mark.parametrize(
    "text, names",
    [
        # a bare plural names a kind of event
        ("Viele Veranstaltungen am 6. Oktober\n\nAm 6. Oktober gibt es im Bezirk Veranstaltungen.", []),
        ("Titel\n\nIm Gemeindehaus finden am 6. Oktober Gottesdienste statt.", []),
        ("Titel\n\nAm 6. Oktober gibt es im Park zahlreiche Workshops.", []),
        # the singular is one event
        ("Titel\n\nAm 6. Oktober findet im Park ein Workshop statt.", ["Workshop"]),
    ],
)
def test_bare_plurals_are_no_event_names(nlp, text, names):
    assert [e["name"] for e in _events(nlp, text)] == names


@pytest.mark.parametrize(
    "text, cafe",
    [
        # the café is the place under the date line, with the address below
        (
            (
                "Lesung mit Anna Berg\n\nDie Autorin liest aus ihrem Roman.\n\nDo, 6. Oktober, 19 Uhr\n"
                "Lesecafé der Stadtbibliothek\nLindenstraße 13, 10115 Berlin\n"
            ),
            False,
        ),
        ("Titel\n\nAm 6. Oktober lädt die Bibliothek zum Erzählcafé ein.", True),
    ],
)
def test_cafe_as_place_or_event(nlp, text, cafe):
    assert any("café" in e["name"].lower() for e in _events(nlp, text)) == cafe


def test_undated_step_in_a_dated_event_is_no_event(nlp):
    text = (
        "Kunstmarkt im Park\n\nDer Kunstmarkt findet am 6. Oktober im Schlosspark statt. Den Abschluss des "
        "Kunstmarktes bietet die Band ab 17 Uhr mit einem kleinen Konzert."
    )
    assert [e["name"] for e in _events(nlp, text)] == ["Kunstmarkt"]


def test_headline_title_names_the_event(nlp, lexicon, monkeypatch):
    import pressextract.rules.events.find as find_mod
    from pressextract.rules.events.mentions import Mention
    from pressextract.rules.events.rules import EventNoun

    text = (
        "Erste Baumzählung „Tag des Stadtbaums“ am 6. Oktober\n\nIm Bezirk findet am 6. Oktober die erste "
        "Zählung der Straßenbäume statt."
    )
    doc = nlp(text)
    # no parse on the blank pipeline: the frame's mention (a noun outside the lexicon) is given by hand
    i = next(t.i for t in doc if t.text == "Zählung")
    noun = EventNoun("ev.arg.stattfinden", ("zählung",), False, "Zählung", "other", "dated")
    m = Mention(i, i + 1, noun, doc[i].idx, doc[i].idx + len("Zählung der Straßenbäume"))
    monkeypatch.setattr(find_mod, "argument_mentions", lambda *a, **k: [m])
    got = find_mod.events_of(doc, lexicon=lexicon, timexes=hand_timexes(text), lead=[(0, text.index("\n"))])
    assert [e.event["name"] for e in got] == ["Baumzählung „Tag des Stadtbaums“"]


@pytest.mark.parametrize(
    "text, end",
    [
        (
            (
                "Titel\n\nAm 6. Oktober wird im Museum die Ausstellung „Farbe und Zeit“ eröffnet.\n\n"
                "Ausstellungsdauer: bis zum 22. November\n"
            ),
            "2024-11-22",
        ),
        (
            "Titel\n\nAm 6. Oktober wird die Ausstellung eröffnet. Sie ist bis zum 22. November zu sehen.",
            None,
        ),
        (
            "Titel\n\nDie Ausstellung wird am 6. Oktober eröffnet und ist bis zum 22. November zu sehen.",
            "2024-11-22",
        ),
        # not a running event: a concert has no run
        ("Titel\n\nAm 6. Oktober findet ein Konzert statt.\n\nLaufzeit: bis zum 22. November\n", None),
    ],
)
def test_end_of_a_running_event(nlp, text, end):
    got = _events(nlp, text)
    assert got and got[0]["end"] == end


@pytest.mark.parametrize(
    "text, location",
    [
        ("Titel\n\nDer Verein lädt am 6. Oktober zur Podiumsdiskussion via Zoom ein.", "online"),
        ("Titel\n\nDie Sitzung am 6. Oktober findet als Videokonferenz statt.", "online"),
        ("Titel\n\nDie Lesung findet am 6. Oktober digital statt.", "online"),
        # a place in the event's own sentence comes before a video conference mentioned later
        (
            "Titel\n\nDie Sitzung findet am 6. Oktober im Rathaus statt. Sie findet als Videokonferenz statt.",
            "Rathaus",
        ),
        # "online" elsewhere in the text is no place of the event
        ("Titel\n\nDie Lesung findet am 6. Oktober im Rathaus statt. Anmeldung online.", "Rathaus"),
    ],
)
def test_online_events(nlp, text, location):
    got = _events(nlp, text)
    assert got and got[0]["location"] == location


@pytest.mark.parametrize(
    "sentence, organizer",
    [
        (
            (
                "Der Landesrat der Kleingärtner und der Dachverband der Imkervereine in Brandenburg laden am "
                "6. Oktober zum Gartentag ein."
            ),
            "Der Landesrat der Kleingärtner und der Dachverband der Imkervereine",
        ),
        ("Die Kinder laden wird gern gesagt.", None),
    ],
)
def test_long_subject_before_laden_ein(lexicon, sentence, organizer):
    from pressextract.rules.events import find_organizer

    hit = find_organizer(sentence, lexicon=lexicon)
    assert (hit[0] if hit else None) == organizer


def test_event_labelled_line_gives_the_place(nlp):
    text = (
        "Preis für Malerei\n\nDie Malerin erhält den Preis.\n\nPreisverleihung: 6. Oktober, 18 Uhr, "
        "Kunstverein Nord\n"
    )
    got = _events(nlp, text)
    assert [(e["name"], e["location"]) for e in got] == [("Preisverleihung", "Kunstverein Nord")]


@pytest.mark.parametrize(
    "tail, location",
    [
        ("Wo:\nStadtteilzentrum Lindenhof\nKirchweg 3\n", "Stadtteilzentrum Lindenhof"),
        ("Wo: Stadtteilzentrum Lindenhof\n", "Stadtteilzentrum Lindenhof"),
        # a label with nothing under it gives no place
        ("Wo:\n\n", None),
    ],
)
def test_label_value_on_the_next_line(nlp, tail, location):
    text = "Titel\n\nAm 6. Oktober findet im Garten ein Quitten-Workshop statt.\n\n" + tail
    got = _events(nlp, text)
    want = location or "Garten"
    assert got and got[0]["location"] == want


@pytest.mark.parametrize(
    "text, names",
    [
        # the cause of a closure is no event the release announces
        (
            "Schließtag\n\nAuf Grund der Personalversammlung bleiben am 6. Oktober die Bürgerämter geschlossen.",
            [],
        ),
        ("Schließtag\n\nWegen einer Versammlung bleiben am 6. Oktober die Bürgerämter geschlossen.", []),
        (
            "Titel\n\nDie Versammlung der Mitglieder findet am 6. Oktober statt.",
            ["Versammlung der Mitglieder"],
        ),
    ],
)
def test_cause_of_a_closure_is_no_event(nlp, text, names):
    assert [e["name"] for e in _events(nlp, text)] == names


@pytest.mark.parametrize(
    "second, names",
    [
        ("Den musikalischen Ausklang bietet ein kleines Konzert.", ["Sommerfest"]),
        ("Zum Abschluss gibt es ein Konzert.", ["Sommerfest"]),
        # a sentence of its own, not a step: stays an event
        ("Außerdem findet ein Konzert statt.", ["Sommerfest", "Konzert"]),
    ],
)
def test_undated_next_step_is_no_event(nlp, second, names):
    text = "Titel\n\nDas Sommerfest findet am 6. Oktober im Park statt. " + second
    assert [e["name"] for e in _events(nlp, text)] == names


# --- days named for a cause, occasions, event nouns as places -------------------------------------------


@pytest.mark.parametrize(
    "text, names",
    [
        # should: the day is held — an event verb, a place, an invitation
        ("Titel\n\nDer Tag der Musikschulen findet am 7. Juli im Rathaus statt.", ["Tag der Musikschulen"]),
        ("Tag der Stadtteilbibliotheken am 4. Mai in der Stadtbibliothek Nord\n\nText folgt.", None),
        ("Titel\n\nDas Bezirksamt lädt am 3. Juni zum Tag der Nachbarschaft ein.", ["Tag der Nachbarschaft"]),
        # the headline invites to the day, the body dates it
        (
            (
                "Einladung zum Internationalen Großelterntag in Nordstadt\n\nAm 8. Juni ist Internationaler "
                "Großelterntag. Viele Vereine machen mit."
            ),
            ["Internationaler Großelterntag"],
        ),
        # shouldn't: the day is only named
        ("Titel\n\nAm 25. September ist der Tag der Zahnpflege. Die Praxen raten zu Kontrollen.", []),
        (
            "Titel\n\nZum Internationalen Tag der Meinungsfreiheit am 3. Mai gestalten Schüler Plakate.",
            [],
        ),
        # the day that dates another: only the Aktionstag is an event, dated by the day
        (
            "Titel\n\nDer Aktionstag wird jedes Jahr am Tag der Zeitumstellung begangen, am 27. Oktober.",
            ["Aktionstag"],
        ),
        ("Titel\n\nNach dem 12. Tag der Sperrung am 4. März öffnete die Brücke wieder.", []),
        ("Titel\n\nAm 5. Mai ist der European Diversity Day, so die Kampagne.", []),
    ],
)
def test_days_named_for_a_cause(nlp, text, names):
    got = [e["name"] for e in _events(nlp, text)]
    if names is None:  # a headline with a place: the day is held there
        assert got and got[0].startswith("Tag der Stadtteilbibliotheken")
    else:
        assert got == names


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "Titel\n\nAnlässlich der Eröffnung unseres Neubaus feiern wir am 21. September ein Hoffest.",
            ["Hoffest"],
        ),
        # an occasion alone in its sentence is still the event the release is about
        ("Titel\n\nAnlässlich der Eröffnung am 21. September spielt eine Band.", ["Eröffnung"]),
    ],
)
def test_occasion_of_another_event(nlp, text, names):
    assert [e["name"] for e in _events(nlp, text)] == names


@pytest.mark.parametrize(
    "text, location",
    [
        ("Titel\n\nAm 12. März kamen 40 Mitglieder zum Vereinstreffen und berichteten in Vorträgen.", None),
        (
            "Titel\n\nDas Vereinstreffen findet am 12. März in der Stadthalle Kleinau statt.",
            "Stadthalle Kleinau",
        ),
    ],
)
def test_event_noun_is_no_place(nlp, text, location):
    got = _events(nlp, text)
    assert got and got[0]["location"] == location


@pytest.mark.parametrize(
    "text, names",
    [
        ("Titel\n\nAm 21. September feiern wir ein Sommerfest zur Einweihung des Neubaus.", ["Sommerfest"]),
        ("Titel\n\nAm 2. Mai findet ein Fachtag zum Tag der Pflege im Rathaus statt.", ["Fachtag"]),
        # two events side by side, no link between them: two rows
        (
            "Titel\n\nAm 21. September gibt es eine Lesung. Am 22. September folgt ein Konzert im Park.",
            ["Lesung", "Konzert"],
        ),
    ],
)
def test_occasion_inside_an_event_name(nlp, text, names):
    got = [e["name"] for e in _events(nlp, text)]
    assert [n.split(" ")[0] for n in got] == names


# --- the organizer named in the text --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, organizer",
    [
        # should
        (
            "Mit dieser Tagung würdigt das Institut für angewandte Zellforschung (IZF e.V.) mit seinen Partnern den Jahrestag.",
            "Institut für angewandte Zellforschung (IZF e.V.)",
        ),
        (
            "Mit der Ausstellung erinnert der Bezirk Nordstadt an die Gründung der Siedlung.",
            "Bezirk Nordstadt",
        ),
        (
            "Eine Veranstaltung des Bezirksamtes Nordstadt in Zusammenarbeit mit dem Kulturverein.",
            "Bezirksamtes Nordstadt",
        ),
        (
            "Eine gemeinsame Veranstaltung von Kiezkultur und der Musikschule Nord, Eintritt frei.",
            "Kiezkultur und der Musikschule Nord",
        ),
        # shouldn't
        ("Mit der Veranstaltung wollen die Organisatorinnen informieren.", None),
        ("Die Veranstaltung der Woche ist ein Konzert im Park.", None),
        ("Mit dem Festival startet die Saison am 3. Mai.", None),
    ],
)
def test_organizer_named_in_the_text(lexicon, text, organizer):
    from pressextract.rules.events.attributes import find_organizer

    hit = find_organizer(text, lexicon=lexicon)
    assert (hit[0] if hit else None) == organizer


@pytest.mark.parametrize(
    "text, names",
    [
        # shouldn't: a press term in parentheses labels the step before it
        (
            "Titel\n\nDie Senatorin übergibt am 4. Mai um 11 Uhr den Preis an die Schule (Wort-Bild-Termin).",
            [],
        ),
        (
            "Titel\n\nAm 4. Mai um 11 Uhr trägt sich der Gast ins Buch ein (Bild-Termin; Zugang über das Portal).",
            [],
        ),
        # should: a press appointment of its own
        ("Titel\n\nDer Fototermin findet am 4. Mai um 11 Uhr im Rathaus statt.", ["Fototermin"]),
    ],
)
def test_press_label_in_parentheses(nlp, text, names):
    assert [e["name"] for e in _events(nlp, text)] == names


@pytest.mark.parametrize(
    "text, location",
    [
        (
            "Titel\n\nAm 9. Mai lädt der Verein zum Erzählabend ins Bürgerhaus Nordstadt ein.",
            "Bürgerhaus Nordstadt",
        ),
        (
            "Titel\n\nAm 9. Mai findet vor der Stadtbibliothek Nord ein Bücherfest statt.",
            "Stadtbibliothek Nord",
        ),
        (
            "Titel\n\nAm 9. Mai kamen viele zur Diskussion ins Forum der Anne-Frank-Schule in Kleinau.",
            "Forum der Anne-Frank-Schule",
        ),
        # an event after "vor der" is a time, no place; a venue in capitals is a place
        ("Titel\n\nAm 9. Mai findet vor der Bundestagswahl ein Klimastreik statt.", None),
        ("Titel\n\nAm 9. Mai findet in der GalerieETAGE ein Konzert statt.", "GalerieETAGE"),
        # "in die" without a venue is no place
        ("Titel\n\nAm 9. Mai führt ein Vortrag in die Geschichte der Siedlung ein.", None),
    ],
)
def test_places_after_ins_and_vor_der(nlp, text, location):
    got = _events(nlp, text)
    assert got and got[0]["location"] == location


@pytest.mark.parametrize(
    "text, start, end, location",
    [
        # should: a second date line continues the first ("sowie"): the run ends on the last day
        (
            (
                "Das Ensemble zeigt seine Revue\n\nam Freitag, 6. September 2024, 19 Uhr im Gartensaal (Premiere) "
                "sowie\nam Samstag, 7. September 2024, 15 Uhr im Gartensaal\n\nKarten an der Kasse."
            ),
            "2024-09-06T19:00",
            "2024-09-07",
            "Gartensaal",
        ),
        # shouldn't: one date line, one day
        (
            "Das Ensemble zeigt seine Revue\n\nam Freitag, 6. September 2024, 19 Uhr im Gartensaal\n\nKarten an der Kasse.",
            "2024-09-06T19:00",
            None,
            "Gartensaal",
        ),
    ],
)
def test_date_lines_continued(nlp, text, start, end, location):
    from pressextract.rules.events.blocks import _date_paragraphs
    from pressextract.rules.programme import load_grammar

    doc = nlp(text)
    tx = []
    for m in re.finditer(r"(\d{1,2})\. September 2024(?:, (\d{1,2}) Uhr)?", text):
        v = f"2024-09-{int(m.group(1)):02d}" + (f"T{int(m.group(2)):02d}:00" if m.group(2) else "")
        tx.append(TimexRef(m.start(), m.end(), "DATE", v))
    blocks = _date_paragraphs(doc, grammar=load_grammar(), timexes=tx, known=[], text=text)
    assert [(b.start_value, b.end_value, b.place) for b in blocks[:1]] == [(start, end, location)]


def test_a_loose_day_still_dates_its_event(nlp):
    text = (
        "Titel\n\nDer Aktionstag findet in diesem Jahr zum zehnten Mal statt. Begangen wird er stets am Tag der "
        "Zeitumstellung, diesmal am 27. Oktober."
    )
    got = _events(nlp, text)
    assert [(e["name"], e["start"]) for e in got] == [("Aktionstag", "2024-10-27")]


@pytest.mark.parametrize(
    "text, names",
    [
        # shouldn't: a timed step after the event is its programme, not an event of its own
        (
            (
                "Titel\n\nDie Sitzung findet am 4. Mai im Rathaus statt. Im Anschluss gibt es gegen 13 Uhr einen "
                "Rundgang über den Markt."
            ),
            ["Sitzung"],
        ),
        (
            "Titel\n\nIm Anschluss an die Feier gibt es am 4. Mai um 13 Uhr einen Rundgang über den Markt.",
            ["Feier"],
        ),
        # should: with no event above it, the step is the event
        ("Titel\n\nAnschließend gibt es am 4. Mai um 13 Uhr einen Rundgang über den Markt.", ["Rundgang"]),
    ],
)
def test_timed_step_after_an_event(nlp, text, names):
    got = [e["name"].split(" ")[0] for e in _events(nlp, text)]
    assert got == names


@pytest.mark.parametrize(
    "text, names",
    [
        # shouldn't: the meeting is where a decision was taken
        (
            (
                "Titel\n\nDer Senat hat in seiner Sitzung am 16. Juli 2024 auf Vorlage der Senatorin, Dr. Ida Nord, "
                "die Verordnung beschlossen."
            ),
            [],
        ),
        ("Titel\n\nDer Rat hat in seiner heutigen Sitzung am 3. März dem Haushalt zugestimmt.", []),
        # should: a meeting the release announces
        (
            "Titel\n\nDie öffentliche Sitzung des Ausschusses findet am 16. Juli im Rathaus statt.",
            ["Sitzung"],
        ),
    ],
)
def test_meeting_that_is_the_setting_of_a_decision(nlp, text, names):
    assert [e["name"].split(" ")[0] for e in _events(nlp, text)] == names


@pytest.mark.parametrize(
    "text, location",
    [
        # should: the sentence after the event's says where to meet
        (
            (
                "Titel\n\nDie Mitgliederversammlung findet am 20. November statt. Wir treffen uns im Gemeindesaal "
                "der Markuskirche, Uhlandstraße 3."
            ),
            "Gemeindesaal der Markuskirche",
        ),
        ("Titel\n\nDie Führung findet am 20. November statt. Treffpunkt ist das Teehäuschen.", "Teehäuschen"),
        # shouldn't: a sentence after the event that names no meeting point
        ("Titel\n\nDie Führung findet am 20. November statt. Wir freuen uns im Rathaus auf Sie.", None),
    ],
)
def test_meeting_point_after_the_event(nlp, text, location):
    got = _events(nlp, text)
    assert got and got[0]["location"] == location


# --- course, handover and prayer heads (issue 16) ------------------------------------------------------


@pytest.mark.parametrize(
    "word, etype",
    [
        ("PC-Grundlagenkurs", "Kurs"),
        ("Schnupperkurse", "Kurs"),
        ("Malkurs", "Kurs"),
        ("Scheckübergabe", "Übergabe"),
        ("Übergabe", "Übergabe"),
        ("Schlüsselübergabe", "Übergabe"),
        ("Gedenk-Andacht", "Gottesdienst"),
        ("Adventsandacht", "Gottesdienst"),
    ],
)
def test_course_handover_prayer_heads(lexicon, word, etype):
    hit = match_noun(word, lexicon=lexicon)
    assert hit is not None and hit[0].type == etype


@pytest.mark.parametrize(
    "word",
    ["Kurs", "Kurse", "Diskurs", "Diskurse", "Exkurs", "Sparkurs", "Wechselkurs", "Konfrontationskurs", "Machtübergabe",
     "Geldübergabe", "Betriebsübergabe", "Baufeldübergabe"],
)  # fmt: skip
def test_course_and_handover_lookalikes(lexicon, word):
    assert match_noun(word, lexicon=lexicon) is None


@pytest.mark.parametrize(
    "text, start",
    [
        (
            "Die feierliche Übergabe des neuen Spielplatzes findet am 14. Mai, 11 Uhr vor der Grundschule statt.",
            "2024-05-14T11:00",
        ),
        (
            "Der nächste Schnupperkurs Aquarell beginnt am 3. März, 10 Uhr in der Stadtteilbibliothek.",
            "2024-03-03T10:00",
        ),
        (
            "Die Andacht zum Ewigkeitssonntag feiern wir am 24. November, 18 Uhr in der Dorfkirche.",
            "2024-11-24T18:00",
        ),
    ],
)
def test_dated_course_handover_prayer_are_events(nlp, text, start):
    evs = _events(nlp, text)
    assert [e["start"] for e in evs] == [start]


@pytest.mark.parametrize(
    "text",
    [
        "Die Übergabe der Unterlagen an das Jobcenter ist jederzeit möglich.",
        "Der Kurs der Landesregierung bleibt nach Ansicht der Fraktion falsch.",
        # a bare "Kurs" is no event noun: the course of a policy, "auf Kurs"
        "Das Land bleibt beim Ausbau der Radwege am 5. Juni auf Kurs.",
        "Nach der Machtübergabe am 30. Januar 1933 wurde der Verein verboten.",
        "Der Diskurs über die Verkehrswende wird am 5. Juni im Ausschuss weitergeführt.",
    ],
)
def test_undated_or_lookalike_course_handover_are_no_events(nlp, text):
    assert _events(nlp, text) == []


@pytest.mark.parametrize(
    "text, start",
    [
        # the call to register dates the registration, not the course
        ("Titel\n\nBitte melden Sie sich vorab am 9. Mai per Mail für den Workshop an.", None),
        ("Titel\n\nMeldet euch bis 9. Mai für den Workshop an.", None),
        # the event's own sentence still dates it
        ("Titel\n\nDer Workshop findet am 14. Mai, 10 Uhr im Rathaus statt.", "2024-05-14T10:00"),
    ],
)
def test_call_to_register_dates_no_event(nlp, text, start):
    assert [e["start"] for e in _events(nlp, text)] == [start]
