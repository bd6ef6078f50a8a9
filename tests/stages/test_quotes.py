"""The press_quotes component end to end on the reference release corpus/seed.txt (blank pipeline, no model)."""

from __future__ import annotations

from pathlib import Path

import pressextract

SEED = Path(__file__).resolve().parents[2] / "corpus" / "seed.txt"


def test_reference_release_has_exactly_the_two_quotes():
    nlp = pressextract.load("blank")
    doc = nlp(SEED.read_text(encoding="utf-8"))
    found = [(s.text, s._.quote) for s in doc.spans["press_quotes"]]
    assert len(found) == 2
    (t1, q1), (t2, q2) = found
    assert t1.startswith("Es ist gut, dass sich Deutschland") and t1.endswith("austauschen konnten.")
    assert (q1["kind"], q1["cue"], q1["speaker"]) == (
        "direct",
        "unterstreichen",
        "Staatsministerin Annette Widmann-Mauz",
    )
    assert t2.startswith("Es war ein lebhafter Erfahrungsaustausch") and t2.endswith("hineindrängen wollen.")
    assert "\n\n" in t2  # one quote over two paragraphs
    assert (q2["kind"], q2["cue"], q2["speaker"]) == ("direct", "bilanzieren", "Die Staatsministerin")
    assert q1["person_id"] and q1["person_id"] == q2["person_id"]
    assert set(q1) >= {"kind", "cue", "speaker", "speaker_start", "speaker_end", "person_id", "rule_id"}


def test_a_comma_inside_the_closing_mark_is_not_part_of_the_statement():
    nlp = pressextract.load("blank")
    text = (
        "Das Gemeindefest beginnt um 15 Uhr.\n\n„Für unser Viertel ist so ein Fest einfach wichtig,” sagt Pfarrerin "
        "Jana Beispielmann. „Alle sind willkommen“, ergänzt sie."
    )
    doc = nlp(text)
    texts = [s.text for s in doc.spans["press_quotes"]]
    assert "Für unser Viertel ist so ein Fest einfach wichtig" in texts
    assert "Alle sind willkommen" in texts


def test_a_quote_glued_to_the_sentence_before_is_found():
    """ "Stadtteil.„Wir …" without a space: the tokenizer splits the period and the mark (backbone infixes)."""
    nlp = pressextract.load("blank")
    doc = nlp(
        "Der Laden liegt mitten im Stadtteil.„Wir bleiben hier, solange es geht“, sagte Inhaber Olaf Mustermann."
    )
    texts = [s.text for s in doc.spans["press_quotes"]]
    assert texts == ["Wir bleiben hier, solange es geht"]
