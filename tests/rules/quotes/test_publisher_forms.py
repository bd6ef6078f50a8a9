"""Quote forms and precision cases seen across publishers (police, courts, associations, Berlin districts):
tags after the quote with new verbs, the tag that ends the paragraph before a quote paragraph, intro lines
with adverbs, a person in the tag beating an organization before the colon; and what is NOT a quote:
agentless passive findings, relative clauses, the publisher's own "wir", mottos. Blank pipeline unless
marked `model`."""

from __future__ import annotations

import pytest


def rows(nlp, text: str) -> list[tuple[str, str, str | None, str]]:
    doc = nlp(text)
    return [
        (s.text, s._.quote["kind"], s._.quote["speaker"], s._.quote["rule_id"])
        for s in doc.spans["press_quotes"]
    ]


SHOULD = [
    # "rät" after the quote
    (
        "„Hunde bleiben an Silvester am besten in der Wohnung“, rät Tierärztin Erika Beispiel.",
        "Hunde bleiben an Silvester am besten in der Wohnung",
        "Tierärztin Erika Beispiel",
    ),
    # nested ASCII marks and "rät"
    (
        '"Sagen Sie einfach "Nein" zu Haustürgeschäften", rät Verbraucherberaterin Erika Beispiel.',
        'Sagen Sie einfach "Nein" zu Haustürgeschäften',
        "Verbraucherberaterin Erika Beispiel",
    ),
    # the tag ends the paragraph before; the quote paragraph has no attribution of its own
    (
        (
            "Die Anhörung hat gezeigt, wie wenig die EU tut, schlussfolgert Senatorin Erika Beispiel.\n\n"
            "„Die Entwürfe sichern uns kein Recht auf Anonymität im Netz. Das muss sich ändern.“"
        ),
        "Die Entwürfe sichern uns kein Recht auf Anonymität im Netz. Das muss sich ändern.",
        "Senatorin Erika Beispiel",
    ),
    # "Name hierzu:" on the line before
    (
        (
            "Alle sind eingeladen.\n\nBezirksbürgermeister Max Muster hierzu:\n"
            "„Die Feierstunde ist ein deutliches Zeichen gegen Antisemitismus und Gewalt.“"
        ),
        "Die Feierstunde ist ein deutliches Zeichen gegen Antisemitismus und Gewalt.",
        "Bezirksbürgermeister Max Muster",
    ),
    # "Dazu Name:" as the speaker line of an unmarked block
    (
        (
            "Die Rampen kommen.\n\nDazu Bezirksstadträtin Erika Beispiel:\n\n"
            "Im Alltag sind kleine Stufen oft große Hürden. Mit den Rampen wird der Kiez barrierefreier."
        ),
        "Im Alltag sind kleine Stufen oft große Hürden. Mit den Rampen wird der Kiez barrierefreier.",
        "Bezirksstadträtin Erika Beispiel",
    ),
    # "Zitat Name:" before the quote
    (
        (
            'Die Studierenden fragten viel. Zitat Bürgermeisterin Erika Beispiel: "Die Karte muss nicht perfekt sein, '
            'die Menschen machen sie gemeinsam besser".'
        ),
        "Die Karte muss nicht perfekt sein, die Menschen machen sie gemeinsam besser",
        "Bürgermeisterin Erika Beispiel",
    ),
    # an organization before the colon, the person who speaks for it in the tag after the quote
    (
        (
            "Auch der Verein Kiezgarten begrüßt die Karte: „Wir freuen uns auf viele neue Gäste“, "
            "sagt Vorsitzende Erika Beispiel."
        ),
        "Wir freuen uns auf viele neue Gäste",
        "Vorsitzende Erika Beispiel",
    ),
]


@pytest.mark.parametrize("text, quote, speaker", SHOULD)
def test_publisher_quote_forms(nlp, text, quote, speaker):
    found = [(t, s) for t, k, s, _ in rows(nlp, text) if k == "direct"]
    assert (quote, speaker) in found


