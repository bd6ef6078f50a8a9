"""Score extracted tables against a gold file in the format of gold/seed.json.

Two views of the same comparison:

* ``score_facts`` counts gold facts found, with exactly the matching rules of the reference scorer
  ``shared/tools/score_gold.py`` (NFC + whitespace folding + casefold, ``*_contains`` means
  substring, people by family name, quotes by start/end text, …), so ``facts: H/T`` agrees with it.
  It is a recall-style count: extra rows cost nothing except through the negative facts.
* ``score_prf`` matches extracted rows to gold items one-to-one per table and counts true positives,
  false positives (extracted rows or values that match no gold item) and false negatives, per table
  and field, for precision / recall / F1. The matching rules are documented in corpus/gold/README.md.

Example: score_facts(load_tables(Path("out")), json.load(open("corpus/gold/seed.json"))).line()
-> "facts: 41/41 (100%)"
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

TABLE_NAMES = ("documents", "events", "agenda", "people", "roles", "quotes", "timexes")

# Gold keys and the table they belong to, for per-table fact counts.
_KEY_TABLE = {
    "documents": "documents",
    "events": "events",
    "agenda": "agenda",
    "day_labels": "agenda",
    "people": "people",
    "people_forbidden_names": "people",
    "roles": "roles",
    "quotes": "quotes",
    "quotes_forbidden_text_starts": "quotes",
    "quotes_expected_count": "quotes",
    "timexes": "timexes",
}

Tables = dict[str, list[dict]]


def norm(value: object) -> str:
    """Normalize a value for comparison: NFC, no-break space to space, whitespace folded, casefolded.

    Example: norm("Die  Staatsministerin\\u00a0") -> "die staatsministerin"
    """
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):  # NaN from pandas means "no value"
        return ""
    if isinstance(value, (list, tuple)):
        return " ; ".join(norm(x) for x in value)
    text = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


def load_tables(out_dir: str | Path) -> Tables:
    """Read OUT_DIR/<table>.jsonl (falling back to .csv) like the reference scorer; also `person_docs` if present.

    Example: load_tables("out/")["quotes"][0]["speaker"] -> "Die Staatsministerin"
    """
    out = Path(out_dir)
    tables: Tables = {}
    for table in (*TABLE_NAMES, "person_docs"):
        path = out / f"{table}.jsonl"
        rows: list[dict] = []
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line:
                    try:
                        rows.append(json.loads(line))
                    except json.JSONDecodeError:
                        pass
        elif (out / f"{table}.csv").exists():
            with (out / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh))
        if rows or table != "person_docs":
            tables[table] = rows
    return tables


def _clean(value: object) -> object:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "tolist"):  # numpy arrays / scalars from pandas
        return value.tolist()
    return value


def tables_from_frames(frames: dict, *, mentions: Iterable[dict] | None = None) -> Tables:
    """Turn a Result's DataFrames (and optional per-document person mentions) into plain row dicts.

    Example: tables_from_frames(pressextract.extract(["corpus/seed.txt"]).frames)["people"][0]["family_name"]
    """
    tables: Tables = {}
    for table in TABLE_NAMES:
        frame = frames.get(table)
        rows = [] if frame is None else frame.to_dict("records")
        tables[table] = [{k: _clean(v) for k, v in row.items()} for row in rows]
    if mentions is not None:
        tables["person_docs"] = [dict(m) for m in mentions]
    return tables


# --- fact count (agrees with shared/tools/score_gold.py) ---------------------------------------


@dataclass(frozen=True, slots=True)
class Fact:
    """One gold fact: which table it tests, whether it was found, and a readable description."""

    table: str
    ok: bool
    what: str


@dataclass(slots=True)
class FactScore:
    """Facts found out of all gold facts, with the list of each fact for -v style reporting."""

    facts: list[Fact] = field(default_factory=list)
    # forbidden names (gold `people_forbidden_names`) that the people table does hold for this release
    forbidden_extracted: list[str] = field(default_factory=list)

    @property
    def hit(self) -> int:
        return sum(f.ok for f in self.facts)

    @property
    def total(self) -> int:
        return len(self.facts)

    @property
    def misses(self) -> list[str]:
        return [f.what for f in self.facts if not f.ok]

    def per_table(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for f in self.facts:
            h, t = out.get(f.table, (0, 0))
            out[f.table] = (h + f.ok, t + 1)
        return out

    def line(self) -> str:
        """The reference scorer's last line. Example: "facts: 40/41 (98%)"."""
        pct = 100.0 * self.hit / self.total if self.total else 0.0
        return f"facts: {self.hit}/{self.total} ({pct:.0f}%)"


