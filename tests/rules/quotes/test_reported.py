"""Reported (indirect) speech on German sentences: Konjunktiv, "dass" clauses, sources, "heißt es", ", so X",
and sentences that report nothing. Runs on the blank pipeline (no model) unless marked."""

from __future__ import annotations

import pytest

import pressextract
from pressextract.backbone import bundled_path


def quotes(nlp, text: str) -> list[tuple[str, dict]]:
    doc = nlp(text)
    return [(s.text, s._.quote) for s in doc.spans["press_quotes"]]


# --- reported speech ----------------------------------------------------------------------------

INDIRECT = [
    (
        "Die Senatorin betonte, man müsse jetzt handeln.",
        "man müsse jetzt handeln",
        "Die Senatorin",
        "betonen",
    ),
    ("Wegner sagte, dass die Stadt weiter wachse.", "dass die Stadt weiter wachse", "Wegner", "sagen"),
    (
        "Laut Polizei sei der Mann in Richtung Spandau geflohen.",
        "sei der Mann in Richtung Spandau geflohen",
        "Polizei",
        "laut",
    ),
    (
        "Nach Angaben der Feuerwehr wurde niemand verletzt.",
        "wurde niemand verletzt",
        "der Feuerwehr",
        "nach Angaben",
    ),
    ("Man müsse jetzt handeln, sagte Wegner.", "Man müsse jetzt handeln", "Wegner", "sagen"),
    (
        "Wie der Senat mitteilte, beginnen die Arbeiten im Mai.",
        "beginnen die Arbeiten im Mai",
        "der Senat",
        "mitteilen",
    ),
    (
        "Der Bezirk teilte mit, die Arbeiten seien abgeschlossen.",
        "die Arbeiten seien abgeschlossen",
        "Der Bezirk",
        "mitteilen",
    ),
    (
        "Der Senator kündigte an, das Gesetz noch in diesem Jahr zu ändern.",
        "das Gesetz noch in diesem Jahr zu ändern",
        "Der Senator",
        "ankündigen",
    ),
]


@pytest.mark.parametrize("text, quote, speaker, cue", INDIRECT)
def test_indirect_quote(nlp, text, quote, speaker, cue):
    found = [(t, q) for t, q in quotes(nlp, text) if q["kind"] == "indirect"]
    assert len(found) == 1, found
    t, q = found[0]
    assert (t, q["speaker"], q["cue"]) == (quote, speaker, cue)


@pytest.mark.parametrize(
    "text",
    [
        "Nach Angaben wurde niemand verletzt.",  # no speaker: not attributed speech
        "Die Senatorin besuchte die Schule, die im Mai eröffnet wurde.",
        "Der Senat teilte die Kosten mit dem Bund.",  # "teilen" without "mit …" as particle is no cue
        "Die Ausstellung ist bis Ende Mai zu sehen, der Eintritt ist frei.",
        "Die Senatorin, die das Projekt lobte, eröffnete die Schule.",
    ],
)
def test_not_indirect(nlp, text):
    assert quotes(nlp, text) == []


def test_konjunktiv_sentence_after_reported_speech_continues_it(nlp):
    text = "Die Polizei teilte mit, der Mann sei festgenommen worden. Er habe keinen Widerstand geleistet."
    found = quotes(nlp, text)
    assert [t for t, _ in found] == [
        "der Mann sei festgenommen worden",
        "Er habe keinen Widerstand geleistet",
    ]
    assert {q["speaker"] for _, q in found} == {"Die Polizei"}


@pytest.mark.model
@pytest.mark.skipif(bundled_path() is None, reason="bundled model models/de_pressextract not built")
def test_konjunktiv_from_the_model_morphology():
    nlp = pressextract.load(str(bundled_path()), stages=["press_quotes"])
    doc = nlp("Die Senatorin betonte, die Stadt investiere weiter in Schulen.")
    found = [(s.text, s._.quote) for s in doc.spans["press_quotes"]]
    assert [t for t, _ in found] == ["die Stadt investiere weiter in Schulen"]
    assert found[0][1]["kind"] == "indirect"


# --- reported speech: sources, "heißt es", ", so X", attribution closing the sentence ---------------

