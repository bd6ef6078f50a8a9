"""Quote forms of other publishers (ASCII and mixed marks, nested ASCII quotes, tags without comma,
"so Name, Amt", "Name: „…“") and narrative that is NOT reported speech. Blank pipeline."""

from __future__ import annotations

import pytest


def rows(nlp, text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    return [(s.text, s._.quote["kind"], s._.quote["speaker"]) for s in doc.spans["press_quotes"]]


FORMS = [
    (
        '"Wir bauen die Brücke bis 2026 fertig", sagte Bürgermeisterin Erika Beispiel.',
        "Wir bauen die Brücke bis 2026 fertig",
        "Bürgermeisterin Erika Beispiel",
    ),
    (
        '"Wir bauen die Brücke bis 2026 fertig“, sagte Bürgermeisterin Erika Beispiel.',
        "Wir bauen die Brücke bis 2026 fertig",
        "Bürgermeisterin Erika Beispiel",
    ),
    (
        '„Wir bauen die Brücke bis 2026 fertig", sagte Bürgermeisterin Erika Beispiel.',
        "Wir bauen die Brücke bis 2026 fertig",
        "Bürgermeisterin Erika Beispiel",
    ),
    (
        '"Das ist ein "großer" Tag für uns alle", sagte Landrat Max Mustermann.',
        'Das ist ein "großer" Tag für uns alle',
        "Landrat Max Mustermann",
    ),
    (
        "„Wir freuen uns über die vielen Besucher“ freut sich Dr. Max Mustermann.",
        "Wir freuen uns über die vielen Besucher",
        "Dr. Max Mustermann",
    ),
    (
        "„Wir freuen uns über die vielen Besucher“, so Max Mustermann, Vorsitzender des Vereins.",
        "Wir freuen uns über die vielen Besucher",
        "Max Mustermann",
    ),
    # "so X zu Y": the topic is not part of the speaker
    (
        "„Uns ist wichtig, mit den Menschen im Gespräch zu sein“, so die Vorsitzenden zu ihrem Beweggrund.",
        "Uns ist wichtig, mit den Menschen im Gespräch zu sein",
        "die Vorsitzenden",
    ),
    # a tag without comma, "wissen" right after the quote
    (
        "„Auch die Besten der Rangliste wollen auf sich aufmerksam machen“ weiß Turnierdirektor Max Muster.",
        "Auch die Besten der Rangliste wollen auf sich aufmerksam machen",
        "Turnierdirektor Max Muster",
    ),
    # "Name (Partei): „…“": spaCy keeps "):" as one token
    (
        "Die Woche beginnt am Montag.\n\nBezirksbürgermeister Max Muster (CDU): „Wir danken allen, die mitmachen.“",
        "Wir danken allen, die mitmachen.",
        "Bezirksbürgermeister Max Muster",
    ),
    (
        (
            "Das Fest beginnt.\n\nBezirksstadträtin Erika Beispiel (Bündnis 90/Die Grünen):\n\n"
            "„Wir laden alle Nachbarn herzlich zum Fest ein.“"
        ),
        "Wir laden alle Nachbarn herzlich zum Fest ein.",
        "Bezirksstadträtin Erika Beispiel",
    ),
]

NOT_REPORTED = [
    "Die Polizei nahm den Mann fest. Nach Zeugenaussagen soll er zuvor mehrere Autos beschädigt haben.",
    "Erwachsene vermuten, dass die Kinder zu viel Zeit am Handy verbringen.",
    "Der Bundestag hatte im Mai beschlossen, dass die Förderung verlängert wird.",
    "Der Titel „Aktuelle Stunde“ steht über der Sitzung am 10.30 bis 12 Uhr.",
    # a parenthesis before a colon, then a quoted name: no speaker, no statement
    "Die Unterlagen (siehe Aushang): „Haushalt 2025“ liegen im Rathaus aus.",
]


@pytest.mark.parametrize("text, quote, speaker", FORMS)
def test_other_publishers_forms(nlp, text, quote, speaker):
    assert (quote, "direct", speaker) in rows(nlp, text)


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_narrative_is_not_a_quote(nlp, text):
    assert rows(nlp, text) == []


MARKED = [
    # the same German pair nested inside: one quote, the inner pair is part of it
    (
        "Er sagt: „Kabarett ist für sie eine Kunstform, „die niemals Stütze sein darf“ richtet. Das schätze ich.“",
        ["Kabarett ist für sie eine Kunstform, „die niemals Stütze sein darf“ richtet. Das schätze ich."],
    ),
    # a quote over three paragraphs, the middle one citing a letter in its own pair
    (
        (
            "Stadtrat X erklärt:\n\n„Uns liegt nichts vor.\n\nNoch am Montag schreibt uns das Amt: „Es ist nicht "
            "kritisch.“ Das war schwach.\n\nWir erwarten mehr.“\n\nIm Auftrag"
        ),
        [
            (
                "Uns liegt nichts vor.\n\nNoch am Montag schreibt uns das Amt: „Es ist nicht kritisch.“ Das war "
                "schwach.\n\nWir erwarten mehr."
            )
        ],
    ),
    # two names in one sentence stay two
    ("Der „Tag der Umwelt“ und der „Tag des Baumes“ sind beliebt.", ["Tag der Umwelt", "Tag des Baumes"]),
    # an opener that never closes does not swallow the next paragraphs' scare quotes
    ("Sie sagte: „Wir handeln.\n\nDie Woche „Umwelt“ beginnt am Montag.\n\nEs geht los.", ["Umwelt"]),
    # an inner opener with only one closer: the outer one is unbalanced
    ("Thema: „Stadt „Grün“ gestalten. Ende.", ["Grün"]),
]


@pytest.mark.parametrize("text, spans", MARKED)
def test_nested_and_running_marks(text, spans):
    from pressextract.rules.quotes.marks import find_marked

    assert [text[m.start : m.end] for m in find_marked(text)] == spans


NOT_STATEMENTS = [
    # a number in marks
    ("Die Notrufnummer „110“ ist rund um die Uhr erreichbar, betonte die Polizei.", "110"),
    # the association's name, quoted again
    (
        (
            "Der Verein „Wir sind Musterstadt“ lädt ein. Frau Dr. Beispiel betonte, „Wir sind Musterstadt“ stehe "
            "für Vielfalt."
        ),
        "Wir sind Musterstadt",
    ),
    # a nickname before "genannt"
    ("Der Bus, von allen nur der „große Gelbe“ genannt, fährt seit 1970.", "große Gelbe"),
    ("Die Brücke wird im Kiez „Blaues Wunder“ genannt.", "Blaues Wunder"),
    # a question after a colon that nobody asks: the topic of a market stall
    (
        "Bis 13 Uhr werden hier die Ergebnisse vorgestellt: „Welche Projekte werden in den nächsten Jahren fertig?“",
        "Welche Projekte werden in den nächsten Jahren fertig?",
    ),
]


@pytest.mark.parametrize("text, quoted", NOT_STATEMENTS)
def test_quoted_names_are_no_direct_quotes(nlp, text, quoted):
    assert [r for r in rows(nlp, text) if r[0] == quoted and r[1] == "direct"] == []


def test_a_statement_repeated_stays_a_quote(nlp):
    text = "„Wir handeln jetzt“, sagte sie. Später wiederholte sie: „Wir handeln jetzt“."
    assert ("Wir handeln jetzt", "direct", "sie") in rows(nlp, text)