def select_document(tables: Tables, *, doc_source: str | None) -> Tables:
    """Restrict tables to one document like `score_gold.py --doc-source` (people stay run-wide).

    Example: select_document(tables, doc_source="berlin-pm-701423")
    """
    docs = tables.get("documents", [])
    if doc_source:
        # a substring like score_gold.py's --doc-source, but not the front of a longer id: corpus ids such as
        # "...-landau-1" and "...-landau-12" both exist, and a release must never take another's rows
        whole = re.compile(re.escape(doc_source) + r"(?![\w-])")
        docs = [
            d for d in docs if whole.search(str(d.get("source", ""))) or doc_source == str(d.get("doc_id"))
        ]
    doc_ids = {str(d.get("doc_id")) for d in docs}
    out: Tables = {"documents": docs}
    for table in (*TABLE_NAMES[1:], "person_docs"):
        if table not in tables:
            continue
        rows = tables[table]
        out[table] = rows if table == "people" else [r for r in rows if str(r.get("doc_id", "")) in doc_ids]
    return out


class _People:
    """person_id -> person row, and the reference scorer's person matching rules."""

    def __init__(self, rows: list[dict]) -> None:
        self.by_id = {str(p.get("person_id")): p for p in rows}

    def pid_matches(self, pid: object, fam: str) -> bool:
        p = self.by_id.get(str(pid))
        names = [norm(p.get("family_name")), norm(p.get("name"))] if p else []
        return any(norm(fam) == n or n.endswith(" " + norm(fam)) for n in names if n)

    def row_person(self, row: dict, fam: str) -> bool:
        return self.pid_matches(row.get("person_id"), fam) or (
            norm(row.get("name")).endswith(norm(fam)) and bool(norm(fam))
        )


def _event_field_ok(key: str, got: object, want: object) -> bool:
    v = norm(got)
    if key in ("start", "end"):
        return v[: len(norm(want))] == norm(want)
    if key == "location":  # venue as written; a fuller address or a shorter form both count
        return bool(v) and (norm(want) in v or v in norm(want))
    return v == norm(want)


def _agenda_matches(row: dict, ga: dict) -> bool:
    return (
        norm(row.get("date"))[:10] == norm(ga["date"])
        and norm(row.get("time"))[:5] == norm(ga["time"])
        and norm(ga["title_contains"]) in norm(row.get("title"))
    )


def _participants(row: dict) -> list:
    parts = row.get("participants") or []
    if isinstance(parts, str):
        parts = [x.strip() for x in parts.split(";") if x.strip()]
    return list(parts)


def _role_ok(row: dict, gr: dict) -> bool:
    for k, v in gr.items():
        if k == "family_name":
            continue
        if k.endswith("_contains"):
            if norm(v) not in norm(row.get(k[: -len("_contains")])):
                return False
        elif norm(row.get(k)) != norm(v):
            return False
    return True


def _quote_text_ok(row: dict, gq: dict) -> bool:
    t = norm(row.get("text"))
    return t.startswith(norm(gq["text_starts_with"])) and t.endswith(norm(gq["text_ends_with"]))


def _gold_subset(gold: dict, only: Iterable[str] | None) -> dict:
    if not only:
        return gold
    keep = set(only)
    return {k: v for k, v in gold.items() if any(k == x or k.startswith(x + "_") for x in keep)}