REPORTED = [
    # (text, quote, speaker, cue, rule)
    (
        "Nach ersten Angaben der Polizei wurde bei dem Brand niemand verletzt.",
        "wurde bei dem Brand niemand verletzt",
        "ersten Angaben der Polizei",
        "nach",
        "indirect.source",
    ),
    (
        "Nach Polizeiangaben war der Fahrer mit deutlich überhöhter Geschwindigkeit unterwegs.",
        "war der Fahrer mit deutlich überhöhter Geschwindigkeit unterwegs",
        "Polizeiangaben",
        "nach",
        "indirect.source",
    ),
    (
        "Das Feuer brach Medienberichten zufolge in einer Küche im dritten Stock aus.",
        "Das Feuer brach Medienberichten zufolge in einer Küche im dritten Stock aus",
        "Medienberichten",
        "zufolge",
        "indirect.source",
    ),
    (
        "Seiner Meinung nach hätte die Brücke schon vor Jahren saniert werden müssen.",
        "hätte die Brücke schon vor Jahren saniert werden müssen",
        "Seiner Meinung",
        "nach",
        "indirect.source",
    ),
    (
        "In dem Bericht heißt es, die Schulgebäude seien in einem schlechten Zustand.",
        "die Schulgebäude seien in einem schlechten Zustand",
        "dem Bericht",
        "heißen",
        "indirect.impersonal",
    ),
    (
        "Die Verhandlungen über den Haushalt seien gescheitert, hieß es aus dem Senat.",
        "Die Verhandlungen über den Haushalt seien gescheitert",
        "dem Senat",
        "heißen",
        "indirect.impersonal",
    ),
    (
        "Die Baukosten seien seit dem Frühjahr deutlich gestiegen, so die Senatsverwaltung.",
        "Die Baukosten seien seit dem Frühjahr deutlich gestiegen",
        "die Senatsverwaltung",
        "so",
        "indirect.so",
    ),
    (
        "Der neue Spielplatz, so Bezirksstadträtin Müller weiter, werde im Sommer eröffnet.",
        "Der neue Spielplatz, so Bezirksstadträtin Müller weiter, werde im Sommer eröffnet",
        "Bezirksstadträtin Müller",
        "so",
        "indirect.so",
    ),
    (
        "Die Arbeiten an der Kreuzung beginnen im Mai, teilte das Bezirksamt mit.",
        "Die Arbeiten an der Kreuzung beginnen im Mai",
        "das Bezirksamt",
        "mitteilen",
        "indirect.before",
    ),
    (
        "Die Straße bleibt bis Freitag gesperrt, wie die Polizei am Montag mitteilte.",
        "Die Straße bleibt bis Freitag gesperrt",
        "die Polizei",
        "mitteilen",
        "indirect.wie_after",
    ),
    (
        "Wie Frank Berger, Sprecher der Feuerwehr, am Abend mitteilte, konnte der Brand gelöscht werden.",
        "konnte der Brand gelöscht werden",
        "Frank Berger",
        "mitteilen",
        "indirect.wie",
    ),
    (
        "Die Bürgerinitiative kritisiert, dass der Park am Kanal bebaut werden soll.",
        "dass der Park am Kanal bebaut werden soll",
        "Die Bürgerinitiative",
        "kritisieren",
        "indirect.dass",
    ),
    # the subject in the middle field (a finding in the indicative, "festgestellt", is police narrative:
    # see test_publisher_forms.py)
    (
        "Zuvor hatte die Polizistin erklärt, dass die Kennzeichen gestohlen waren.",
        "dass die Kennzeichen gestohlen waren",
        "die Polizistin",
        "erklären",
        "indirect.dass",
    ),
]


@pytest.mark.parametrize("text, quote, speaker, cue, rule", REPORTED)
def test_reported_speech_rules(nlp, text, quote, speaker, cue, rule):
    found = [(t, q) for t, q in quotes(nlp, text) if q["kind"] == "indirect"]
    assert len(found) == 1, found
    t, q = found[0]
    assert (t, q["speaker"], q["cue"], q["rule_id"].split(":")[0]) == (quote, speaker, cue, rule)


