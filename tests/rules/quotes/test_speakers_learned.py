"""Speakers beyond the rules: organizations as speakers (their own column), Konjunktiv sentences after a
sentence with a speech verb, the learned ranking's candidates and the switch that runs the rules alone.
Runs on the blank pipeline (no model) unless marked."""

from __future__ import annotations

import pytest

from pressextract.contract import Refs
from pressextract.rules.quotes.context import QuoteMatch
from pressextract.rules.quotes.learned import SpeakerModel, choose_speaker, continued_span, speaker_candidates
from pressextract.rules.quotes.resolve import Mention, resolve_speaker
from pressextract.rules.quotes.speakers import speaker_organization


def quotes(nlp, text: str) -> list[tuple[str, dict]]:
    doc = nlp(text)
    return [(s.text, s._.quote) for s in doc.spans["press_quotes"]]


# --- organizations speak: speaker_org, never a person_id -------------------------------------------

ORGS = [
    ("Die Polizei Berlin", True),
    ("das Bezirksamt Pankow", True),
    ("Die Senatsverwaltung für Bildung", True),
    ("der Landesverband", True),
    ("die zuständige Behörde", True),
    ("Ein Sprecher der Polizei", False),  # a person speaking for it
    ("Senatorin Kalayci", False),
    ("Die Staatsministerin", False),
    ("sie", False),
    ("Roland Meier", False),  # ends like "land", but is a name
    ("Stadtrat Ole Müller", False),
]


@pytest.mark.parametrize("mention, is_org", ORGS)
def test_speaker_organization(blank, mention, is_org):
    doc = blank(f"{mention} sagte etwas.")
    got = speaker_organization(doc, 0, len(mention))
    assert (got == mention) if is_org else got is None


def test_org_speaker_gets_its_column_and_no_person(nlp):
    found = quotes(nlp, "„Wir ermitteln in alle Richtungen“, teilte die Polizei Berlin mit.")
    assert len(found) == 1
    q = found[0][1]
    assert q["speaker_org"] and "Polizei" in q["speaker_org"]
    assert q["person_id"] is None


def test_person_speaker_has_no_org(nlp):
    found = quotes(nlp, "„Wir handeln jetzt“, sagte Senatorin Anna Kalayci.")
    assert found and found[0][1]["speaker_org"] is None


# --- Konjunktiv after a sentence with a speech verb --------------------------------------------------

FREE_CUED = [
    (
        "Die Polizei bittet um Mithilfe. Der Mann sei etwa 30 Jahre alt und trage eine Brille.",
        "Der Mann sei etwa 30 Jahre alt und trage eine Brille",
        "Die Polizei",
    ),
    (
        "Der Bürgermeister äußerte sich am Montag zu den Plänen. Die Stadt habe genug Geld für die Schulen.",
        "Die Stadt habe genug Geld für die Schulen",
        "Der Bürgermeister",
    ),
]


@pytest.mark.parametrize("text, quote, speaker", FREE_CUED)
def test_konjunktiv_after_speech_verb_sentence(nlp, text, quote, speaker):
    found = [(t, q) for t, q in quotes(nlp, text) if q["kind"] == "indirect"]
    assert [(t, q["speaker"]) for t, q in found] == [(quote, speaker)]
    assert found[0][1]["rule_id"].startswith("indirect.free_cued")


NOT_FREE_CUED = [
    # no speech verb before: narrative or a formula, no speaker to report
    "Die Ausstellung öffnet im Mai. Der Eintritt sei frei.",
    # a paragraph between the speech verb and the Konjunktiv
    "Der Bürgermeister äußerte sich am Montag.\n\nEs sei darauf hingewiesen, dass die Halle schließt.",
    # Konjunktiv only in a subordinate clause after the comma
    "Der Senator sprach mit den Eltern. Alle warten, ob die Schule gebaut werde.",
]


@pytest.mark.parametrize("text", NOT_FREE_CUED)
def test_no_konjunktiv_report_without_speech_verb(nlp, text):
    assert [t for t, q in quotes(nlp, text) if q["rule_id"].startswith("indirect.free_cued")] == []


# --- sources written in lower case, "aus" after "nach Angaben" ---------------------------------------

SOURCES = [
    ("Nach Angaben aus dem Senat wurden 22 Schulen saniert.", "wurden 22 Schulen saniert", "dem Senat"),
    (
        "Laut ndr.de blieben einige Teilnehmer bis zum Abend.",
        "blieben einige Teilnehmer bis zum Abend",
        "ndr.de",
    ),
    ("Nach Angaben von rbb24 sind die Gruppen sehr mobil.", "sind die Gruppen sehr mobil", "rbb24"),
]


