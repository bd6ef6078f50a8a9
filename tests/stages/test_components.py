"""The components as spaCy components: settings as factory arguments with the options' defaults, entry points
for every stage, the contract's typed references, and the quote lexicons' to_disk/from_disk round trip."""

from __future__ import annotations

import importlib
import tomllib
from pathlib import Path

import pytest
import spacy

import pressextract
from pressextract.contract import OfficeRef, PersonRef, Refs, TimexRef
from pressextract.paths import project_root
from pressextract.rules.agenda import AgendaOptions
from pressextract.rules.events import EventOptions
from pressextract.rules.people import PeopleOptions
from pressextract.rules.quotes import QuoteOptions
from pressextract.rules.roles import RoleOptions
from pressextract.rules.timexes import TimexOptions

STAGES = {
    "press_timexes": TimexOptions,
    "press_people": PeopleOptions,
    "press_roles": RoleOptions,
    "press_quotes": QuoteOptions,
    "press_events": EventOptions,
    "press_agenda": AgendaOptions,
}


def speakers(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    return [(s.text, s._.quote["speaker"]) for s in doc.spans["press_quotes"]]


@pytest.mark.parametrize("factory, options", STAGES.items())
def test_default_config_is_the_options_defaults(factory, options):
    nlp = pressextract.load("blank", stages=[factory])
    config = nlp.get_pipe_config(factory)
    for name, value in config.items():
        if name in ("factory", "lexicon_dir"):
            continue
        default = getattr(options(), name)
        assert value == (list(default) if isinstance(default, tuple) else default), name


@pytest.mark.parametrize("indirect, expected", [(True, ["die Versorgung sei gesichert"]), (False, [])])
def test_a_factory_setting_reaches_the_rules(indirect, expected):
    nlp = spacy.blank("de")
    import pressextract.stages  # noqa: F401  (registers the factories)

    nlp.add_pipe("sentencizer")
    nlp.add_pipe("press_quotes", config={"indirect": indirect})
    assert nlp.get_pipe("press_quotes").options.indirect is indirect
    doc = nlp("Kalayci sagte, die Versorgung sei gesichert.")
    assert [q.text for q in doc.spans["press_quotes"] if q._.quote["kind"] == "indirect"] == expected


def test_every_stage_is_a_spacy_factories_entry_point():
    config = tomllib.loads((project_root() / "pyproject.toml").read_text(encoding="utf-8"))
    points = config["project"]["entry-points"]["spacy_factories"]
    assert set(STAGES) | {"press_layout"} <= set(points)
    for name, target in points.items():
        module, func = target.split(":")
        assert callable(getattr(importlib.import_module(module), func)), name


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("„Wir handeln jetzt“, sagte Senatorin Kalayci.", "Senatorin Kalayci"),
        ("„Wir handeln jetzt“, brummte Senatorin Kalayci.", "Senatorin Kalayci"),
    ],
)
def test_quote_lexicons_round_trip_to_disk(tmp_path: Path, text, speaker):
    nlp = pressextract.load("blank", stages=["press_quotes"])
    assert ("Wir handeln jetzt", speaker) in speakers(nlp, "„Wir handeln jetzt“, sagte Senatorin Kalayci.")
    assert speakers(nlp, "„Wir handeln jetzt“, brummte Senatorin Kalayci.") == []  # no speech verb
    nlp.to_disk(tmp_path / "nlp")
    verbs = tmp_path / "nlp" / "press_quotes" / "speech_verbs.tsv"
    verbs.write_text(
        verbs.read_text(encoding="utf-8") + "sv.brummen\tbrummen\tbrummte\t\tany\n", encoding="utf-8"
    )
    loaded = spacy.load(tmp_path / "nlp")
    assert speakers(loaded, text) == [("Wir handeln jetzt", speaker)]


def test_a_broken_saved_lexicon_fails_at_load(tmp_path: Path):
    nlp = pressextract.load("blank", stages=["press_quotes"])
    nlp.to_disk(tmp_path / "nlp")
    verbs = tmp_path / "nlp" / "press_quotes" / "speech_verbs.tsv"
    verbs.write_text(verbs.read_text(encoding="utf-8") + "sv.kaputt\tkaputt\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"speech_verbs.tsv:\d+"):
        spacy.load(tmp_path / "nlp")


def test_refs_read_earlier_stages_through_the_contract():
    nlp = pressextract.load("blank", stages=["press_timexes", "press_people", "press_roles"])
    doc = nlp("Senatorin Sandra Scheeres eröffnete am 3. Mai 2019 die Schule.")
    refs = Refs.from_doc(doc, "blocks", "timexes", "people", "offices")
    assert [(p.name, p.gender) for p in refs.people] == [("Sandra Scheeres", "f")]
    assert isinstance(refs.people[0], PersonRef) and isinstance(refs.timexes[0], TimexRef)
    assert [t.value for t in refs.timexes] == ["2019-05-03"]
    assert [(o.role_norm, o.name) for o in refs.offices] == [("Senator", "Sandra Scheeres")]
    assert isinstance(refs.offices[0], OfficeRef)
    assert refs.events == ()  # not asked for


def test_refs_refuse_unknown_parts():
    doc = spacy.blank("de")("Kein Text.")
    with pytest.raises(ValueError, match="unknown parts"):
        Refs.from_doc(doc, "quotes")