SHOULD_NOT = [
    # police narrative: an agentless finding or notice
    "Im Rahmen der Ermittlungen wurde festgestellt, dass es sich um eine Schreckschusswaffe gehandelt hat.",
    "In diesem Zusammenhang wird darauf hingewiesen, dass das Parken auf Gehwegen verboten ist.",
    "Zusammenfassend kann festgestellt werden, dass der Schaden gering ist.",
    "Nach dem Stand der Ermittlungen wird davon ausgegangen, dass der Mann allein handelte.",
    # a finding in the indicative by nobody named
    "Bei der Unfallaufnahme stellten die Beamten fest, dass die Vorderreifen völlig abgefahren waren.",
    "Zuvor hatte die Polizistin festgestellt, dass die Kennzeichen gestohlen waren.",
    "Eine Stunde später bemerkte die Seniorin, dass ihr Schmuck fehlte.",
    "Abschließend muss festgestellt werden, dass die Stimmung aggressiv war.",
    # the publisher's own voice
    "Wir hoffen, dass Sie ebenso begeistert sind wie wir.",
    # a motto named right after the quote
    "„Jeder Mensch hat einen Namen“ – unter diesem Motto wurde das Mahnmal um eine Namensmauer ergänzt.",
    "„Gemeinsam sind wir stark“ – so lautet das Motto des diesjährigen Kiezfests.",
    # a project name after its title noun in the genitive, then a verb without comma
    (
        "Zum Abschluss des Hospitationsprojektes „Kieze gehen nach Europa 2024“ begrüßte Bürgermeister Max Muster "
        "alle Gäste."
    ),
    # a term in marks, and an unbalanced mark in a title
    "Mittels der „in-Ovo-Selektion“ sortieren einige Brütereien die Embryonen aus.",
    "Unter dem Titel „Kunst im Kiez erleben lädt die Galerie am Samstag ein.",
]


@pytest.mark.parametrize("text", SHOULD_NOT)
def test_narrative_and_names_are_no_quotes(nlp, text):
    assert rows(nlp, text) == []


KEEP = [
    # the passive names its source: somebody's words
    ("Vom Senat wurde mitgeteilt, dass die Schule im Sommer schließt.", "dass die Schule im Sommer schließt"),
    # a finding stated by an office holder in Konjunktiv is a statement
    (
        "Bürgermeister Max Muster stellte fest, dass die Anforderungen an die Feuerwehr gestiegen seien.",
        "dass die Anforderungen an die Feuerwehr gestiegen seien",
    ),
    # an opinion reported without its holder stays
    ("Es wird befürchtet, dass die Kosten weiter steigen.", "dass die Kosten weiter steigen"),
    # "wir" inside the quotation marks is the quoted person's
    (
        "„Wir hoffen, dass viele Nachbarn kommen“, sagte Bezirksstadträtin Erika Beispiel.",
        "Wir hoffen, dass viele Nachbarn kommen",
    ),
    # a motto word that does not follow the quote
    (
        "„Wir feiern das Fest der Nachbarn“, sagte Bürgermeister Max Muster unter dem Motto des Tages.",
        "Wir feiern das Fest der Nachbarn",
    ),
]


@pytest.mark.parametrize("text, quote", KEEP)
def test_statements_stay(nlp, text, quote):
    assert quote in [t for t, *_ in rows(nlp, text)]