def score_facts(
    tables: Tables, gold: dict, *, doc_source: str | None = None, only: Iterable[str] | None = None
) -> FactScore:
    """Count the gold facts found in the tables, exactly as shared/tools/score_gold.py does.

    Example: score_facts(tables, gold, doc_source="berlin-pm-701423").line() -> "facts: 23/30 (77%)"
    """
    gold = _gold_subset(gold, only)
    src = doc_source
    T = select_document(tables, doc_source=src)
    docs = T["documents"]
    score = FactScore()

    def fact(table: str, ok: object, what: str) -> None:
        score.facts.append(Fact(table, bool(ok), what))

    people = _People(T.get("people", []))

    g = gold.get("documents", {})
    d = docs[0] if docs else {}
    for k in ("kicker", "title"):
        if k in g:
            fact("documents", norm(d.get(k)) == norm(g[k]), f"documents.{k} == {g[k]!r} (got {d.get(k)!r})")
    if "lead_contains" in g:
        fact(
            "documents",
            norm(g["lead_contains"]) in norm(d.get("lead")),
            f"documents.lead contains {g['lead_contains']!r}",
        )
    if "published" in g:
        fact(
            "documents",
            norm(d.get("published"))[:10] == norm(g["published"]),
            f"documents.published == {g['published']}",
        )

    for ge in gold.get("events", []):
        cands = [e for e in T["events"] if norm(ge.get("name_contains")) in norm(e.get("name"))]
        fact("events", bool(cands), f"event named like {ge.get('name_contains')!r}")
        e = cands[0] if cands else {}
        for k in ("type", "start", "end", "location", "motto", "recurrence"):
            if k in ge:
                fact(
                    "events",
                    _event_field_ok(k, e.get(k), ge[k]),
                    f"event.{k} == {ge[k]!r} (got {e.get(k)!r})",
                )
        if "organizer_contains_any" in ge:
            fact(
                "events",
                any(norm(x) in norm(e.get("organizer")) for x in ge["organizer_contains_any"]),
                f"event.organizer one of {ge['organizer_contains_any']} (got {e.get('organizer')!r})",
            )

    for ga in gold.get("agenda", []):
        cands = [a for a in T["agenda"] if _agenda_matches(a, ga)]
        fact("agenda", bool(cands), f"agenda {ga['date']} {ga['time']} {ga['title_contains']!r}")
        if cands and ga.get("participants"):
            parts = _participants(cands[0])
            for fam in ga["participants"]:
                fact(
                    "agenda",
                    any(people.pid_matches(p, fam) or norm(fam) in norm(p) for p in parts),
                    f"agenda {ga['time']} participant {fam}",
                )
    for gl in gold.get("day_labels", []):
        fact(
            "agenda",
            any(
                norm(a.get("date"))[:10] == gl["date"]
                and norm(gl["day_label_contains"]) in norm(a.get("day_label"))
                for a in T["agenda"]
            ),
            f"agenda day_label {gl['day_label_contains']!r} on {gl['date']}",
        )

    fams_in_doc = set()
    for r in T["roles"] + T["quotes"]:
        p = people.by_id.get(str(r.get("person_id")))
        if p:
            fams_in_doc.add(norm(p.get("family_name")))
    for gp in gold.get("people", []):
        cands = [p for p in T["people"] if norm(p.get("family_name")) == norm(gp["family_name"])]
        if src:
            cands = [p for p in cands if norm(p.get("family_name")) in fams_in_doc] or cands
        fact("people", bool(cands), f"person {gp['family_name']}")
        p = cands[0] if cands else {}
        for k in ("given_name", "gender", "honorific"):
            if k in gp:
                fact(
                    "people",
                    norm(p.get(k)) == norm(gp[k]),
                    f"person {gp['family_name']}.{k} == {gp[k]!r} (got {p.get(k)!r})",
                )
    # people of this release for the forbidden-name count: those of its roles and quotes (the reference scorer's
    # view) and those its mentions name
    fams_mentioned = fams_in_doc | {norm(p.get("family_name")) for p in T.get("person_docs", [])}
    for bad in gold.get("people_forbidden_names", []):

        def holds(fams: set[str], bad: str = bad) -> bool:
            return any(
                norm(bad) in (norm(p.get("name")), norm(p.get("family_name")))
                for p in T["people"]
                if norm(p.get("family_name")) in fams or not src
            )

        if holds(fams_mentioned):
            score.forbidden_extracted.append(bad)
        # a negative fact counts only where the table has rows: an empty output earns nothing
        fact("people", bool(T["people"]) and not holds(fams_in_doc), f"no person named {bad!r}")

    for gr in gold.get("roles", []):
        rows = [r for r in T["roles"] if people.row_person(r, gr["family_name"])]
        fact("roles", any(_role_ok(r, gr) for r in rows), f"role {gr}")

    qs = T["quotes"]
    for gq in gold.get("quotes", []):
        cands = [q for q in qs if _quote_text_ok(q, gq)]
        fact(
            "quotes",
            bool(cands),
            f"quote starting {gq['text_starts_with'][:40]!r} ending {gq['text_ends_with'][-30:]!r}",
        )
        q = cands[0] if cands else {}
        fact(
            "quotes",
            people.row_person(q, gq["speaker_family_name"]) if q else False,
            f"quote {gq['text_starts_with'][:25]!r} speaker {gq['speaker_family_name']}",
        )
        for k in ("cue", "kind"):
            if k in gq:
                fact(
                    "quotes",
                    norm(q.get(k)) == norm(gq[k]),
                    f"quote {gq['text_starts_with'][:25]!r} {k} == {gq[k]!r} (got {q.get(k)!r})",
                )
    for bad in gold.get("quotes_forbidden_text_starts", []):
        fact(
            "quotes",
            (bool(qs) or gold.get("quotes_expected_count") == 0)
            and not any(norm(q.get("text")).startswith(norm(bad)) for q in qs),
            f"no quote starting {bad!r}",
        )
    if "quotes_expected_count" in gold:
        n = gold["quotes_expected_count"]
        fact("quotes", len(qs) == n, f"quote count == {n} (got {len(qs)})")

    for gt in gold.get("timexes", []):
        cands = [t for t in T["timexes"] if norm(gt["text_contains"]) in norm(t.get("text"))]
        vals = [norm(t.get("value")) for t in cands]
        want = [norm(v) for v in gt.get("value_any", [gt.get("value")])]
        fact(
            "timexes",
            any(v in vals for v in want),
            f"timex {gt['text_contains']!r} value in {want} (got {vals})",
        )
    return score


