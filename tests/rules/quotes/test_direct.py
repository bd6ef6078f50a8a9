"""Direct quotes on German sentences: every mark style, intros before and after, multi-paragraph and
interrupted quotes, titles and names that are NOT quotes, quoted phrases decided from the context,
statements after a colon. Runs on the blank pipeline (no model) unless marked."""

from __future__ import annotations

import pytest

from pressextract.records.ids import person_id
from pressextract.rules.quotes import (
    find_marked,
)


def quotes(nlp, text: str) -> list[tuple[str, dict]]:
    doc = nlp(text)
    return [(s.text, s._.quote) for s in doc.spans["press_quotes"]]


# --- direct quotes: (text, quote text, speaker, cue) ----------------------------------------------

DIRECT = [
    ("„Wir handeln“, sagte Senatorin Kalayci.", "Wir handeln", "Senatorin Kalayci", "sagen"),
    (
        "Staatsministerin Annette Widmann-Mauz unterstrich in Kassel: „Integration findet vor Ort statt.“",
        "Integration findet vor Ort statt.",
        "Staatsministerin Annette Widmann-Mauz",
        "unterstreichen",
    ),
    (
        "Die Staatsministerin bilanzierte nach der zweitägigen Konferenz: „Es war ein lebhafter Austausch.“",
        "Es war ein lebhafter Austausch.",
        "Die Staatsministerin",
        "bilanzieren",
    ),
    (
        "„Das ist ein großer Tag für Lichtenberg“, erklärt Bezirksbürgermeister Michael Grunst (Die Linke) stolz.",
        "Das ist ein großer Tag für Lichtenberg",
        "Bezirksbürgermeister Michael Grunst",
        "erklären",
    ),
    (
        (
            "Dazu sagt Clara Herrmann, Bezirksbürgermeisterin von Friedrichshain-Kreuzberg:\n"
            "„Wir freuen uns sehr über die neue Schule am Park.“"
        ),
        "Wir freuen uns sehr über die neue Schule am Park.",
        "Clara Herrmann",
        "sagen",
    ),
    (
        "“Wir sind für den Winter gut gerüstet”, so Senator Geisel.",
        "Wir sind für den Winter gut gerüstet",
        "Senator Geisel",
        "so",
    ),
    (
        "»Das ist gut so«, sagte der Regierende Bürgermeister Kai Wegner.",
        "Das ist gut so",
        "der Regierende Bürgermeister Kai Wegner",
        "sagen",
    ),
    (
        '"Wir bauen mehr Wohnungen", sagte Wegner am Montag im Roten Rathaus.',
        "Wir bauen mehr Wohnungen",
        "Wegner",
        "sagen",
    ),
    ("Er sagte: ‚Wir kommen morgen wieder.‘", "Wir kommen morgen wieder.", "Er", "sagen"),
    ("„Wir handeln jetzt!“ betont sie.", "Wir handeln jetzt!", "sie", "betonen"),
    (
        "Dazu sagte Senatorin Katja Kipping: „Wir helfen allen, die Hilfe brauchen.“",
        "Wir helfen allen, die Hilfe brauchen.",
        "Senatorin Katja Kipping",
        "sagen",
    ),
    (
        "„Der Senat hat geliefert“, freut sich die Senatorin.",
        "Der Senat hat geliefert",
        "die Senatorin",
        "freuen",
    ),
    (
        "Sandra Scheeres: „Wir investieren in die Schulen dieser Stadt.“",
        "Wir investieren in die Schulen dieser Stadt.",
        "Sandra Scheeres",
        None,
    ),
    # a quoted fragment with a speech verb in the clause
    ("Sie nannte die Vorwürfe „aus der Luft gegriffen“.", "aus der Luft gegriffen", "Sie", "nennen"),
]


@pytest.mark.parametrize("text, quote, speaker, cue", DIRECT)
def test_direct_quote(nlp, text, quote, speaker, cue):
    found = [(t, q) for t, q in quotes(nlp, text) if q["kind"] == "direct"]
    assert len(found) == 1, found
    t, q = found[0]
    assert t == quote
    assert q["speaker"] == speaker
    assert q["cue"] == cue
    if speaker:
        assert text[q["speaker_start"] : q["speaker_end"]] == speaker


