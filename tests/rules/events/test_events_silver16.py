"""Issue 16 (part H): flag hoistings and "-nachmittag" events, standing bodies, and sentences the parser cut
inside their date (pipeline/rules/events/sentences.py)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pressextract.contract import TimexRef
from pressextract.rules.events import find_events, load_lexicon, load_rules, match_noun
from pressextract.rules.events.sentences import mended_sentence


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.mark.parametrize(
    "word, rule_id",
    [
        ("Flaggenhissung", "ev.hissung"),
        ("Fahnenhissung", "ev.hissung"),
        ("Regenbogenflaggen-Hissung", "ev.hissung"),
        ("Hissen", "ev.hissen"),
        ("Tanznachmittag", "ev.nachmittag"),
        ("Beteiligungsnachmittag", "ev.nachmittag"),
        ("Spielenachmittage", "ev.nachmittag"),
        ("Bingo-Nachmittag", "ev.nachmittag"),
        ("Kiez-Cleanup", "ev.en.cleanup"),
        ("Clean-Up", "ev.en.clean_up"),
        ("Aufräumaktion", "ev.aufraeumaktion"),
    ],
)
def test_event_nouns_should_match(lexicon, word, rule_id):
    hit = match_noun(word, lexicon=lexicon)
    assert hit is not None and hit[0].rule_id == rule_id


@pytest.mark.parametrize(
    "word",
    [
        "Nachmittag",
        "Nachmittags",
        "Freitagnachmittag",
        "Sonntagnachmittagen",
        "Spätsommernachmittag",
        "Nachmittagsprogramm",
        "Bezirksverordneten-Versammlung",
        "Bezirksverordnetenversammlungen",
        "Stadtverordnetenversammlung",
    ],
)
def test_event_nouns_should_not_match(lexicon, word):
    assert match_noun(word, lexicon=lexicon) is None


def _events(nlp, text: str, days: dict[str, str]) -> list[str]:
    from dataclasses import replace

    from pressextract.contract import Refs
    from pressextract.rules.events import EventOptions

    doc = nlp(text)
    tx = tuple(TimexRef(text.index(k), text.index(k) + len(k), "DATE", v) for k, v in days.items())
    refs = replace(Refs.from_doc(doc, "blocks"), timexes=tx)
    return [
        m.event["rule_id"] for m in find_events(doc, rules=load_rules(), options=EventOptions(), refs=refs)
    ]


@pytest.mark.parametrize(
    "text, days, expected",
    [
        (
            "Bezirk zeigt Flagge\n\nZur Flaggenhissung am 17. Mai lädt die Bürgermeisterin vor das Rathaus ein.",
            {"17. Mai": "2025-05-17"},
            ["ev.hissung"],
        ),
        (
            "Museum lädt ein\n\nDer Beteiligungsnachmittag beginnt am 4. Juli um 15 Uhr im Museum Köpenick.",
            {"4. Juli": "2021-07-04"},
            ["ev.nachmittag"],
        ),
        # an occasion named as the time of another event is no event of its own: the strike, not the election
        (
            "Klimastreik\n\nAm 24. September streiken wir, zwei Tage vor der Bundestagswahl, auf dem Marktplatz.",
            {"24. September": "2021-09-24"},
            ["ev.streik"],
        ),
        # a time of day, not an event; the BVV is the body that meets, not the meeting
        (
            "Bibliothek geöffnet\n\nAm Freitagnachmittag, 4. Juli, bleibt die Bibliothek geschlossen.",
            {"4. Juli": "2025-07-04"},
            [],
        ),
        (
            "Aus dem Bezirk\n\nDie Bezirksverordneten-Versammlung tagt wieder am 4. Juli um 17 Uhr im Rathaus.",
            {"4. Juli": "2025-07-04"},
            [],
        ),
    ],
)
def test_which_are_events(nlp, text, days, expected):
    assert _events(nlp, text, days) == expected


def _doc(pieces: list[str]) -> Doc:
    """A Doc whose sentences are the given pieces (as a parser might cut them); words split at spaces."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    for piece in pieces:
        toks = piece.split(" ")
        for k, tok in enumerate(toks):
            nl = tok.endswith("\n")
            words.append(tok)
            spaces.append(not nl and (k < len(toks) - 1 or piece is not pieces[-1]))
            starts.append(k == 0)
    return Doc(spacy.blank("de").vocab, words=words, spaces=spaces, sent_starts=starts)


@pytest.mark.parametrize(
    "pieces, joined",
    [
        # should join: the parser cut after the date ("2021" and "(3.5.)" end no sentence)
        (["Am 18. Februar 2021", ", dem Vorabend , wird eine Gedenkveranstaltung stattfinden ."], True),
        (["Die Stadträtin begrüßte am Freitagabend (3.5.)", "rund 200 Gäste zum Sommerempfang ."], True),
        (["Am Samstag", ", 4. Mai", ", gibt es um 15 Uhr ein Sommerfest ."], True),
        # shouldn't join: the piece before ends with a stop, a colon or a line break
        (["Die Bibliothek ist renoviert .", "Am Sonntag gibt es ein Sommerfest ."], False),
        (["Termine im Mai :", "Am Sonntag gibt es ein Sommerfest ."], False),
        (["Sommerfest im Kiez\n", "Am Sonntag gibt es ein Fest ."], False),
    ],
)
def test_mended_sentence(pieces, joined):
    doc = _doc(pieces)
    last = len(doc) - 2  # a token of the last piece
    sent = mended_sentence(doc, last, text=doc.text)
    assert (sent.start == 0) is joined
    assert sent.end == len(doc)


@pytest.mark.parametrize(
    "text, forum",
    [
        # shouldn't: a venue in a list of places, before its street
        ("Konzert\n\nDas Konzert beginnt am 1. Dezember im Saal, Kulturforum Süd, Lindenallee 12.", False),
        ("Lesung\n\nDie Lesung ist am 3. Mai in der Bibliothek, Stadtforum, Am Marktplatz 4.", False),
        # should: a forum in a list of events stays a mention
        ("Fachtag\n\nAm 3. Mai gibt es Vorträge, Jugendforum, Workshops und ein Fest.", True),
    ],
)
def test_venue_in_place_list_is_no_mention(nlp, lexicon, text, forum):
    from pressextract.rules.events import find_mentions

    rules = {m.noun.rule_id for m in find_mentions(nlp(text), lexicon=lexicon)}
    assert ("ev.forum" in rules) is forum