# --- precision / recall / F1 -------------------------------------------------------------------


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives of one table field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    # on matched pairs whose gold gives the field: how many carry the gold value (accuracy on matched rows)
    matched: int = 0
    matched_right: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.matched += other.matched
        self.matched_right += other.matched_right

    def value(self, *, want: object, got: object, same: bool) -> None:
        """Count one compared value of a matched pair: right, wrong (a false positive and a false negative), or
        missing."""
        if norm(want):
            self.matched += 1
            self.matched_right += bool(same)
        if norm(want) and same:
            self.tp += 1
            return
        if norm(got):
            self.fp += 1
        if norm(want):
            self.fn += 1

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f = 2 * p * r / (p + r) if p and r else (0.0 if self.tp + self.fp + self.fn else None)
        acc = self.matched_right / self.matched if self.matched else None
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "p": _round(p), "r": _round(r), "f": _round(f),
                "matched": self.matched, "acc_matched": _round(acc)}  # fmt: skip


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


PRF = dict[str, dict[str, Counts]]  # table -> field -> counts


def _new_prf() -> PRF:
    fields_ = {
        "documents": ("title", "published"),
        "events": ("name", "start", "end", "location", "organizer"),
        "agenda": ("item", "participants"),
        "people": ("person", "given_name", "gender", "honorific"),
        "roles": ("role", "role_norm", "portfolio", "jurisdiction", "level"),
        "quotes": ("span", "exact", "speaker", "cue", "kind"),
        "timexes": ("value",),
    }
    return {t: {f: Counts() for f in fs} for t, fs in fields_.items()}