# --- on the bundled model: parse subjects that are no speakers ------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        # the reflexive after the verb is no speaker
        (
            "„1956 haben wir die ersten Gastarbeiter begrüßt“, erinnerte sich Alfons Domma vom FC Hürth.",
            "1956 haben wir die ersten Gastarbeiter begrüßt",
            "Alfons Domma",
        ),
        # the fronted object "Das" is no speaker
        (
            "„Die Diplomatie funktioniert immer noch.“ Das sagte der ägyptische Außenminister Sameh Shoukry.",
            "Die Diplomatie funktioniert immer noch.",
            "der ägyptische Außenminister Sameh Shoukry",
        ),
        # the office after the verb names its holder further on in the same noun group
        (
            (
                "„Die Diplomatie funktioniert noch.“ Das sagte der Präsident der 27. UN-Klimakonferenz (COP27) "
                "und ägyptische Außenminister Sameh Shoukry zum Abschluss."
            ),
            "Die Diplomatie funktioniert noch.",
            "Sameh Shoukry",
        ),
        # the day and place of the talk are no part of the speaker
        (
            "„Wir handeln jetzt“, sagte die Senatorin für Bildung am Montag im Ausschuss.",
            "Wir handeln jetzt",
            "die Senatorin für Bildung",
        ),
        # a portfolio list after the office, the name at the end of the tag
        (
            (
                "„Die Karte macht Lust aufs Entdecken“, sagt Bezirksstadtrat für Ordnung, Umwelt- und Naturschutz, "
                "Straßen und Grünflächen, Malte Musterhaus."
            ),
            "Die Karte macht Lust aufs Entdecken",
            "Malte Musterhaus",
        ),
        # the colon that ends the intro line is no part of the name
        (
            (
                "Berlin wirbt für das Gesetz.\n\nDazu erklärt Justizsenatorin Dr. Erika Beispiel:\n"
                "„Es ergibt Sinn, dass Berlin mit dem Gesetz eine Lücke geschlossen hat.“"
            ),
            "Es ergibt Sinn, dass Berlin mit dem Gesetz eine Lücke geschlossen hat.",
            "Justizsenatorin Dr. Erika Beispiel",
        ),
        # the office subject names its holder in the apposition
        (
            "Der Senator für Kultur und Europa, Dr. Klaus Lederer, erklärt: „Wir haben geholfen, wo wir konnten.“",
            "Wir haben geholfen, wo wir konnten.",
            "Dr. Klaus Lederer",
        ),
    ],
)
def test_parse_subjects_that_are_no_speakers(full, text, quote, speaker):
    found = [(t, s) for t, k, s, _ in rows(full, text) if k == "direct"]
    assert (quote, speaker) in found


@pytest.mark.model
def test_a_clause_continued_with_und_names_nobody_before_the_colon(full):
    text = (
        "Staatssekretär Max Muster nannte den Fonds einen „großen Erfolg“ und reklamierte diesen Erfolg für die EU: "
        "„Das war eine Zäsur für die Klimapolitik. Europa hat klar Stellung bezogen.“"
    )
    speakers = [s for t, k, s, _ in rows(full, text) if t.startswith("Das war eine Zäsur")]
    assert speakers and "reklamierte" not in (speakers[0] or "")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a time after the verb, a noun of a prepositional phrase before it: no speaker
        "Erst nach unserem Schreiben teilte diese Ende Februar mit, dass die Anbindehaltung beendet wurde.",
    ],
)
def test_times_and_prepositional_nouns_are_no_speakers(full, text):
    speakers = [s for _, k, s, _ in rows(full, text) if k == "indirect"]
    assert speakers and not any(s and ("Februar" in s or "Schreiben" in s) for s in speakers)


@pytest.mark.model
def test_short_phrase_with_a_thing_as_subject_is_a_scare_quote(full):
    text = "Das Kiezfest zeigt jedes Jahr aufs Neue, dass der Park weit mehr ist als „nur eine Wiese“."
    assert rows(full, text) == []


@pytest.mark.model
def test_relative_clause_is_no_reported_speech(full):
    text = "Das Veterinäramt bestätigte einen Verstoß aufgrund der Rohheit, mit der die Kuh behandelt wurde."
    assert [r for r in rows(full, text) if r[1] == "indirect"] == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text, quote",
    [
        # "in der" before a noun is an article, the clause a reported one
        (
            "Der Landrat sagte, in der Ortschaft am Fluss seien fünf Personen verletzt worden.",
            "in der Ortschaft am Fluss seien fünf Personen verletzt worden",
        ),
    ],
)
def test_reported_clause_after_a_preposition_stays(full, text, quote):
    assert quote in [t for t, k, *_ in rows(full, text) if k == "indirect"]


@pytest.mark.model
def test_motto_named_after_the_quote_is_no_statement(full):
    """With a parse the motto took "ergänzen" as an embedding verb and became a quote of "das Mahnmal"."""
    text = "„Jeder Mensch hat einen Namen“ – unter diesem Motto wurde das Mahnmal 2012 um eine Mauer ergänzt."
    assert rows(full, text) == []