NOT_QUOTES = [
    "Der Titel „Aktuelle Stunde“ steht seit Wochen fest.",
    (
        "In diesem Jahr fand die Konferenz unter dem Titel „Integration vor Ort gestalten – Gesellschaftlichen "
        "Zusammenhalt stärken“ statt."
    ),
    "Das Projekt „Kiezlotsen“ startet im Mai in Neukölln.",
    "Das Modellprojekt „Stark im Kiez“ wird verlängert.",
    "14:30 Uhr - „Aktuelle Stunde“ im Fishbowl-Format mit:",
    "Die Ausstellung „Berlin 1920 – Die Stadt im Umbruch“ zeigt Fotos.",
    "Zweiter Konferenztag: „Gesellschaftliche Zusammenhalt stärken“",
    "Die Senatorin besuchte die „Berliner Tafel“ in Wedding.",
    "Er sagte der „Berliner Zeitung“, er komme.",  # the name is no quote (the reported clause is)
    "Das Motto lautet: „Gemeinsam für Berlin“.",
    "Wir fahren mit der „MS Berlin“ über den Wannsee.",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_titles_names_mottos_are_no_direct_quotes(nlp, text):
    assert [t for t, q in quotes(nlp, text) if q["kind"] == "direct"] == []


def test_unbalanced_mark_does_not_swallow_the_text_after_it(nlp):
    text = (
        "Erster Konferenztag: „Integration vor Ort gestalten\n\n"
        "Am ersten Konferenztag fand vor allem in den Foren ein Austausch statt.\n\n"
        "12:00 Uhr - Pressekonferenz\n\n"
        "Zweiter Konferenztag: „Gesellschaftliche Zusammenhalt stärken“\n\n"
        "Am zweiten Tag stand der Zusammenhalt im Mittelpunkt."
    )
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # German convention: the first paragraph stays open, the last closes
        (
            "Die Senatorin sagte: „Erstens ist das gut.\n\nZweitens ist es richtig.“",
            "Erstens ist das gut.\n\nZweitens ist es richtig.",
        ),
        # some writers reopen each paragraph
        (
            "Die Senatorin sagte: „Erstens ist das gut.\n\n„Zweitens ist es richtig.“",
            "Erstens ist das gut.\n\n„Zweitens ist es richtig.",
        ),
        (
            "Er sagte: „Das ist der erste Teil.\n\nDas ist der zweite Teil.\n\nUnd das ist der Schluss.“",
            "Das ist der erste Teil.\n\nDas ist der zweite Teil.\n\nUnd das ist der Schluss.",
        ),
    ],
)
def test_quote_over_several_paragraphs_is_one_span(nlp, text, expected):
    found = quotes(nlp, text)
    assert [t for t, _ in found] == [expected]
    assert found[0][1]["speaker"] in ("Die Senatorin", "Er")


def test_interrupted_quote_gives_two_rows_with_the_same_speaker(nlp):
    found = quotes(nlp, "„Wir bauen“, sagt Kai Wegner, „und zwar schnell und günstig.“")
    assert [t for t, _ in found] == ["Wir bauen", "und zwar schnell und günstig."]
    assert {q["speaker"] for _, q in found} == {"Kai Wegner"}
    assert {q["person_id"] for _, q in found} == {person_id("Kai Wegner")}


def test_quote_paragraph_after_a_quote_keeps_the_speaker(nlp):
    text = (
        "„Wir haben viel erreicht“, sagte Senatorin Astrid-Sabine Busse.\n\n"
        "„Jetzt kommt es darauf an, die Schulen weiter zu stärken.“"
    )
    found = quotes(nlp, text)
    assert [q["speaker"] for _, q in found] == ["Senatorin Astrid-Sabine Busse"] * 2
    assert found[1][1]["rule_id"].startswith("direct.continued")