@pytest.mark.parametrize("text, quote, speaker", SOURCES)
def test_source_in_lower_case(nlp, text, quote, speaker):
    found = [(t, q["speaker"]) for t, q in quotes(nlp, text) if q["kind"] == "indirect"]
    assert found == [(quote, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        "Laut 2023 wurden mehr Bäume gepflanzt.",  # a year is no source
        "Nach Angaben wurden mehr Bäume gepflanzt.",
        "Laut www wurden mehr Bäume gepflanzt.",
    ],
)
def test_no_lower_case_source(nlp, text):
    assert quotes(nlp, text) == []


# --- the learned ranking: candidates, choice and the rules-only switch ------------------------------


def test_candidates_for_direct_and_indirect(blank):
    text = "Kalayci sagte, die Lage sei ernst. „Wir handeln“, sagte sie."
    doc = blank(text)
    q1 = QuoteMatch(15, 33, "indirect", "indirect.konj", speaker="Kalayci", speaker_start=0, speaker_end=7)
    s2, sp = text.index("Wir"), text.index("sie.")
    q2 = QuoteMatch(
        s2, s2 + 11, "direct", "direct.after.verb", speaker="sie", speaker_start=sp, speaker_end=sp + 3
    )
    cands = speaker_candidates(doc, [q1, q2], refs=Refs())
    assert len(cands) == 2
    assert any("src=rules" in c.features and "ind:src=rules" in c.features for c in cands[0])
    assert all(not any(k.startswith("ind:") for k in c.features) for c in cands[1])


def test_choose_speaker_keeps_rules_without_margin():
    model = SpeakerModel({"a": 1.0}, 0.0, threshold=0.3, margin=0.2)
    from pressextract.rules.quotes.learned import Candidate

    rules = Candidate(0, 5, {"rules"}, {"a": 1.0})
    other = Candidate(10, 15, {"person"}, {"a": 1.2})  # a little more probable: not by the margin
    assert choose_speaker([rules, other], (0, 5), model) == (0, 5)
    far = Candidate(10, 15, {"person"}, {"a": 6.0})
    assert choose_speaker([rules, far], (0, 5), model) == (10, 15)
    assert choose_speaker([], None, model) is None


CONTINUED = [
    # the first quote's speaker moves to the tag's pronoun: the quote that continues it follows
    (
        "Wolfgang Grader sagte dazu: „Wir befürchten das Schlimmste“, sagte er. „Es wird Verhaftungen geben.“",
        "er",
    ),
    ("Anna Berg erklärte: „Das ist falsch“, betonte sie am Abend. „Wir klagen dagegen.“", "sie"),
]


@pytest.mark.parametrize("text, pronoun", CONTINUED)
def test_continued_quote_follows_the_chosen_speaker(blank, text, pronoun):
    from pressextract.rules.quotes.learned import rerank_speakers

    doc = blank(text)
    name_end = text.index(" ", text.index(" ") + 1)
    p = text.index(f" {pronoun}", text.index("“")) + 1
    s1 = text.index("„") + 1
    e1 = text.index("“")
    s2 = text.index("„", e1) + 1
    q1 = QuoteMatch(
        s1,
        e1,
        "direct",
        "direct.before.colon",
        speaker=text[:name_end],
        speaker_start=0,
        speaker_end=name_end,
    )
    q2 = QuoteMatch(
        s2,
        text.index("“", s2),
        "direct",
        "direct.continued",
        speaker=text[:name_end],
        speaker_start=0,
        speaker_end=name_end,
    )
    model = SpeakerModel({"tag_after&pronoun": 5.0}, -2.0, threshold=0.2, margin=0.0)
    out = rerank_speakers(doc, [q1, q2], refs=Refs(), model=model)
    assert [(q.speaker, q.speaker_start) for q in out] == [(pronoun, p), (pronoun, p)]
    # the model's own pick for a continuation (a person named since) stays; so does a quote of another rule
    prev = ((0, name_end), (p, p + len(pronoun)))
    assert continued_span("direct.continued", (0, name_end), (90, 95), prev) == (90, 95)
    assert continued_span("direct.after.verb", (0, name_end), (0, name_end), prev) == (0, name_end)
    assert continued_span("direct.continued", (5, 9), (5, 9), prev) == (5, 9)


