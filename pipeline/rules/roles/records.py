"""Person–office statements as records: the Statement row, and what one release's statements say together
(a bare title filled from the same office elsewhere; one row per person and office).

Example: merge_statements([Staatsministerin X, Staatsministerin und Beauftragte … X]) -> one row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pressextract.contract import PersonRef


@dataclass(frozen=True, slots=True)
class Statement:
    """One person–office statement: the office phrase and what it says."""

    person: PersonRef
    char_start: int
    char_end: int
    role_text: str
    role: str
    role_norm: str
    portfolio: str | None
    organization: str | None
    jurisdiction: str | None
    level: str | None
    gender: str | None
    rule_id: str
    former: bool = False  # a past office ("der ehemalige Vorsitzende"): kept in roles, left out of offices
    # further mentions of the office merged into this row where their fields are written otherwise (an
    # acronym, a compound, a part of the remit): (char_start, char_end) each, still office mentions for
    # other stages ("machte der stellvertretende SPD-Fraktionsvorsitzende Dirk Muster deutlich")
    mentions: tuple[tuple[int, int], ...] = ()


def replace_statement(st: Statement, **kw) -> Statement:
    """A copy of the statement with the fields in kw changed."""
    return replace(st, **kw)


def fill_from_document(statements: Sequence[Statement]) -> list[Statement]:
    """A bare title ("Staatsministerin Annette Widmann-Mauz") takes what the same person's same office
    says elsewhere in the release ("Staatsministerin und Beauftragte der Bundesregierung …" -> Bund,
    bund): jurisdiction and level together, portfolio and organization each where missing."""
    keys = ("jurisdiction", "level", "portfolio", "organization")
    known: dict[tuple[str, str], dict] = {}
    for st in statements:
        got = known.setdefault((st.person.person_id, st.role_norm), {})
        if st.jurisdiction or st.level:
            got.setdefault("place", (st.jurisdiction, st.level))
        for k in keys[2:]:
            if getattr(st, k):
                got.setdefault(k, getattr(st, k))
    out = []
    for st in statements:
        got = known.get((st.person.person_id, st.role_norm), {})
        kw = {k: got[k] for k in keys[2:] if not getattr(st, k) and k in got}
        if not st.jurisdiction and not st.level and "place" in got:
            kw["jurisdiction"], kw["level"] = got["place"]
        out.append(replace_statement(st, **kw) if kw else st)
    return out


_FIELDS = ("portfolio", "organization", "jurisdiction", "level")


def _same_title(a: str, b: str) -> bool:
    """ "Bezirksstadtrat" and "Stadtrat", "Integrationsbeauftragter" and "Beauftragter": one title, one more
    specific."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    long, short = (a, b) if len(a) > len(b) else (b, a)
    # "Vizepräsident", "Oberbürgermeister", "Ehrenvorsitzender": another office than the bare title
    return long.endswith(short) and not long.startswith(
        ("vize", "ober", "ehren", "stellv", "zweiter ", "dritter ", "co-", "ex-")
    )


_ITEMS = re.compile(r",\s*|\s+(?:und|sowie)\s+")


def _items(remit: str) -> set[str]:
    """ "Integration, Arbeit und Soziales" -> {"integration", "arbeit", "soziales"} (hyphens and soft hyphens out:
    "Gleich-stellung" is "Gleichstellung")."""
    return {x for x in _ITEMS.split(remit.replace("\u00ad", "").replace("-", "").lower()) if x}


def _same_value(key: str, x: str, y: str, text: str) -> bool:
    """Two values of one field that name the same: equal; a remit that is part of the other ("Arbeitssenatorin"
    and "Senatorin für Integration, Arbeit und Soziales"); an organisation and its compound ("SPD" and
    "SPD-Bundestagsfraktion") or its acronym as the text defines it ("Bundesamtes für Naturschutz (BfN)")."""
    if x == y:
        return True
    if key == "portfolio":
        a, b = _items(x), _items(y)
        return a <= b or b <= a
    if key == "organization":
        short, long = sorted((x, y), key=len)
        if long.startswith(short + "-"):
            return True
        return bool(re.search(re.escape(long) + r"\s*\(" + re.escape(short) + r"\)", text))
    return False


def _compatible(a: Statement, b: Statement, text: str = "") -> bool:
    """Two statements of one person name the same office: the same title and no field that differs."""
    if (
        a.person.person_id != b.person.person_id
        or a.former != b.former
        or not _same_title(a.role_norm, b.role_norm)
    ):
        return False
    return all(
        not getattr(a, k) or not getattr(b, k) or _same_value(k, getattr(a, k), getattr(b, k), text)
        for k in _FIELDS
    )


def _oblique(st: Statement) -> bool:
    """The title as written is inflected: "Beauftragten", "Senators" (not "Senatorin", "Beauftragte")."""
    head, norm = st.role.split()[-1], st.role_norm.split()[-1]
    if head.endswith("n") and not head.endswith("in") and not norm.endswith("n"):
        return True
    return head.endswith("s") and not norm.endswith("s")


def merge_statements(statements: Sequence[Statement], *, text: str = "") -> list[Statement]:
    """One statement per person and office in a release: the most complete mention, its gaps filled from
    the others ("Senatorin Anna Muster" … "Senatorin für Bildung" … "die Senatorin" -> one row).

    Example: [Senator (Muster), Senator für Bildung (Muster)] -> [Senator für Bildung (Muster)].
    Offices that differ in a field ("Präsident der IHK" and "Präsident des Vereins") stay apart; `text` (the
    release) tells an organisation's acronym ("Präsidentin des BfN" is the "Präsidentin des Bundesamtes für
    Naturschutz (BfN)").
    """
    groups: list[list[Statement]] = []
    for st in statements:
        for g in groups:
            if all(_compatible(st, o, text) for o in g):
                g.append(st)
                break
        else:
            groups.append([st])
    out = []
    for g in groups:
        # the fullest phrase as written, a nominative title before a genitive one ("Beauftragte der …")
        best = max(g, key=lambda st: (not _oblique(st), len(st.role_text), -st.char_start))
        kw = {}
        for k in _FIELDS:
            if not getattr(best, k):
                v = next((getattr(o, k) for o in g if getattr(o, k)), None)
                if v:
                    kw[k] = v
        norm = max((o.role_norm for o in g), key=len)  # the more specific title of one office
        if norm != best.role_norm:
            kw["role_norm"] = norm
        remits = [o.portfolio for o in g if o.portfolio]
        if best.portfolio and len(remits) > 1:
            # the whole remit of one office: "Arbeit" in "Integration, Arbeit und Soziales"
            fullest = max(remits, key=lambda r: len(_items(r)))
            if len(_items(fullest)) > len(_items(best.portfolio)):
                kw["portfolio"] = fullest
        # mentions merged only through a value written otherwise stay office mentions of their own
        written_otherwise = tuple(
            (o.char_start, o.char_end)
            for o in g
            if o is not best
            and any(getattr(o, k) and getattr(best, k) and getattr(o, k) != getattr(best, k) for k in _FIELDS)
        )
        if written_otherwise:
            kw["mentions"] = best.mentions + written_otherwise
        out.append(replace_statement(best, **kw) if kw else best)
    out.sort(key=lambda st: (st.char_start, st.person.start))
    return out