def test_quoted_sentence_inside_a_paragraph_without_speaker_is_unattributed(nlp):
    found = quotes(nlp, "Der Abend stand unter einem Leitgedanken. „Berlin braucht mehr Mut und mehr Tempo.“")
    assert [(t, q["speaker"]) for t, q in found] == [("Berlin braucht mehr Mut und mehr Tempo.", None)]


# --- find_marked on raw text --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Er sagte „ja“ und „nein“.", ["ja", "nein"]),
        ("„Sie sagte ‚nie wieder‘ und ging.“", ["Sie sagte ‚nie wieder‘ und ging."]),
        ('Die 12" Platte und "Wort"', ["Wort"]),  # inch mark is no opener
        ("Er sagte „offen", []),
        ("«Bonjour», sagte sie.", ["Bonjour"]),
    ],
)
def test_find_marked(text, expected):
    assert [text[m.start : m.end] for m in find_marked(text)] == expected


# --- quoted phrases without a cue, decided from the context -----------------------------------------

CONTEXT_FRAGMENTS = [
    # (text, fragment, speaker): a person as sentence subject or the last speaker owns the wording
    (
        (
            "Bezirksbürgermeister Martin Hikel kritisierte die Pläne des Senats. Er sprach von einer "
            "„Gefahr für den ganzen Kiez“."
        ),
        "Gefahr für den ganzen Kiez",
        "Er",
    ),
    (
        "„Wir bauen weiter“, sagte Senatorin Kahlefeld. Die Finanzierung sei jedoch „alles andere als sicher“.",
        "alles andere als sicher",
        "Senatorin Kahlefeld",
    ),
]


@pytest.mark.parametrize("text, fragment, speaker", CONTEXT_FRAGMENTS)
def test_context_fragment_takes_a_speaker(nlp, text, fragment, speaker):
    found = {t: q for t, q in quotes(nlp, text) if q["kind"] == "direct"}
    assert fragment in found, found
    assert found[fragment]["speaker"] == speaker


NOT_FRAGMENTS = [
    "Die Ankündigung ist Teil einer „Roadmap der nationalen Versöhnung“.",  # a thing as subject, nobody speaks
    "Die Organisation „Reporter ohne Grenzen“ warnt seit Jahren vor Zensur.",  # a noun names it
    "Die Bahnen der Typen „E1“ und „E2“ fahren wieder.",  # enumeration of names
    "Der Einsatz „Cast Lead“ („gegossenes Blei“) dauerte drei Wochen.",  # a translation
    "Die Broschüre erscheint als „Wege durch den Kiez“ im Mai.",  # a thing as subject, no speaker around
    "Infos unter „www.berlin.de/kultur“ und am Telefon.",
    "Bitte teilen Sie uns mit, ob wir Sie zur „Nacht der Solidarität“ begrüßen dürfen.",
]


@pytest.mark.parametrize("text", NOT_FRAGMENTS)
def test_quoted_names_and_titles_are_no_fragments(nlp, text):
    assert [t for t, q in quotes(nlp, text) if q["kind"] == "direct"] == []


COLON_INTROS = [
    # (text, speaker): name with office (several commas), office with name, apposition before the verb
    (
        (
            "Johannes Wieczorek, Staatssekretär für Mobilität, Verkehr und Umwelt: „Die Bedenken sind "
            "ausgeräumt, der Radweg kommt.“"
        ),
        "Johannes Wieczorek",
    ),
    ("Der Regierende Bürgermeister, Kai Wegner vorab: „Berlin und Prag sind enge Partner.“", "Kai Wegner"),
    ("Ein Sprecher der Polizei, Lars Beringer, sagte: „Die Lage ist ruhig.“", "Lars Beringer"),
    (
        "Henk Meijer, Laborleiter der Stärkefabrik, erklärte: „Wir pflanzen die Kartoffel nicht an.“",
        "Henk Meijer",
    ),
]


@pytest.mark.parametrize("text, speaker", COLON_INTROS)
def test_name_office_intros(nlp, text, speaker):
    found = [q for t, q in quotes(nlp, text) if q["kind"] == "direct"]
    assert len(found) == 1 and found[0]["speaker"] == speaker, found