def test_rules_only_setting_reaches_the_stage():
    from pressextract.engines.batch import build_nlp
    from pressextract.stages.quotes import QUOTES_RULES_ONLY

    on = build_nlp("blank", stages=["press_quotes"])
    off = build_nlp("blank", stages=["press_quotes"], settings=QUOTES_RULES_ONLY)
    assert on.get_pipe("press_quotes").speaker_model is not None
    assert off.get_pipe("press_quotes").speaker_model is None


def test_cli_has_no_learned_quotes_switch():
    from typer.testing import CliRunner

    from pressextract.cli import _register, app

    _register()
    runner = CliRunner()
    for command in ("extract", "evaluate"):
        result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert "--no-learned-quotes" in result.output


# --- coreference: an age noun is the last person of its gender ---------------------------------------

ANNA = Mention(0, 11, "p-anna", "f", "Muster", "Anna Muster")
MAX = Mention(30, 40, "p-max", "m", "Beispiel", "Max Beispiel")


@pytest.mark.parametrize(
    "speaker, start, expected",
    [
        ("Der 45-Jährige", 60, "p-max"),
        ("die 30-Jährige", 60, "p-anna"),
        ("Die 30-jährige", 60, "p-anna"),
        ("der 45-Jährige", 12, None),  # no man mentioned before
        ("Die 45-Jährigen", 60, None),  # several people
        ("Der 45-Jährige Mann", 60, None),  # not an age noun alone
    ],
)
def test_age_noun_resolves_to_person(speaker, start, expected):
    got = resolve_speaker(speaker, start, people=[ANNA, MAX], roles=[])
    assert got == expected


@pytest.mark.parametrize(
    "text, mention, is_org",
    [
        ("Anna Muster von der Umweltorganisation Grüne Welle sagte etwas.", "Grüne Welle", True),
        ("Laut dem Verein Kiezküche Nord ist das so.", "Kiezküche Nord", True),
        ("Laut der Vorsitzenden Anna Muster ist das so.", "Anna Muster", False),
        ("Das ist gut für die Stadtgesellschaft.\n\nAnna Muster, Senatorin:", "Anna Muster", False),
        ("Das leisten die Landesunternehmen. Anna Muster sagte das.", "Anna Muster", False),
    ],
)
def test_organization_named_before_the_mention(blank, text, mention, is_org):
    doc = blank(text)
    start = text.index(mention)
    got = speaker_organization(doc, start, start + len(mention))
    assert (got == mention) if is_org else got is None


# --- narrative that is no reported speech ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, narrative",
    [
        ("Nach ersten Erkenntnissen soll ein Autofahrer bei Rot gefahren sein.", "soll"),  # nobody speaks
        ("Den bisherigen Ermittlungen zufolge soll der Mann geflohen sein.", "soll"),
        (
            "Gegen 2 Uhr soll es in einem Lokal zu einem Streit gekommen sein.",
            "soll",
        ),  # hearsay, nobody named
        (
            "Der Wegweiser informiert über Einrichtungen, wie Krankenhäuser und Apotheken im Bezirk.",
            "Kranken",
        ),
        (
            "Der Senat hat angekündigt, Gutachten zu beauftragen. Insbesondere sollte die Zahl geprüft werden.",
            "Insbesondere",
        ),
    ],
)
def test_narrative_is_no_indirect_quote(nlp, text, narrative):
    found = [t for t, q in quotes(nlp, text) if q["kind"] == "indirect" and narrative in t]
    assert found == []


# --- a document quoted with "heißt es:" is the speaker, with no person --------------------------------

DOCUMENT_SOURCES = [
    (
        "Im Einladungsflyer heißt es dazu: „Alle Nachbarinnen und Nachbarn sind willkommen.“",
        "Einladungsflyer",
    ),
    ("In dem Antrag heißt es wörtlich: „Die Aufhebung des Verbots ist zu prüfen.“", "Antrag"),
    ("In der Begründung der Jury heißt es: „Das Projekt zeigt, wie Nachbarschaft gelingt.“", "Begründung"),
]
NO_DOCUMENT = [
    # a time or an occasion names no document
    ("Auf dem Fest heißt es dann: „Alle Kinder dürfen mitmachen.“", "Fest"),
]


@pytest.mark.parametrize("text, head", DOCUMENT_SOURCES)
def test_document_before_heisst_es_speaks(full, text, head):
    found = quotes(full, text)
    assert len(found) == 1
    q = found[0][1]
    assert head in q["speaker"].split() and q["person_id"] is None


@pytest.mark.parametrize("text, word", NO_DOCUMENT)
def test_no_document_speaker_from_an_occasion(full, text, word):
    found = quotes(full, text)
    assert found and all(word not in (q["speaker"] or "") for _, q in found)