def merge_prf(into: PRF, other: PRF) -> PRF:
    """Add the counts of one document to a running total."""
    for table, fields_ in other.items():
        for name, c in fields_.items():
            into.setdefault(table, {}).setdefault(name, Counts()).add(c)
    return into


def prf_dict(prf: PRF) -> dict:
    """Counts -> {"quotes": {"span": {"tp":…, "p":…, "r":…, "f":…}, …}, …} for the report."""
    return {t: {f: c.as_dict() for f, c in fs.items()} for t, fs in prf.items()}


def _greedy(golds: list, preds: list, score) -> list[tuple[int, int]]:
    """One-to-one matching: best-scoring pairs first; a score of None or <= 0 means "no match"."""
    pairs = []
    for i, g in enumerate(golds):
        for j, p in enumerate(preds):
            s = score(g, p)
            if s is not None and s > 0:
                pairs.append((s, -i, -j, i, j))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for *_, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _field_counts(
    c: Counts,
    golds: list[dict],
    preds: list[dict],
    pairs: list[tuple[int, int]],
    key: str,
    same,
    *,
    gold_key: str | None = None,
) -> None:
    """Compare one field over matched pairs; unmatched rows with a value are false positives."""
    gk = gold_key or key
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    for i, j in pairs:
        if gk in golds[i]:
            c.value(want=golds[i][gk], got=preds[j].get(key), same=same(preds[j].get(key), golds[i][gk]))
    for i, g in enumerate(golds):
        if i not in matched_g and norm(g.get(gk)):
            c.fn += 1
    for j, p in enumerate(preds):
        if j not in matched_p and norm(p.get(key)):
            c.fp += 1


def _eq(got: object, want: object) -> bool:
    return norm(got) == norm(want)


def locate(text: str, start: str, end: str) -> tuple[int, int] | None:
    """Character span of the gold quote that starts with `start` and ends with `end` in `text`.

    Whitespace may differ (runs of spaces, line breaks); case and letters must match.
    Example: locate("Sie sagte: „Wir handeln jetzt.“", "Wir handeln", "jetzt.") -> (12, 30)
    """

    def pattern(s: str) -> str:
        parts = unicodedata.normalize("NFC", s).replace("\u00a0", " ").split()
        return r"\s+".join(re.escape(p) for p in parts)

    text = unicodedata.normalize("NFC", text)
    if not start.strip() or not end.strip():
        return None
    m = re.search(pattern(start), text, flags=re.IGNORECASE)
    if not m:
        return None
    ends = list(re.finditer(pattern(end), text[m.start() :], flags=re.IGNORECASE))
    ends = [e for e in ends if m.start() + e.end() >= m.end()]
    if not ends:
        return None
    return m.start(), m.start() + ends[0].end()


def counts_false_positives(gold: dict, table: str) -> bool:
    """Whether extracted rows of `table` that match no gold item are errors for this gold file.

    Files with a `complete` list say which of their tables are complete; older files without it count
    false positives everywhere except quotes, where `quotes_expected_count` marks a complete list.
    Example: counts_false_positives({"complete": ["people"]}, "roles") -> False
    """
    if "complete" in gold:
        return table in gold["complete"]
    if table == "quotes":
        return "quotes_expected_count" in gold
    return True