NOT_REPORTED = [
    "Erst nach umfangreichen Ermittlungen wurde der Täter gefasst.",  # a time, not a source
    "Die Reichweite beträgt 100, nach anderen Angaben 110 Kilometer.",  # a variant figure
    "Das Bezirksamt wird gebeten, die Ampel an der Schule zu reparieren.",  # a request of the council
    "Der Senat hat beschlossen, den Kreis der Berechtigten zu erweitern.",  # a decision, not a statement
    "Die Anwohnerinnen und Anwohner werden aufgefordert, ihre Fahrzeuge umzuparken.",  # addressees
    "Da ein großer Andrang erwartet wird, öffnen die Bürgerämter zwei Sonderschalter.",
    "Nachdem die Sitzung beendet war, forderte die Fraktion eine Aussprache.",
    "Die Band bezahlt die Tour selbst, so definieren sie die Grenzen.",  # consecutive "so"
    "Das heißt, die Kosten steigen im nächsten Jahr weiter.",  # "das heißt" = that is
    "Die Ausstellung erzählt vom Überqueren von Grenzen, Ländern, Sprachen und Menschen.",
    "Hierzu sagt Karin Berger, Bezirksstadträtin für Umwelt und Verkehr: „Wir pflanzen 500 Bäume.“",
]


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_not_reported_speech(nlp, text):
    assert [t for t, q in quotes(nlp, text) if q["kind"] == "indirect"] == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Dagegen beteuerte die Polizei, sie sei ständig vor Ort.", "die Polizei"),
        ("Abschließend erklärte der Senator, die Mittel seien gesichert.", "der Senator"),
        ("Der Bezirk teilte dem Sender mit, dass die Halle geschlossen bleibe.", "Der Bezirk"),
        ("Dann sagte der Stadtrat bei der Gelegenheit, er sei zufrieden.", "der Stadtrat"),
    ],
)
def test_adverbs_and_objects_are_no_speakers(nlp, text, speaker):
    found = [q for t, q in quotes(nlp, text) if q["kind"] == "indirect"]
    assert [q["speaker"] for q in found] == [speaker]


def test_verb_closest_to_the_colon_introduces_the_quote(nlp):
    text = "Die Senatorin, die das Projekt gelobt hatte, erklärte: „Wir bauen weiter.“"
    found = [q for t, q in quotes(nlp, text) if q["kind"] == "direct"]
    assert [q["cue"] for q in found] == ["erklären"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # after a directive verb the bare noun group is the addressee; the speaker stands before the verb
        ("Das Bezirksamt ruft Initiativen auf, sich mit eigenen Ideen zu beteiligen.", "Das Bezirksamt"),
        (
            "Deshalb ruft der Bezirksbürgermeister alle Vereine auf, sich zu bewerben.",
            "der Bezirksbürgermeister",
        ),
        ("Der Fahrer wurde von einer Polizistin aufgefordert, rechts heranzufahren.", "einer Polizistin"),
        ("Es wird befürchtet, dass die Kosten weiter steigen.", None),
    ],
)
def test_directive_and_passive_speakers(nlp, text, speaker):
    found = [q for t, q in quotes(nlp, text) if q["kind"] == "indirect"]
    assert [q["speaker"] for q in found] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Auch Vereine, Schulen und interessierte Initiativen sind aufgerufen, sich zu beteiligen.",
        "Den Haltern von Kleintieren wird empfohlen, die Fenster geschlossen zu halten.",
        "Sollten Sie Hinweise äußern wollen, können Sie sich an die Wache wenden.",
        "Das Gremium beschließt, ob die Untersuchung in den Katalog aufgenommen wird.",
    ],
)
def test_addressees_conditions_and_decisions_report_nothing(nlp, text):
    assert [t for t, q in quotes(nlp, text) if q["kind"] == "indirect"] == []


@pytest.mark.parametrize(
    "text, quote",
    [
        (
            "Sie fordert den Senat auf, zügig eine Regelung zu treffen: „Die Familien brauchen Klarheit.“",
            "zügig eine Regelung zu treffen",
        ),
    ],
)
def test_infinitive_before_a_colon_ends_there(nlp, text, quote):
    assert [t for t, q in quotes(nlp, text) if q["kind"] == "indirect"] == [quote]


def test_request_to_the_reader_is_no_reported_speech(nlp):
    text = "Bitte teilen Sie uns per E-Mail mit, ob Sie an der Führung teilnehmen."
    assert [t for t, q in quotes(nlp, text) if q["kind"] == "indirect"] == []


