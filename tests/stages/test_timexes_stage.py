"""The press_timexes component on the blank pipeline: spans, payload, captions, document date."""

from __future__ import annotations

import pytest

import pressextract


@pytest.fixture(scope="module")
def nlp():
    return pressextract.load("blank")


def _run(nlp, text: str, meta: dict | None = None):
    doc = nlp.make_doc(text)
    doc._.press_meta = meta or {}
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_spans_carry_the_contract_payload(nlp) -> None:
    doc = _run(nlp, "Die Konferenz tagte am 27. und 28. August 2018 in Kassel.\n\nBeginn war um 10 Uhr.")
    spans = doc.spans["press_timexes"]
    assert [(s.text, s.label_, s._.timex["value"]) for s in spans] == [
        ("27.", "DATE", "2018-08-27"),
        ("28. August 2018", "DATE", "2018-08-28"),
        ("10 Uhr", "TIME", "XXXX-XX-XXT10:00"),
    ]
    assert spans[1]._.timex["rule_id"] == "date.d_month_y"
    assert spans[1]._.timex["range"] == "2018-08-27/2018-08-28"


@pytest.mark.parametrize(
    "text, meta, published, value",
    [
        (
            "Pressemitteilung vom 12.06.2019\n\nDie Senatorin eröffnet morgen das Bad.",
            {},
            "2019-06-12",
            "2019-06-13",
        ),
        ("Die Senatorin eröffnet morgen das Bad.", {"published": "2020-01-31"}, None, "2020-02-01"),
        ("Die Senatorin eröffnet morgen das Bad.", {}, None, "XXXX-XX-XX"),
    ],
)
def test_anchor_from_metadata_or_text(nlp, text: str, meta: dict, published: str | None, value: str) -> None:
    doc = _run(nlp, text, meta)
    assert doc._.press_published == published
    assert [s._.timex["value"] for s in doc.spans["press_timexes"] if s.text == "morgen"] == [value]


def test_captions_give_no_timexes(nlp) -> None:
    text = (
        "Fest im Park\n\nDas Fest beginnt am 3. Mai 2019.\n\n"
        "Besucher am 1. Mai 2018 Besucher am 1. Mai 2018 Besucher am 1. Mai 2018 Quelle: Bezirksamt"
    )
    doc = _run(nlp, text, {"title": "Fest im Park", "has_title": True})
    assert [s._.timex["text"] for s in doc.spans["press_timexes"]] == ["3. Mai 2019"]
    assert [s.text for s in doc.spans["press_timexes"]] == ["3. Mai 2019."]  # token "2019." (see stage)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, value",
    [
        # "reparierten" is on no cue list: the tagger's past tense puts the Sunday before the release
        ("In der Nacht von Sonntag auf Montag reparierten zwei Teams die Weiche.", "2019-06-09"),
        # present tense: the coming Sunday
        ("In der Nacht von Sonntag auf Montag bleibt die Brücke gesperrt.", "2019-06-16"),
    ],
)
def test_bare_weekday_tense_from_the_tagger(text: str, value: str) -> None:
    from pressextract.backbone import bundled_path

    if bundled_path() is None:
        pytest.skip("bundled model models/de_pressextract not trained")
    # model version: de_pressextract 0.2.0 (its morphologizer tags "reparierten" Tense=Past|Mood=Ind)
    nlp = pressextract.load(str(bundled_path()), stages=["press_timexes"])
    doc = nlp.make_doc(text)
    doc._.press_meta = {"published": "2019-06-12"}
    doc = nlp(doc)
    found = {s.text: s._.timex["value"] for s in doc.spans["press_timexes"]}
    assert found["Sonntag"] == value
