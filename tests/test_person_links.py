"""Every person_id in roles, quotes and agenda has a people row and a mention in the same document; the
mentions and offices tables join to people and documents."""

from __future__ import annotations

import dataclasses
import datetime as dt
import lzma
from itertools import islice
from pathlib import Path

import pytest

from pressextract.api import extract
from pressextract.backbone import bundled_path
from pressextract.paths import project_root, shared_data_dir
from pressextract.records.export import aggregate_offices
from pressextract.records.schema import Role
from pressextract.rules.common import people_lexicon

CORPUS = project_root() / "corpus"
BERLIN = shared_data_dir() / "press" / "releases.jsonl.xz"


def dangling(result) -> list[str]:
    """'table doc_id person_id' for every person_id without a people row or a mention in its document."""
    people = set(result.people["person_id"])
    mentioned = set(zip(result.mentions["doc_id"], result.mentions["person_id"], strict=True))
    used = [("roles", r.doc_id, r.person_id) for r in result.roles.itertuples()]
    used += [("quotes", q.doc_id, q.person_id) for q in result.quotes.itertuples()]
    used += [("agenda", a.doc_id, pid) for a in result.agenda.itertuples() for pid in a.participants]
    return [
        f"{table} {doc} {pid}"
        for table, doc, pid in used
        if isinstance(pid, str) and (pid not in people or (doc, pid) not in mentioned)
    ]


def check_joins(result) -> None:
    assert set(result.mentions["person_id"]) <= set(result.people["person_id"])
    assert set(result.mentions["doc_id"]) <= set(result.documents["doc_id"])
    assert set(result.offices["doc_id"]) <= set(result.documents["doc_id"])
    assert set(result.offices["person_id"].dropna()) <= set(result.people["person_id"])
    # a mention's text is the evidence at its offsets
    texts = dict(zip(result.documents["doc_id"], result.documents["text"], strict=True))
    for m in result.mentions.itertuples():
        assert texts[m.doc_id][m.char_start : m.char_end] == m.text


@pytest.mark.parametrize(
    "text, mention, resolved_by",
    [
        ("Staatsministerin Annette Widmann-Mauz eröffnete die Konferenz.", "Annette Widmann-Mauz", "name"),
        (
            "Frau Dr. Almut Neumann begrüßte die Gäste. Danach sprach Neumann über den Haushalt.",
            "Neumann",
            "family_name",
        ),
    ],
)
def test_mentions_say_how_they_were_resolved(text, mention, resolved_by):
    result = extract([text], model="blank")
    rows = result.mentions[result.mentions["text"] == mention]
    assert rows["resolved_by"].tolist() == [resolved_by]
    check_joins(result)
    assert dangling(result) == []


def test_no_mentions_without_a_person():
    result = extract(["Die Baustelle in der Karl-Marx-Straße ist ab Montag gesperrt."], model="blank")
    assert result.mentions.empty and result.offices.empty


def test_offices_are_dated_by_the_releases():
    docs = [
        {"doc_id": "a", "published": "2019-06-30"},
        {"doc_id": "b", "published": "2017-01-05"},
        {"doc_id": "c", "published": None},
    ]

    def role(doc_id: str, portfolio: str | None = "Bildung") -> Role:
        return Role(
            doc_id,
            "p-1",
            "Sandra Scheeres",
            "Senatorin",
            "Senatorin",
            "Senator",
            portfolio,
            None,
            "Berlin",
            "land",
            0,
            9,
        )

    offices = aggregate_offices(docs, [role("a"), role("b"), role("c"), role("a", None)])
    assert [(o.portfolio, o.first_seen, o.last_seen, o.n_documents, o.doc_id) for o in offices] == [
        ("Bildung", "2017-01-05", "2019-06-30", 3, "b"),  # the bare "Senatorin" of "a" is this office
    ]
    # with two Senator offices of one holder, a bare "Senatorin" belongs to neither
    docs.append({"doc_id": "d", "published": "2021-12-21"})
    roles = [role("a"), role("b"), role("d", "Finanzen"), role("c", None)]
    offices = aggregate_offices(docs, roles)
    assert [(o.portfolio, o.first_seen, o.last_seen, o.n_documents, o.doc_id) for o in offices] == [
        (None, None, None, 1, "c"),
        ("Bildung", "2017-01-05", "2019-06-30", 2, "b"),
        ("Finanzen", "2021-12-21", "2021-12-21", 1, "d"),
    ]
    # a past office ("die ehemalige Senatorin") is no office held at the release's date: left out, also as
    # read back from JSON or CSV
    former = dataclasses.replace(role("d", "Finanzen"), former=True)
    assert aggregate_offices(docs, [former]) == []
    assert aggregate_offices(docs, [{**dataclasses.asdict(former), "former": "True"}]) == []
    assert len(aggregate_offices(docs, [{**dataclasses.asdict(former), "former": "False"}])) == 1
    # another holder's office is another row
    other = dataclasses.replace(role("b"), person_id="p-2", name="Tom Probe")
    offices = aggregate_offices(docs, [role("a"), other])
    assert [(o.person_id, o.name, o.n_documents) for o in offices] == [
        ("p-1", "Sandra Scheeres", 1),
        ("p-2", "Tom Probe", 1),
    ]


@pytest.mark.model
@pytest.mark.skipif(bundled_path() is None, reason="bundled model models/de_pressextract not built")
def test_no_dangling_person_ids_on_the_seed():
    result = extract([str(CORPUS / "seed.txt")])
    assert len(result.mentions) >= len(result.people) > 0
    assert dangling(result) == []
    check_joins(result)
    assert len(result.offices) > 0


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(bundled_path() is None, reason="bundled model models/de_pressextract not built")
@pytest.mark.skipif(not BERLIN.exists(), reason=f"{BERLIN} (…/shared/data) not available")
def test_no_dangling_person_ids_on_a_berlin_sample(tmp_path: Path):
    sample = tmp_path / "berlin.jsonl"
    with lzma.open(BERLIN, "rt", encoding="utf-8") as src:
        sample.write_text("".join(islice(src, 150)), encoding="utf-8")
    result = extract([str(sample)])
    assert len(result.quotes) > 0 and len(result.roles) > 0
    assert dangling(result) == []
    check_joins(result)
    # every person is mentioned somewhere, and no person is named like a street, building or ensemble
    assert set(result.people["person_id"]) == set(result.mentions["person_id"])
    heads = people_lexicon().heads
    assert [n for n in result.people["name"] if any(w in heads for w in n.split())] == []
    dated = result.offices["first_seen"].dropna()
    assert len(dated) > 0 and all(isinstance(d, dt.date) for d in dated)