@pytest.mark.parametrize(
    "text, quote, cue",
    [
        (
            "Die Opposition bezweifelt, dass der Zeitplan zu halten sei.",
            "dass der Zeitplan zu halten sei",
            "bezweifeln",
        ),
        (
            "Die Fraktion plädierte dafür, die Bibliothek am Sonntag zu öffnen.",
            "die Bibliothek am Sonntag zu öffnen",
            "plädieren",
        ),
        (
            "Die Mieterinnen prangerten an, dass die Heizung seit Wochen ausfalle.",
            "dass die Heizung seit Wochen ausfalle",
            "anprangern",
        ),
        (
            "Der Fahrer gab an, er habe die Ampel nicht gesehen.",
            "er habe die Ampel nicht gesehen",
            "angeben",
        ),
        (
            "Die Stadträtin erwähnte, dass die Sanierung im Herbst beginne.",
            "dass die Sanierung im Herbst beginne",
            "erwähnen",
        ),
        (
            "Der Verein beschuldigte die Firma, die Fristen versäumt zu haben.",
            "die Fristen versäumt zu haben",
            "beschuldigen",
        ),
    ],
)
def test_more_speech_verbs(nlp, text, quote, cue):
    found = [(t, q["cue"]) for t, q in quotes(nlp, text) if q["kind"] == "indirect"]
    assert found == [(quote, cue)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # after an attributed statement, hearsay continues it
        ("Die Polizei teilte mit, es gebe einen Zeugen. Der Mann soll die Frau zuvor bedroht haben.", 1),
        ("Der Sprecher sagte, es sei ruhig. Dabei sollen zwei Personen leicht verletzt worden sein.", 1),
        # with nobody to attribute it to, it is police narrative, not a quote
        ("Der Mann soll die Frau zuvor mehrfach bedroht haben.", 0),
        ("Dabei sollen zwei Personen leicht verletzt worden sein.", 0),
        ("Die neue Schule soll im Mai eröffnet werden.", 0),  # a plan, not hearsay
        ("Die Anwohner sollen ihre Autos bis Montag umparken.", 0),
        ("Die Brücke soll bis 2026 fertig sein.", 0),
    ],
)
def test_hearsay_sollen_with_perfect_infinitive(nlp, text, expected):
    found = [q for t, q in quotes(nlp, text) if q["kind"] == "indirect" and "soll" in t]
    assert len(found) == expected, found
    assert all(q["rule_id"].startswith("indirect.hearsay") and q["speaker"] for q in found)


def test_clause_starting_with_a_second_verb_is_no_report(nlp):
    text = "Er hatte mehrere Beamte der Korruption beschuldigt, wurde dann aber selbst festgenommen."
    assert [t for t, q in quotes(nlp, text) if q["kind"] == "indirect"] == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Bezirksstadträtin Dr. Saskia Ellenbeck:\n\n„Der Platz wird bis zum Sommer umgebaut.“",
            "Bezirksstadträtin Dr. Saskia Ellenbeck",
        ),
        (
            "Bezirksbürgermeister Jörn Oltmann:\n\nbq. „Wir laden alle herzlich zum Fest ein.“",
            "Bezirksbürgermeister Jörn Oltmann",
        ),
        (
            "Dazu Bezirksstadträtin Carolina Böhm:\n„Die Beratung wird sehr gut angenommen.“",
            "Bezirksstadträtin Carolina Böhm",
        ),
        (
            "Frank Ebert, Beauftragter zur Aufarbeitung der Diktatur:\n„Der Campus ist ein Ort der Demokratie.“",
            "Frank Ebert",
        ),
        ("Die Jury war sich einig:\n„Das Projekt verbindet Schule und Kiez vorbildlich.“", None),
        ("Termine und Orte im Überblick:\n„Sommer im Park – Konzerte für alle Generationen.“", None),
    ],
)
def test_name_alone_on_the_line_before_a_quote(nlp, text, speaker):
    found = [q for t, q in quotes(nlp, text) if q["kind"] == "direct"]
    assert [q["speaker"] for q in found] in ([speaker], [] if speaker is None else [speaker])


@pytest.mark.parametrize(
    "text",
    [
        "Wir bitten um Verständnis, dass die Sprechstunde in dieser Woche ausfällt.",
        "Viele Leserinnen schätzen die Bibliothek so sehr, dass sie sie weiterempfehlen würden.",
        "Die Lesepaten informieren über ihre Arbeit, berichten von ihren Erfahrungen und geben Tipps.",
        "Auch wenn ein solcher Fall bislang einmal beschrieben worden ist, so gilt weiter Vorsicht.",
    ],
)
def test_consequences_requests_and_verb_lists_report_nothing(nlp, text):
    assert [t for t, q in quotes(nlp, text) if q["kind"] == "indirect"] == []


def test_coordinated_directive_verb_takes_no_addressee_as_speaker(nlp):
    text = "Die Wirte schlossen ihre Lokale und forderten die Gäste auf, nach Hause zu gehen."
    found = [q for t, q in quotes(nlp, text) if q["kind"] == "indirect"]
    assert all(q["speaker"] != "die Gäste" for q in found)
