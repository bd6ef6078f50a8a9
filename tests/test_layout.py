"""Layout: kicker/title/lead, headings, list items, captions — and what they must not be."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from pressextract.layout import blocks, body_sents, is_excluded
from pressextract.rules.layout import find_blocks

SEED = Path(__file__).resolve().parents[1] / "corpus" / "seed.txt"


def labelled(text: str, *, has_title: bool = False) -> list[tuple[str, str]]:
    return [(b.label, text[b.start : b.end]) for b in find_blocks(text, has_title=has_title)]


def label_of(text: str, part: str, *, has_title: bool = False) -> str:
    return next(lab for lab, chunk in labelled(text, has_title=has_title) if chunk == part)


LEAD = "Das Bezirksamt Mitte lädt am Samstag, dem 14. Juni 2025, zum Kiezfest auf dem Leopoldplatz ein."
BODY = "Es gibt Musik, Spiele und Stände der Vereine. Der Eintritt ist frei, Anmeldungen sind nicht nötig."


@pytest.mark.parametrize(
    "text, has_title, expected",
    [
        # kicker + title + lead, as in the reference release
        (
            f"Bezirksamt Mitte\n\nKiezfest auf dem Leopoldplatz\n\n{LEAD}\n\n{BODY}",
            False,
            {"kicker": "Bezirksamt Mitte", "title": "Kiezfest auf dem Leopoldplatz", "lead": LEAD},
        ),
        # title from metadata: no kicker guessed
        (
            f"Kiezfest auf dem Leopoldplatz\n\n{LEAD}\n\n{BODY}",
            True,
            {"title": "Kiezfest auf dem Leopoldplatz", "lead": LEAD},
        ),
        # the issuing office's formula is not the lead
        (
            f"Kiezfest\n\nDas Presse- und Informationsamt des Landes Berlin teilt mit:\n\n{LEAD}",
            True,
            {"title": "Kiezfest", "lead": LEAD},
        ),
        (
            f"Kiezfest\n\nDer Bezirksstadtrat für Schule und Sport, Benjamin Fritz, informiert:\n\n{LEAD}",
            True,
            {"title": "Kiezfest", "lead": LEAD},
        ),
        (
            f"Kiezfest\n\nAus der Sitzung des Senats am 13. April 2021:\n\n{LEAD}",
            True,
            {"title": "Kiezfest", "lead": LEAD},
        ),
        (
            f"Einladung\n\nSehr geehrte Damen und Herren,\n\n{LEAD}",
            True,
            {"title": "Einladung", "lead": LEAD},
        ),
        # a slogan is not a lead
        (
            f"Green Buddy Award\n\nSei ein Buddy! Jetzt bewerben!\n\n{LEAD}",
            True,
            {"title": "Green Buddy Award", "lead": LEAD},
        ),
        # police release number above the text
        (f"Radfahrerin verletzt\n\nNr. 1154\n{LEAD}", True, {"title": "Radfahrerin verletzt", "lead": LEAD}),
        # a long paragraph that ends in a colon may still be the lead
        (
            (
                "Einwohnerversammlung\n\nDas Bezirksamt Lichtenberg lädt alle Anwohnerinnen und Anwohner zu einer "
                "Einwohnerversammlung zur Sanierung des Spielplatzes ein:\n\nMittwoch, 7. März 2018, um 18 Uhr"
            ),
            True,
            {
                "title": "Einwohnerversammlung",
                "lead": "Das Bezirksamt Lichtenberg lädt alle Anwohnerinnen und Anwohner zu einer Einwohnerversammlung "
                "zur Sanierung des Spielplatzes ein:",
            },
        ),
    ],
)
def test_kicker_title_lead(text: str, has_title: bool, expected: dict[str, str]) -> None:
    got = {
        lab: chunk for lab, chunk in labelled(text, has_title=has_title) if lab in ("kicker", "title", "lead")
    }
    assert got == expected


@pytest.mark.parametrize(
    "text, part, label",
    [
        (
            f"Titel\n\n{LEAD}\n\nLebhafter Erfahrungsaustausch\n\n{BODY}",
            "Lebhafter Erfahrungsaustausch",
            "heading",
        ),
        (
            f"Titel\n\n{LEAD}\n\nErster Konferenztag: „Integration vor Ort gestalten“\n\n{BODY}",
            "Erster Konferenztag: „Integration vor Ort gestalten“",
            "heading",
        ),
        # numbered section titles between paragraphs
        (f"Titel\n\n{LEAD}\n\n1. Fachbereich Bürgerämter\n\n{BODY}", "1. Fachbereich Bürgerämter", "heading"),
        # NOT headings: speaker intros and list intros end in a colon
        (
            f"Titel\n\n{LEAD}\n\nHierzu erklärt Justizsenator Dr. Dirk Behrendt:\n\n„Raserei ist gefährlich.“",
            "Hierzu erklärt Justizsenator Dr. Dirk Behrendt:",
            "paragraph",
        ),
        (
            f"Titel\n\n{LEAD}\n\nBezirksbürgermeisterin Angelika Schöttler:\n\n„Wir freuen uns.“",
            "Bezirksbürgermeisterin Angelika Schöttler:",
            "paragraph",
        ),
        (
            f"Titel\n\n{LEAD}\n\nDie Verleihung orientiert sich an folgenden Kriterien:\n\n{BODY}",
            "Die Verleihung orientiert sich an folgenden Kriterien:",
            "paragraph",
        ),
        # NOT headings: a sentence broken over paragraphs
        (
            (
                f"Titel\n\n{LEAD}\n\nDer Bebauungsplanentwurf wird in der Zeit\n\nvom 15. Oktober bis 16. November 2018 "
                "im Bezirksamt ausgelegt."
            ),
            "Der Bebauungsplanentwurf wird in der Zeit",
            "paragraph",
        ),
        # NOT headings: key-value fact lines in paragraphs of their own
        (f"Titel\n\n{LEAD}\n\nEintritt: frei\n\n{BODY}", "Eintritt: frei", "paragraph"),
        (
            f"Titel\n\n{LEAD}\n\nDatum: Dienstag, der 3.08.2021 um 16:30 Uhr\n\n{BODY}",
            "Datum: Dienstag, der 3.08.2021 um 16:30 Uhr",
            "paragraph",
        ),
        (f"Titel\n\n{LEAD}\n\nMusikbeitrag: 5 €\n\n{BODY}", "Musikbeitrag: 5 €", "paragraph"),
        # NOT a heading: salutation
        (
            f"Titel\n\n{LEAD}\n\nSehr geehrte Damen und Herren,\n\n{BODY}",
            "Sehr geehrte Damen und Herren,",
            "paragraph",
        ),
    ],
)
def test_headings(text: str, part: str, label: str) -> None:
    assert label_of(text, part, has_title=True) == label


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Titel\n\n  • Stefan Grüttner, Minister\n  • Christian Geselle, Oberbürgermeister",
            ["• Stefan Grüttner, Minister", "• Christian Geselle, Oberbürgermeister"],
        ),
        (
            "Titel\n\n- Neugestaltung des Spielplatzes\n- Teilsanierung des Märchenspielplatzes",
            ["- Neugestaltung des Spielplatzes", "- Teilsanierung des Märchenspielplatzes"],
        ),
        ("Titel\n\n* erstens\n* zweitens", ["* erstens", "* zweitens"]),
        # numbered items in paragraphs of their own
        (
            "Titel\n\n1. Schulversäumnisanzeigen\n\n2. Neubauvorhaben Grundschule\n\n3. Verschiedenes",
            ["1. Schulversäumnisanzeigen", "2. Neubauvorhaben Grundschule", "3. Verschiedenes"],
        ),
        # a dash item that is a whole paragraph, and one wrapped over two lines
        (
            (
                "Titel\n\n- So hatte der Rechnungshof die Ausgaben problematisiert.\n\n- Schon 2004 hatte der "
                "Rechnungshof beanstandet, dass die Betriebe\nihre Verträge nicht angepasst hatten."
            ),
            [
                "- So hatte der Rechnungshof die Ausgaben problematisiert.",
                "- Schon 2004 hatte der Rechnungshof beanstandet, dass die Betriebe\nihre Verträge nicht angepasst hatten.",
            ],
        ),
        # NOT list items: dates and date ranges that start with a number
        ("Titel\n\nNikolassee Route:\n11. Juli 2020, Nordroute\n22. August 2020, Südroute", []),
        ("Titel\n\nSommer Usedom\n15. – 29.07, 29.07. – 12.08.", []),
        # NOT a list item: "z. B." at the start of a line
        ("Titel\n\nz. B. Lesungen und Konzerte\nund vieles mehr", []),
    ],
)
def test_list_items(text: str, expected: list[str]) -> None:
    assert [chunk for lab, chunk in labelled(text, has_title=True) if lab == "list_item"] == expected


def test_agenda_lines() -> None:
    text = (
        "Titel\n\n12:00 Uhr - Pressekonferenz\n13:00 Uhr - Begrüßung durch\n\n16:30 Uhr - Austausch in Foren"
    )
    assert labelled(text, has_title=True)[1:] == [
        ("line", "12:00 Uhr - Pressekonferenz"),
        ("line", "13:00 Uhr - Begrüßung durch"),
        ("line", "16:30 Uhr - Austausch in Foren"),
    ]


@pytest.mark.parametrize(
    "chunk, is_caption",
    [
        (
            "Fishbowl auf der Bundeskonferenz 2018 Fishbowl auf der Bundeskonferenz 2018 Quelle: Integrationsbeauftragte",
            True,
        ),
        ("Bild: Ruth Hohmann und Lukas Natschinski (Foto: privat)", True),
        ("Der Marktplatz im Sommer. Foto: Stadt Lindenau / Jana Ostrowski", True),
        ("© Bezirksamt Pankow", True),
        # NOT captions: a heading line repeated by the paragraph under it, a phrase used twice in prose
        (
            "Markt der Möglichkeiten\nAuf einem „Markt der Möglichkeiten“ werden sich lokale Initiativen vorstellen.",
            False,
        ),
        ("Die Spandauer Freiwilligenagentur\nDie Spandauer Freiwilligenagentur berät und vermittelt.", False),
        ("Für Frauen, die arbeitslos sind.\nFür Frauen, die sich umorientieren möchten.", False),
        ("Die Ausstellung ist bis zum 27. Oktober zu sehen. Der Eintritt ist frei.", False),
    ],
)
def test_captions(chunk: str, is_caption: bool) -> None:
    text = f"Titel\n\n{LEAD}\n\n{chunk}\n\n{BODY}"
    assert (label_of(text, chunk, has_title=True) == "caption") is is_caption


def test_blocks_cover_text_in_order_without_overlap() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = find_blocks(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(text[b.start : b.end].strip() == text[b.start : b.end] and b.end > b.start for b in found)
    covered = "".join(text[b.start : b.end] for b in found)
    assert "".join(covered.split()) == "".join(text.split())  # nothing but whitespace is left out


def test_reference_release_on_the_pipeline() -> None:
    """done-when 2: kicker/title/lead right, the repeated caption with its credit kept out of the body."""
    import pressextract

    nlp = pressextract.load("blank", stages=[])
    text = SEED.read_text(encoding="utf-8")
    doc = nlp(text)
    assert [s.text for s in blocks(doc, "kicker", "title", "lead")] == [
        "Integrationsbeauftragte",
        "Integration vor Ort gestalten",
        "In Kassel tagte die Bundeskonferenz der Integrationsbeauftragen.",
    ]
    (caption,) = blocks(doc, "caption")
    assert caption.text.startswith("Fishbowl auf der Bundeskonferenz 2018") and caption.text.endswith(
        "Harry Soremski"
    )
    assert is_excluded(doc, caption.start_char, caption.end_char)
    assert not any("Soremski" in s.text or "Fishbowl auf der" in s.text for s in body_sents(doc))
    assert any(
        s.text.startswith("Staatsministerin Annette Widmann-Mauz unterstrich") for s in body_sents(doc)
    )
    # block starts are sentence starts: the agenda lines and the heading are sentences of their own
    starts = {s.start_char for s in doc.sents}
    assert all(b.start_char in starts for b in blocks(doc))
    assert len(blocks(doc, "list_item")) == 10


# --- closing quotes stay with their sentence ---------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # German „…“ after a full stop, exclamation and question mark
        ("Sie sagte: „Wir freuen uns sehr.“ Danach ging es weiter.", ["“"]),
        ("„Das schaffen wir!“ freut sich Dr. Anna Schmidt.", ["“"]),
        ("Er fragte: „Wer zahlt das?“ Niemand antwortete.", ["“"]),
        # ASCII and English marks, guillemets
        ('"Wir sind bereit." Der Bürgermeister lächelte.', ['"']),
        ("»Das Ziel ist klar.« Mehr sagte sie nicht.", ["«"]),
        # shouldn't: a quote before the full stop, a space before the mark, an ASCII mark opening a quote
        ("Das Motto lautet „Berlin hilft“. Die Aktion startet am Montag.", []),
        ('Er endete. "Neu ist das nicht", sagte er.', []),
        ('Es war spät."Neu" stand auf dem Schild.', []),
        ("Das Fest beginnt um 10 Uhr. Der Eintritt ist frei.", []),
    ],
)
def test_closing_quote_positions(text: str, expected: list[str]) -> None:
    from spacy.lang.de import German

    from pressextract.rules.layout import closing_quote_positions

    doc = German().make_doc(text)
    words = [t.text for t in doc]
    found = [words[i] for i in closing_quote_positions(words, [bool(t.whitespace_) for t in doc])]
    assert found == expected


@pytest.mark.model
def test_closing_quote_stays_in_its_sentence_with_the_bundled_model() -> None:
    from pressextract.backbone import bundled_path
    from pressextract.engines.batch import build_nlp

    path = bundled_path()
    if path is None:
        pytest.skip("bundled model models/de_pressextract not trained")
    nlp = build_nlp(str(path), stages=[])
    if "parser" not in nlp.pipe_names:
        pytest.skip("the loaded model has no parser")
    doc = nlp(
        '"Wir sind bereit." Der Bürgermeister lächelte. Sie sagte: „Es reicht. Wir gehen.“ Dann ging sie.'
    )
    sents = [s.text for s in doc.sents]
    assert '"Wir sind bereit."' in sents
    assert not any(s.startswith(('"', "“")) and len(s) < 3 for s in sents)
    assert any(s.endswith("Wir gehen.“") for s in sents)
