"""Every rule id that reaches an output row is declared in data: the stage's resources/rules/<stage>.tsv or the
ids of the data rows it is built from (patterns/timex.jsonl, event_types.tsv); the parts after ":" are row ids
of the resource files (speech_verbs.tsv, offices.tsv, levels.tsv, …)."""

from __future__ import annotations

import lzma
from itertools import islice
from pathlib import Path

import pytest

from pressextract.api import extract
from pressextract.backbone import bundled_path
from pressextract.paths import project_root, shared_data_dir
from pressextract.resources.loader import ResourceError, read_rule_ids, read_table, resource_ids
from pressextract.rules import agenda, events, people, quotes, roles, timexes

CORPUS = project_root() / "corpus"
BERLIN = shared_data_dir() / "press" / "releases.jsonl.xz"


def declared() -> dict[str, frozenset[str]]:
    """table -> the rule ids its stage declares."""
    return {
        "timexes": timexes.load_rules().rule_ids,
        "people": people.load_rules().rule_ids,
        "mentions": people.load_rules().rule_ids,
        "roles": roles.load_rules().rule_ids,
        "quotes": quotes.load_rules().rule_ids,
        "events": events.load_rules().rule_ids,
        "agenda": agenda.load_rules().rule_ids,
    }


def undeclared(result) -> list[str]:
    rules, rows = declared(), resource_ids()
    bad = []
    for table, ids in rules.items():
        frame = result.frames[table]
        if "rule_id" not in frame.columns:
            continue
        for rule_id in sorted(set(frame["rule_id"].dropna())):
            head, *parts = rule_id.split(":")
            if head not in ids or any(p not in rows for p in parts):
                bad.append(f"{table}: {rule_id}")
    return bad


@pytest.mark.parametrize(
    "stage, rule_id",
    [
        ("quotes", "direct.after.verb"),
        ("quotes", "indirect.konj"),
        ("roles", "role.office_name"),
        ("agenda", "agenda.line.hyphen"),
        ("agenda", "agenda.block.lab.wann"),
        ("people", "person.honorific"),
        ("events", "ev.title"),
    ],
)
def test_rule_ids_are_declared(stage, rule_id):
    assert rule_id in read_rule_ids(stage)


@pytest.mark.parametrize("stage, rule_id", [("quotes", "direct.erfunden"), ("roles", "person.honorific")])
def test_unknown_rule_ids_are_not_declared(stage, rule_id):
    assert rule_id not in read_rule_ids(stage)


def test_resource_row_ids_are_unique_across_files():
    ids = resource_ids()  # raises ResourceError naming both rows when an id is used twice
    assert ids["sv.ankuendigen_zu"].startswith("speech_verbs.tsv:")
    assert ids["month.januar"].startswith("months.tsv:")
    assert ids["role.office_name"].startswith("roles.tsv:")


def test_a_duplicate_id_names_file_and_line(tmp_path: Path):
    bad = tmp_path / "rules.tsv"
    bad.write_text("# Columns: id\tfunction\twhat\nrole.a\tf\tx\nrole.a\tg\ty\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=r"rules.tsv:3: duplicate id 'role.a'"):
        read_table(bad, columns=3)


@pytest.mark.model
@pytest.mark.skipif(bundled_path() is None, reason="bundled model models/de_pressextract not built")
def test_every_emitted_rule_id_is_declared_on_the_corpus():
    result = extract([str(CORPUS / "seed.txt"), str(CORPUS / "releases.jsonl")])
    assert sum(len(result.frames[t]) for t in ("timexes", "quotes", "roles")) > 0
    assert undeclared(result) == []


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(bundled_path() is None, reason="bundled model models/de_pressextract not built")
@pytest.mark.skipif(not BERLIN.exists(), reason=f"{BERLIN} (…/shared/data) not available")
def test_every_emitted_rule_id_is_declared_on_a_berlin_sample(tmp_path: Path):
    sample = tmp_path / "berlin.jsonl"
    with lzma.open(BERLIN, "rt", encoding="utf-8") as src:
        sample.write_text("".join(islice(src, 150)), encoding="utf-8")
    result = extract([str(sample)])
    assert len(result.frames["quotes"]) > 0
    assert undeclared(result) == []


@pytest.mark.parametrize(
    "text, name, rule_id",
    [
        (
            "Staatsministerin Annette Widmann-Mauz eröffnete die Konferenz.",
            "Annette Widmann-Mauz",
            "person.office_before",
        ),
        ("Frau Dr. Almut Neumann begrüßte die Gäste.", "Almut Neumann", "person.honorific"),
        ("Es lesen Katrin Seewald und Uwe Jensen aus ihren Büchern.", "Katrin Seewald", "person.given_name"),
    ],
)
def test_people_rows_name_their_rule(text, name, rule_id):
    people = extract([text], model="blank").frames["people"]
    assert people.loc[people["name"] == name, "rule_id"].tolist() == [rule_id]
    assert rule_id in read_rule_ids("people")


def test_no_people_row_without_a_person():
    assert (
        extract(["Die Baustelle in der Karl-Marx-Straße ist ab Montag gesperrt."], model="blank")
        .frames["people"]
        .empty
    )