def score_prf(tables: Tables, gold: dict, *, doc_source: str | None = None) -> PRF:
    """Precision/recall counts of one gold document against the extracted rows of that document.

    Example: prf_dict(score_prf(tables, gold, doc_source="berlin-pm-701423"))["quotes"]["span"]["r"] -> 1.0
    """
    T = select_document(tables, doc_source=doc_source)
    prf = _new_prf()
    people = _People(T.get("people", []))
    doc = T["documents"][0] if T["documents"] else {}

    # documents: one value per field
    g = gold.get("documents", {})
    for k in ("title", "published"):
        if k in g:
            got = doc.get(k)
            same = norm(got)[:10] == norm(g[k]) if k == "published" else norm(got) == norm(g[k])
            prf["documents"][k].value(want=g[k], got=got, same=same)

    # events: matched by name_contains (longest overlap wins); fields compared like the fact scorer
    ge, pe = gold.get("events", []), T["events"]
    pairs = _greedy(
        ge,
        pe,
        lambda a, b: (
            len(norm(a.get("name_contains"))) + 1
            if norm(a.get("name_contains")) in norm(b.get("name"))
            else None
        ),
    )
    if not counts_false_positives(gold, "events"):
        pe = [pe[j] for _, j in pairs]  # an incomplete list: judge only the matched rows
        pairs = [(i, n) for n, (i, _) in enumerate(pairs)]
    c = prf["events"]["name"]
    c.tp += len(pairs)
    c.fn += len(ge) - len(pairs)
    c.fp += len(pe) - len(pairs)
    for key in ("start", "end", "location"):
        _field_counts(
            prf["events"][key], ge, pe, pairs, key, lambda got, want, k=key: _event_field_ok(k, got, want)
        )
    _field_counts(
        prf["events"]["organizer"],
        ge,
        pe,
        pairs,
        "organizer",
        lambda got, want: any(norm(x) in norm(got) for x in want) and bool(norm(got)),
        gold_key="organizer_contains_any",
    )

    # agenda: an item matches on date + time + title substring; participants by family name
    ga, pa = gold.get("agenda", []), T["agenda"]
    pairs = _greedy(ga, pa, lambda a, b: 1 if _agenda_matches(b, a) else None)
    if not counts_false_positives(gold, "agenda"):
        pa = [pa[j] for _, j in pairs]
        pairs = [(i, n) for n, (i, _) in enumerate(pairs)]
    c = prf["agenda"]["item"]
    c.tp += len(pairs)
    c.fn += len(ga) - len(pairs)
    c.fp += len(pa) - len(pairs)
    cp = prf["agenda"]["participants"]
    matched_g = {i for i, _ in pairs}
    for i, j in pairs:
        fams = list(ga[i].get("participants") or [])
        parts = _participants(pa[j])
        links = _greedy(
            fams, parts, lambda fam, p: 1 if people.pid_matches(p, fam) or norm(fam) in norm(p) else None
        )
        cp.tp += len(links)
        cp.fn += len(fams) - len(links)
        cp.fp += len(parts) - len(links)
    for i, item in enumerate(ga):
        if i not in matched_g:
            cp.fn += len(item.get("participants") or [])

    # people: the persons named in this document (per-document mentions when the run kept them)
    gp = gold.get("people", [])
    if "person_docs" in T:
        pp = T["person_docs"]
    else:  # a single-document output folder: the people table is this document's people
        pp = T.get("people", [])
    pairs = _greedy(gp, pp, lambda a, b: 1 if norm(a["family_name"]) == norm(b.get("family_name")) else None)
    c = prf["people"]["person"]
    c.tp += len(pairs)
    c.fn += len(gp) - len(pairs)
    c.fp += len(pp) - len(pairs) if counts_false_positives(gold, "people") else 0
    for key in ("given_name", "gender", "honorific"):
        for i, j in pairs:
            if key in gp[i]:
                prf["people"][key].value(
                    want=gp[i][key], got=pp[j].get(key), same=_eq(pp[j].get(key), gp[i][key])
                )
            elif norm(pp[j].get(key)) and key != "gender":
                pass  # gold does not assess this attribute for this person

    # roles: one-to-one within the same person, best agreement first
    gr, pr = gold.get("roles", []), T["roles"]

    def role_score(a: dict, b: dict) -> float | None:
        if not people.row_person(b, a["family_name"]):
            return None
        keys = [k for k in a if k != "family_name"]
        agree = sum(_role_ok(b, {k: a[k]}) for k in keys)
        return 1 + agree

    pairs = _greedy(gr, pr, role_score)
    c = prf["roles"]["role"]
    c.tp += len(pairs)
    c.fn += len(gr) - len(pairs)
    c.fp += len(pr) - len(pairs) if counts_false_positives(gold, "roles") else 0
    for key in ("role_norm", "portfolio", "jurisdiction", "level"):
        cc = prf["roles"][key]
        for i, j in pairs:
            if key in gr[i]:
                cc.value(want=gr[i][key], got=pr[j].get(key), same=_eq(pr[j].get(key), gr[i][key]))
        matched_g = {i for i, _ in pairs}
        cc.fn += sum(1 for i, r in enumerate(gr) if i not in matched_g and norm(r.get(key)))
        # unmatched extracted roles count against role detection only, not against each field again

    # quotes: spans located in the text; a pair needs overlapping spans (largest overlap first)
    gq, pq = gold.get("quotes", []), T["quotes"]
    text = str(doc.get("text") or "")
    spans = [locate(text, q["text_starts_with"], q["text_ends_with"]) for q in gq]

    def overlap(i: int, q: dict) -> int | None:
        sp = spans[i]
        try:
            s, e = int(q.get("char_start")), int(q.get("char_end"))
        except (TypeError, ValueError):
            s, e = -1, -1
        if sp is not None and s >= 0:
            o = min(sp[1], e) - max(sp[0], s)
            return o if o > 0 else None
        return 1 if _quote_text_ok(q, gq[i]) else None  # no offsets: fall back to start/end text

    pairs = _greedy(list(range(len(gq))), pq, overlap)
    # a release whose gold has no quote count lists only some quotes: extra rows are not errors there
    complete = counts_false_positives(gold, "quotes")
    extra = len(pq) - len(pairs) if complete else 0
    c = prf["quotes"]["span"]
    c.tp += len(pairs)
    c.fn += len(gq) - len(pairs)
    c.fp += extra
    ce = prf["quotes"]["exact"]
    exact = sum(_quote_text_ok(pq[j], gq[i]) for i, j in pairs)
    ce.tp += exact
    ce.fn += len(gq) - exact
    ce.fp += len(pairs) - exact + extra
    cs = prf["quotes"]["speaker"]
    for i, j in pairs:
        ok = people.row_person(pq[j], gq[i]["speaker_family_name"])
        got = pq[j].get("person_id") or pq[j].get("name") or pq[j].get("speaker")
        cs.value(want=gq[i]["speaker_family_name"], got=got, same=ok)
    cs.fn += len(gq) - len(pairs)
    for key in ("cue", "kind"):
        cc = prf["quotes"][key]
        for i, j in pairs:
            if key in gq[i]:
                cc.value(want=gq[i][key], got=pq[j].get(key), same=_eq(pq[j].get(key), gq[i][key]))
            elif key == "cue" and norm(pq[j].get(key)) and complete:
                cc.fp += 1  # the gold says there is no speech verb
        matched_g = {i for i, _ in pairs}
        cc.fn += sum(1 for i, q in enumerate(gq) if i not in matched_g and key in q)

    # timexes: gold lists the expressions it assesses; precision is over the extracted timexes
    # that overlap an assessed expression (press gold is not an exhaustive timex annotation)
    gt, pt = gold.get("timexes", []), T["timexes"]
    cv = prf["timexes"]["value"]
    for t in gt:
        want = [norm(v) for v in t.get("value_any", [t.get("value")])]
        cands = [p for p in pt if norm(t["text_contains"]) in norm(p.get("text"))]
        if any(norm(p.get("value")) in want for p in cands):
            cv.tp += 1
        else:
            cv.fn += 1
            if any(norm(p.get("value")) for p in cands):
                cv.fp += 1
    return prf