NO_SPEAKER_INTROS = [
    "Termine, Orte und Preise: „Alles muss raus, solange der Vorrat reicht.“",
    "Die Polizei, die Feuerwehr, das THW und der Senat: „Gemeinsam sicher feiern.“",
]


@pytest.mark.parametrize("text", NO_SPEAKER_INTROS)
def test_enumeration_before_colon_is_no_speaker(nlp, text):
    assert [q["speaker"] for t, q in quotes(nlp, text) if q["kind"] == "direct" and q["speaker"]] == []


@pytest.mark.parametrize(
    "text, quote",
    [
        ("Wieczorek: „Die Parkplätze an der Straße „Unter den Eichen“ fallen weg.‘‘", 1),
        ("Er sagte: „Das ist „gut“ so, sagt er.", 0),  # unbalanced stays unbalanced without ‘‘
    ],
)
def test_double_single_mark_closes_a_german_quote(text, quote):
    long = [m for m in find_marked(text) if "Parkplätze" in text[m.start : m.end]]
    assert len(long) == quote


# --- statements after a colon without a speech verb; quoted names before a verb ----------------------

COLON_STATEMENTS = [
    # (text, quote, speaker or None)
    (
        (
            "Ihre Zuversicht gründet sich auf die Erfahrungen der letzten Jahre: "
            "„Entscheidungen über den Kiez sind auch in der Vergangenheit erst in letzter Minute gefallen.“"
        ),
        "Entscheidungen über den Kiez sind auch in der Vergangenheit erst in letzter Minute gefallen.",
        None,
    ),
    (
        (
            "Das Fazit der Bezirksbürgermeisterin fällt nach fünf Jahren eindeutig aus: "
            "„Die Gemeinschaftsschule ist ein Erfolg für den ganzen Bezirk.“"
        ),
        "Die Gemeinschaftsschule ist ein Erfolg für den ganzen Bezirk.",
        None,
    ),
    (
        (
            "Senator Christian Gaebler wird am Sonntag an einer Führung durch die Siedlung teilnehmen: "
            "„Ich freue mich sehr auf diesen Besuch im Wedding.“"
        ),
        "Ich freue mich sehr auf diesen Besuch im Wedding.",
        "Senator Christian Gaebler",
    ),
]


@pytest.mark.parametrize("text, quote, speaker", COLON_STATEMENTS)
def test_finished_sentence_after_a_colon_is_a_statement(nlp, text, quote, speaker):
    found = {t: q for t, q in quotes(nlp, text) if q["kind"] == "direct"}
    assert quote in found, found
    if speaker is not None:
        assert found[quote]["speaker"] == speaker


NOT_COLON_STATEMENTS = [
    "Das Motto lautet: „Gemeinsam für einen sauberen Kiez“.",  # no sentence end: a motto
    "Unter dem Titel: „Wie wollen wir im Jahr 2030 in Berlin leben?“ diskutieren Fachleute.",  # a title
    "Am Abend stellte die Band ihr neues Album vor: „Have a nice day“.",  # short, no sentence end
]


@pytest.mark.parametrize("text", NOT_COLON_STATEMENTS)
def test_mottos_and_titles_after_a_colon_are_no_statements(nlp, text):
    assert [t for t, q in quotes(nlp, text) if q["kind"] == "direct"] == []


def test_lowercase_wording_without_speaker_in_reach_is_kept(nlp):
    found = quotes(
        nlp, "Der Airbus sei erst „weit hinter der normalen Aufsetzzone“ zu Boden gebracht worden."
    )
    assert [t for t, q in found if q["kind"] == "direct"] == ["weit hinter der normalen Aufsetzzone"]


NAMED_THINGS = [
    "Die „Aktion Deutschland hilft“ berichtete über die Lage in der Region.",
    "Wie „heise online“ berichtet, sperrten die Behörden den Zugang.",
    "Ein Vertreter der „Berliner Tafel“ sagte, die Nachfrage steige.",
    "Das Kindertagskonzert „zu Hause und trotzdem live dabei“ läuft im Netz.",
]


