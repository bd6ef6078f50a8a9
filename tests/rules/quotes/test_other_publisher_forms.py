"""Quote forms of publishers other than Berlin (parties, churches, associations, courts): interview
transcripts ("Name: …" turns without marks), short quoted pairs inside a quote, and what is NOT a quote:
fields and profiles with a colon, a term in parentheses, topics asked as questions. German sentences
written for these tests; the blank pipeline with the people rules unless marked `model`."""

from __future__ import annotations

import pytest

import pressextract


@pytest.fixture(scope="module")
def people_nlp():
    """Blank German pipeline with the people rules (turn labels are persons) and the quote stage."""
    return pressextract.load("blank", stages=["press_people", "press_quotes"])


def rows(nlp, text: str) -> list[tuple[str, str | None, str]]:
    doc = nlp(text)
    return [(s.text, s._.quote["speaker"], s._.quote["rule_id"]) for s in doc.spans["press_quotes"]]


INTERVIEW = (
    "Der Abgeordnete Max Muster über den Ausbau der Radwege\n\n"
    "Herr Muster, warum dauert der Ausbau so lange?\n\n"
    "Muster: Die Planung braucht Zeit. Wir müssen mit jedem Eigentümer sprechen.\n\n"
    "Das gilt auch für die Brücken. Dort ist der Boden schwierig und die Prüfung dauert Monate.\n\n"
    "Und wann wird gebaut?\n\n"
    "Ab dem Frühjahr rollen die Bagger. Bis zum Herbst soll der erste Abschnitt fertig sein.\n\n"
    "Was kostet das alles?\n\n"
    "Muster: Rund zwei Millionen Euro, den größten Teil zahlt das Land.\n\n"
    "Kontakt und Rückfragen"
)


def test_interview_answers_go_on_over_paragraphs(people_nlp):
    got = rows(people_nlp, INTERVIEW)
    assert (
        (
            "Die Planung braucht Zeit. Wir müssen mit jedem Eigentümer sprechen.\n\n"
            "Das gilt auch für die Brücken. Dort ist der Boden schwierig und die Prüfung dauert Monate."
        ),
        "Muster",
        "direct.interview",
    ) in got
    # after a question without a label the answerer speaks again
    assert (
        "Ab dem Frühjahr rollen die Bagger. Bis zum Herbst soll der erste Abschnitt fertig sein.",
        "Muster",
        "direct.interview",
    ) in got
    # the questions are no statements
    assert not any(text.endswith("?") for text, _, _ in got)


def test_interview_the_asker_with_a_label_is_not_quoted(people_nlp):
    text = (
        "Erika Beispiel: Wie sind Sie nach Deutschland gekommen?\n\n"
        "Hans Muster: Ich bin über Italien gekommen. Das war eine gefährliche Reise für uns alle.\n\n"
        "Erika Beispiel: Und wie ging es dann weiter?\n\n"
        "Hans Muster: Wir lebten lange in einem Lager. Dort gab es kaum Hilfe für die Familien."
    )
    got = rows(people_nlp, text)
    assert [(t, s) for t, s, _ in got] == [
        ("Ich bin über Italien gekommen. Das war eine gefährliche Reise für uns alle.", "Hans Muster"),
        ("Wir lebten lange in einem Lager. Dort gab es kaum Hilfe für die Familien.", "Hans Muster"),
    ]


SHOULD_NOT = [
    # fields of an announcement: the labels name no persons
    (
        "Termin: Montag, 12. Mai 2025, 18 Uhr im Rathaus.\n\nOrt: Großer Saal, Marktplatz 1.\n\n"
        "Anmeldung: Bitte per E-Mail bis zum 5. Mai an den Verein.\n\nWas erwartet Sie?"
    ),
    # profiles of honoured volunteers: persons as labels, but nobody is asked anything
    (
        "Max Muster: Er ist die gute Seele des Sportplatzes und kümmert sich seit Jahren um die Geräte.\n\n"
        "Erika Beispiel: Sie leitet den Lesekreis und organisiert jeden Sommer das Straßenfest im Kiez."
    ),
    # a programme whose items are labelled with the series' name, one of them a question
    (
        "Das Frauenforum Vorsorge lädt zu drei Abenden ein.\n\n"
        "Frauenforum Vorsorge: Gesund bleiben beginnt mit kleinen Schritten im Alltag.\n\n"
        "Frauenforum Vorsorge: Wohnen im Alter – welche Formen passen zu mir?\n\n"
        "Frauenforum Vorsorge: Netzwerke der Nachbarschaft stellen sich vor."
    ),
    # a term introduced in parentheses
    "Vor der Reform war die Einziehung von Erträgen (als „Verfall“ bezeichnet) nach der Verjährung ausgeschlossen.",
    # questions after a colon that nobody asks: a topic
    (
        "Beim Rundgang gibt es immer wieder Fragen wie zum Beispiel: „Wo ist das Rind? Wo schläft es im Winter?“ "
        "Die Schäferin beantwortet sie gern."
    ),
]


@pytest.mark.parametrize("text", SHOULD_NOT)
def test_fields_profiles_terms_and_topics_are_no_quotes(people_nlp, text):
    assert rows(people_nlp, text) == []


