"""Speaker resolution (names, offices, pronouns of the same release) and lexicon validation of the quote rules."""

from __future__ import annotations

import shutil

import pytest

from pressextract.records.ids import person_id
from pressextract.rules.quotes import (
    LEXICON_DIR,
    LexiconError,
    Mention,
    load_lexicon,
    resolve_speaker,
)


def quotes(nlp, text: str) -> list[tuple[str, dict]]:
    doc = nlp(text)
    return [(s.text, s._.quote) for s in doc.spans["press_quotes"]]


# --- speaker resolution ---------------------------------------------------------------------------

WIDMANN = Mention(20, 41, "p-wm", "f", "Widmann-Mauz", "Annette Widmann-Mauz")
GRUETTNER = Mention(60, 75, "p-gr", "m", "Grüttner", "Stefan Grüttner")
ROLE_WM = Mention(0, 19, "p-wm", role="Staatsministerin", role_norm="Staatsminister")
ROLE_GR = Mention(77, 90, "p-gr", role="Minister", role_norm="Minister")


@pytest.mark.parametrize(
    "speaker, start, expected",
    [
        ("Die Staatsministerin", 200, "p-wm"),  # office held by one person in the release
        ("Der Minister", 200, "p-gr"),
        ("sie", 200, "p-wm"),  # last compatible person before the quote
        ("er", 200, "p-gr"),
        ("Ministerin Widmann-Mauz", 200, "p-wm"),  # family name
        ("Staatssekretär Max Mustermann", 200, person_id("Max Mustermann")),  # full name nobody found
        ("Der Senator", 200, None),  # an office nobody in the release holds
        ("Prof. Dr. Hacı-Halil Uslucan", 200, person_id("Hacı-Halil Uslucan")),
    ],
)
def test_resolve_speaker(speaker, start, expected):
    got = resolve_speaker(speaker, start, people=[WIDMANN, GRUETTNER], roles=[ROLE_WM, ROLE_GR])
    assert got == expected


def test_office_repeated_from_an_earlier_speaker_mention():
    prev = [(0, person_id("Annette Widmann-Mauz"), "f", "Staatsministerin Annette Widmann-Mauz")]
    assert resolve_speaker("Die Staatsministerin", 500, people=[], roles=[], previous=prev) == prev[0][1]


def test_stage_reads_people_spans_for_pronouns(nlp):
    from spacy.tokens import Span

    text = "Senatorin Kalayci eröffnete die Klinik. „Wir handeln“, sagte sie."
    doc = nlp.make_doc(text)
    span = Span(doc, 1, 2)
    span._.person = {"person_id": "p-k", "name": "Kalayci", "family_name": "Kalayci", "gender": "f"}
    doc.spans["press_people"] = [span]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    q = doc.spans["press_quotes"][0]._.quote
    assert (q["speaker"], q["person_id"]) == ("sie", "p-k")


# --- lexicon validation -----------------------------------------------------------------------------


def test_lexicons_load():
    lex = load_lexicon()
    assert lex.verbs_by_form["unterstrich"][0].lemma == "unterstreichen"
    assert lex.verbs_by_form["bilanzierte"][0].lemma == "bilanzieren"
    assert "titel" in lex.context_words and "sei" in lex.subjunctive_i


def test_bad_lexicon_line_names_file_and_line(tmp_path):
    for f in LEXICON_DIR.glob("*"):
        shutil.copy(f, tmp_path / f.name)
    path = tmp_path / "speech_verbs.tsv"
    path.write_text(
        path.read_text(encoding="utf-8") + "sv.kaputt\tkaputt\tkaputt\t\teverywhere\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"speech_verbs.tsv:\d+: scope"):
        load_lexicon(tmp_path)


def test_attempt_tables_name_declared_rules():
    from pressextract.resources.loader import read_rule_ids
    from pressextract.rules.quotes.direct import DIRECT_ATTEMPTS
    from pressextract.rules.quotes.indirect import INDIRECT_ATTEMPTS

    declared = read_rule_ids("quotes")
    named = {rid for ids, _ in (*DIRECT_ATTEMPTS, *INDIRECT_ATTEMPTS) for rid in ids}
    assert named <= declared
    assert len(DIRECT_ATTEMPTS) == 14 and [ids for ids, _ in DIRECT_ATTEMPTS].count(()) == 1  # the title stop