@pytest.mark.parametrize("text", NAMED_THINGS)
def test_quoted_name_before_a_speech_verb_is_no_quote(nlp, text):
    assert [t for t, q in quotes(nlp, text) if q["kind"] == "direct"] == []


def test_wording_after_von_einem_before_sprechen_is_a_quote(nlp):
    text = "Von einem „besonders schweren Eingriff in das Persönlichkeitsrecht“ spricht der Gesetzentwurf."
    found = {t: q for t, q in quotes(nlp, text) if q["kind"] == "direct"}
    assert found["besonders schweren Eingriff in das Persönlichkeitsrecht"]["speaker"] == "der Gesetzentwurf"


LABELS = [
    # (text, label): after "als" or an indefinite article a person's capitalized word is their label
    ("Bezirksstadtrat Oliver Nöll bezeichnete die Pläne des Senats als „Wortbruch“.", "Wortbruch"),
    ("Senatorin Katja Kipping nannte die Pläne eine „Luftnummer“.", "Luftnummer"),
]


@pytest.mark.parametrize("text, label", LABELS)
def test_label_after_als_or_indefinite_article_is_a_quote(nlp, text, label):
    assert label in [t for t, q in quotes(nlp, text) if q["kind"] == "direct"]


NOT_LABELS = [
    "Der Teilchenstrom, der von der Sonne ausgeht, wird als „Sonnenwind“ bezeichnet.",  # a term, nobody's
    "Die Ausstellung im Rathaus nennt sich „Berliner Köpfe“.",  # a name, no article before it
]


@pytest.mark.parametrize("text", NOT_LABELS)
def test_terms_and_names_are_no_labels(nlp, text):
    assert [t for t, q in quotes(nlp, text) if q["kind"] == "direct"] == []


def test_long_statement_after_lautete_is_a_quote_short_motto_is_not(nlp):
    text = (
        "Der Text lautete: „Wir, die Demonstranten, sehen keine andere Lösung, um die Krise ohne "
        "Blutvergießen zu beenden.“ Das Motto lautete: „Berlin hilft!“"
    )
    found = [t for t, q in quotes(nlp, text) if q["kind"] == "direct"]
    assert found == [
        "Wir, die Demonstranten, sehen keine andere Lösung, um die Krise ohne Blutvergießen zu beenden."
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Am Samstag fährt ein „Großer Gelber auf Tour“ durch den Bezirk.",
        "Für sie übernimmt der Künstler mit „Rühmanns Leben auf der Bühne“ das Programm.",
    ],
)
def test_capitalized_phrase_after_an_earlier_quote_is_a_title_not_its_continuation(nlp, sentence):
    text = "„Wir freuen uns auf den Abend“, sagte die Leiterin. " + sentence
    assert [t for t, q in quotes(nlp, text) if q["kind"] == "direct"] == ["Wir freuen uns auf den Abend"]


# --- "er" right after the speech verb is its subject -------------------------------------------------


@pytest.mark.parametrize(
    "text, speaker",
    [
        # should: the fronted object names another person; "er" after the verb speaks
        (
            (
                "Die Arbeit der Koalition seit dem Amtsantritt von Angela Merkel lobte er mit den Worten: "
                "„Die beiden handeln entschlossen.“"
            ),
            "er",
        ),
        ("Den Vorschlag von Senatorin Anna Berger kommentierte er knapp: „Das ist zu wenig.“", "er"),
        # shouldn't: a named subject after the verb stays the speaker
        (
            "Den Vorschlag kommentierte Senatorin Anna Berger knapp: „Das ist zu wenig.“",
            "Senatorin Anna Berger",
        ),
        (
            "Dazu sagte Bezirksstadtrat Jens Kowalski: „Wir bauen die Schule bis 2027.“",
            "Bezirksstadtrat Jens Kowalski",
        ),
    ],
)
def test_er_after_the_verb_is_the_subject(full, text, speaker):
    doc = full(text)
    assert doc.spans["press_quotes"][0]._.quote["speaker"] == speaker