NESTED = [
    # ASCII inside German marks
    (
        'Sie sagte: „Wer "Nein" sagt, meint es meistens auch genau so.“ Dann ging sie.',
        'Wer "Nein" sagt, meint es meistens auch genau so.',
    ),
    # ASCII inside ASCII, the quote running on into the next paragraph
    (
        (
            'Der Pfarrer erklärt es so: "Wenn mir jemand "viel Glück" wünscht und es dann schiefgeht, '
            'ist er nicht schuld daran.\n\nGenauso ist es mit dem Segen. Er verspricht keinen Erfolg."'
        ),
        (
            'Wenn mir jemand "viel Glück" wünscht und es dann schiefgeht, ist er nicht schuld daran.\n\n'
            "Genauso ist es mit dem Segen. Er verspricht keinen Erfolg."
        ),
    ),
]


@pytest.mark.parametrize("text, quote", NESTED)
def test_a_short_pair_inside_a_quote_does_not_close_it(people_nlp, text, quote):
    assert quote in [t for t, _, _ in rows(people_nlp, text)]


# --- on the bundled model: morphology and parse --------------------------------------------------


@pytest.mark.model
def test_plural_sie_is_nobody_of_the_release(full):
    doc = full(
        "Erika Beispiel wohnt seit einem Jahr im Heim. Wenn wir die Wachleute etwas fragen, sagen sie nur: "
        "„Das wissen wir nicht.“ Wir bekommen kaum Hilfe."
    )
    quotes = [s._.quote for s in doc.spans["press_quotes"]]
    assert quotes and all(q["person_id"] is None for q in quotes)


@pytest.mark.model
def test_a_speech_verb_of_the_next_clause_does_not_take_a_label(full):
    doc = full(
        "Mehr Zeit für die Pflege\n\nErika Beispiel war als „Leiterin der Einführung im Klinikum“ an allen "
        "Schritten beteiligt und fasst die Vorteile zusammen:\n\n„Wir sparen jeden Tag viel Zeit und Papier.“"
    )
    got = [(s.text, s._.quote["speaker"]) for s in doc.spans["press_quotes"]]
    assert got == [("Wir sparen jeden Tag viel Zeit und Papier.", "Erika Beispiel")]


@pytest.mark.model
def test_the_person_before_an_affiliation_apposition_speaks(full):
    doc = full(
        "Mohamed Beispiel, von der Umweltorganisation Grünes Netz bezeichnet die Beschlüsse daher als die "
        "„große Nachricht des Gipfels, die keiner bemerkt hat“."
    )
    speakers = [s._.quote["speaker"] for s in doc.spans["press_quotes"]]
    assert speakers == ["Mohamed Beispiel"]


@pytest.mark.model
def test_an_object_before_the_colon_is_no_speaker(full):
    doc = full(
        "Die Altkollegiatin Renate Beispiel erinnerte an die Anfänge. Sie hatte ein Zitat dabei: „Das Halbwissen "
        "ist siegreicher als das Ganzwissen.“ Und einen Ratschlag: „Also bewahrt euch euren Idealismus, damit "
        "ihr weiter mutig seid!“"
    )
    speakers = [s._.quote["speaker"] for s in doc.spans["press_quotes"]]
    assert len(speakers) == 2 and "einen Ratschlag" not in speakers


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        (
            "„Die Lage ist ernst“, so Bischöfin Erika Beispiel. Es sei wichtig, Kranke nicht nur zu „versorgen“, "
            "sondern ihnen Teilhabe zu ermöglichen."
        ),
        "Im Kurs ist es auch möglich, die Bilder mit den Händen zu „begreifen“ und selbst zu malen.",
    ],
)
def test_one_word_after_zu_is_a_scare_quote(full, text):
    doc = full(text)
    assert not any(" " not in s.text and s.text.islower() for s in doc.spans["press_quotes"])


@pytest.mark.model
def test_the_noun_of_a_relative_clause_speaks_not_the_person_of_the_main_clause(full):
    doc = full(
        "Marianne Beispiel sieht das gelassen. Sie erzählt von einem jungen Mann, der gleich zur Begrüßung "
        "sagte: „Mit Kirche habe ich nichts am Hut, aber meinem Vater war es wichtig.“ Für sie kein Problem."
    )
    quotes = [s._.quote for s in doc.spans["press_quotes"]]
    assert len(quotes) == 1 and quotes[0]["speaker"] == "Mann" and quotes[0]["person_id"] is None


@pytest.mark.model
def test_a_clause_going_on_from_a_quote_keeps_its_speaker(full):
    doc = full(
        "Alle sind eingeladen.\n\n"
        '"Es ist uns wichtig, gemeinsam auf die Wahl hinzuweisen und mit den Menschen im Gespräch zu sein", '
        "so die Vorsitzenden zu ihrem Beweggrund und schließen mit einem Aufruf: "
        '"Die Europäische Union prägt unser Leben in vielen Bereichen. Gehen Sie wählen!"'
    )
    assert [s._.quote["speaker"] for s in doc.spans["press_quotes"]] == [
        "die Vorsitzenden",
        "die Vorsitzenden",
    ]


def test_a_name_in_an_aside_takes_no_verb_from_outside(people_nlp):
    text = (
        "Sie hielt den Vortrag, ohne ein Honorar zu verlangen, wofür Buchhändlerin Erika Beispiel (ebenfalls "
        "aktiv bei „Wir sind Nachbarn“) ihr herzlich dankte."
    )
    assert rows(people_nlp, text) == []
