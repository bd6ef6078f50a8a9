"""Person mentions in German press releases: names next to office titles, honorifics, given names,
the model's PER entities, and later mentions of the family name alone. Pure functions on text.

Example: "Staatsministerin Annette Widmann-Mauz unterstrich" -> Annette | Widmann-Mauz, gender f
(shown by the feminine title); a later "Widmann-Mauz" links to the same person_id.
Gender is taken only from the text (Frau/Herr, feminine/masculine office titles), never from the
given name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from pipeline.records.ids import person_id
from pipeline.rules.common import (
    PeopleLexicon,
    Tok,
    is_institution_word,
    normalize,
    people_lexicon,
    tokenize,
)
from pipeline.rules.roles import OfficeMatch, find_office_heads, lexicon, phrase_extent

PARTICLES = frozenset(
    {
        "von",
        "van",
        "de",
        "der",
        "den",
        "del",
        "della",
        "di",
        "da",
        "du",
        "zu",
        "vom",
        "ten",
        "ter",
        "le",
        "la",
        "al",
        "el",
        "bin",
        "ibn",
        "dos",
        "und",
    }
)
# Particles that may open a family name ("von Weber"); articles and "und" only inside one.
_FIRST_PARTICLES = PARTICLES - {"der", "den", "und"}
_PARTICLES_BEFORE_NAME = _FIRST_PARTICLES | {"der", "den"}
# "die Frau", "seiner Frau Emilie": Frau/Herr as a noun, not a form of address
_NOUN_DETERMINERS = frozenset(
    [
        "die",
        "der",
        "eine",
        "einer",
        "einem",
        "einen",
        "seine",
        "seiner",
        "seinem",
        "ihre",
        "ihrer",
        "ihrem",
        "jede",
        "jeder",
        "junge",
        "jungen",
        "alte",
        "alten",
        "ältere",
        "älteren",
        "betroffene",
        "betroffenen",
        "verletzte",
        "verletzten",
        "unbekannte",
        "unbekannten",
        "diese",
        "dieser",
        "44-jährige",
    ]
)
_PLACE_PREFIX = frozenset({"San", "Santa", "Sankt", "St.", "Saint", "São", "Bad", "Puerto", "Porto"})
_PARTY = re.compile(
    r"^(?:SPD|CDU|CSU|FDP|AfD|Grüne|Grünen|Linke|LINKE|Die|B90|Bündnis|90|BSW|parteilos|"
    r"Piraten|/|-|Freie|Wähler)$"
)


@dataclass(frozen=True, slots=True)
class PersonMatch:
    """A person mention; `start`/`end` are character offsets of the name as written (titles excluded)."""

    start: int
    end: int
    name: str
    honorific: str | None
    given_name: str | None
    family_name: str
    gender: str | None
    rule_id: str
    person_id: str = ""


def make_person_id(given: str | None, family: str) -> str:
    """Example: make_person_id("Annette", "Widmann-Mauz") == person_id("Annette Widmann-Mauz")."""
    return person_id(f"{given} {family}" if given else family)


# --- name tokens ----------------------------------------------------------------------------------


def _is_name_tok(t: Tok, plex: PeopleLexicon, office_idx: set[int], i: int) -> bool:
    w = t.norm
    if not t.is_word or not t.is_cap or len(w) < 2 or i in office_idx:
        return False
    # isalpha() first: letters are never digits, and most names are letters only
    if w.isupper() or (not w.isalpha() and any(c.isdigit() for c in w)):
        return False
    if w in plex.not_names or w in plex.honorifics:
        return False
    if w.endswith(("-", ".")):
        return False
    parts = w.split("-")
    if len(parts) > 1 and (parts[-1] in plex.heads or any(not p[:1].isupper() for p in parts)):
        return False  # "Karl-Marx-Straße", "Kita-Leitung"
    return not any(p in plex.heads for p in parts) and not w.lower().endswith(plex.suffixes)


def _honorifics_before(toks: Sequence[Tok], i: int, plex: PeopleLexicon) -> int:
    """Index of the first honorific right before token i (i when none)."""
    k = i
    while k > 0 and toks[k - 1].norm in plex.honorifics:
        k -= 1
    return k


def _address_is_noun(toks: Sequence[Tok], k: int) -> bool:
    return k > 0 and toks[k - 1].norm.lower() in _NOUN_DETERMINERS and toks[k - 1].is_lower


@dataclass(slots=True)
class _Run:
    start: int
    end: int  # exclusive token index


def name_runs(toks: Sequence[Tok], *, office_idx: set[int]) -> list[_Run]:
    """Maximal sequences of name-like tokens with particles inside ("Elke von der Lieth")."""
    plex = people_lexicon()
    # each token is tested once, not again for every run that looks at it
    is_name = [_is_name_tok(t, plex, office_idx, i) for i, t in enumerate(toks)]
    runs, i, n = [], 0, len(toks)
    while i < n:
        if not is_name[i]:
            i += 1
            continue
        j = i + 1
        while j < n:
            if is_name[j]:
                j += 1
                continue
            k = j
            while k < n and toks[k].norm in PARTICLES and toks[k].norm != "und" and k - j < 3:
                k += 1
            if (
                k > j
                and k < n
                and toks[k - 1].norm in _PARTICLES_BEFORE_NAME
                and toks[j].norm in _FIRST_PARTICLES
                and is_name[k]
                # "Elke von der Lieth", "Carl Maria von Weber": particles after a given name and before
                # the run's last name ("Bilder von Susanne Runge" is none)
                and _given_hit(toks[j - 1], plex)
                and not (k + 1 < n and is_name[k + 1])
            ):
                j = k + 1
                continue
            break
        runs.append(_Run(i, j))
        i = j
    return runs


# --- finding people -------------------------------------------------------------------------------


def _split(toks: Sequence[Tok], a: int, b: int) -> tuple[str | None, str]:
    """Given and family name of tokens [a, b): the family name takes the particles before it."""
    fam_start = b - 1
    while fam_start - 1 > a and toks[fam_start - 1].norm in PARTICLES and toks[fam_start - 1].is_lower:
        fam_start -= 1
    family = " ".join(t.norm for t in toks[fam_start:b])
    given = " ".join(t.norm for t in toks[a:fam_start]) or None
    return given, family


def _trim_left(toks: Sequence[Tok], run: _Run, plex: PeopleLexicon, *, anchored_right: bool) -> int:
    """Where the name starts in a run: drop sentence openers ("Dazu Michael Müller") and, for runs
    longer than a name, the words before the first given name."""
    a = run.start
    length = run.end - a
    if length <= 2:
        return a
    for k in range(a, run.end - 1):
        if toks[k].norm in plex.given or any(p in plex.given for p in toks[k].norm.split("-")):
            return k
    return run.end - 2 if anchored_right else a


def _given_hit(t: Tok, plex: PeopleLexicon) -> bool:
    return t.norm in plex.given or (("-" in t.norm) and all(p in plex.given for p in t.norm.split("-")))


def find_people(
    text: str,
    *,
    offset: int = 0,
    per_spans: Iterable[tuple[int, int]] = (),
    other_spans: Iterable[tuple[int, int]] = (),
) -> list[PersonMatch]:
    """Person mentions in one block of text (a paragraph, line or list item).

    `per_spans`: character spans the model labelled PER; `other_spans`: LOC/ORG/MISC spans, evidence
    against a person reading where only the given-name list speaks for one.
    Example: "Christian Geselle, Oberbürgermeister der Stadt Kassel" -> Christian Geselle (m).
    """
    plex = people_lexicon()
    toks = tokenize(text, offset)
    if not toks:
        return []
    heads = find_office_heads(toks)
    office_idx = {h.head_index for h in heads} | {k for h in heads for k in range(h.start, h.end)}
    per = [(s, e) for s, e in per_spans]
    other = [(s, e) for s, e in other_spans]

    def in_spans(t: Tok, spans) -> bool:
        return any(s <= t.start and t.end <= e for s, e in spans)

    runs = name_runs(toks, office_idx=office_idx)
    # name starts that do not depend on office phrases: honorific-led, given-name-led, PER-led
    strong: set[int] = set()
    for r in runs:
        h = _honorifics_before(toks, r.start, plex)
        if h < r.start and not _address_is_noun(toks, h):
            strong.add(h)
        for k in range(r.start, r.end - 1):
            if _given_hit(toks[k], plex):
                strong.add(_honorifics_before(toks, k, plex))
                break
        if any(in_spans(t, per) for t in toks[r.start : r.end]):
            strong.add(r.start)
    head_starts = frozenset(h.start for h in heads)
    phrase_ends: dict[int, OfficeMatch] = {}
    for h in heads:
        end = phrase_extent(toks, h, name_starts=frozenset(strong), head_starts=head_starts)
        phrase_ends.setdefault(end, h)
        if end < len(toks) and toks[end].norm == ",":
            phrase_ends.setdefault(end + 1, h)
    out: list[PersonMatch] = []
    for r in runs:
        h0 = _honorifics_before(toks, r.start, plex)
        hon_toks = [t.norm for t in toks[h0 : r.start]]
        addr = [plex.honorifics[w] for w in hon_toks if plex.honorifics[w].kind == "address"]
        if addr and _address_is_noun(toks, h0):
            addr = []
            hon_toks = [w for w in hon_toks if plex.honorifics[w].kind != "address"]
        titles = [plex.honorifics[w].form for w in hon_toks if plex.honorifics[w].kind == "title"]
        before = h0  # the name with its titles starts here
        office_before = phrase_ends.get(before)
        inner_start = None
        if office_before is None and not hon_toks:
            # "… und Weiterbildung Clara Herrmann": the office phrase ends inside the capitalised run
            inner_start = next((k for k in range(r.start + 1, r.end) if k in phrase_ends), None)
            if inner_start is not None:
                office_before, before = phrase_ends[inner_start], inner_start
        if office_before is not None and before >= 2 and toks[before - 1].norm == ",":
            # "Dagmar Pohle, Bezirksbürgermeisterin …, Gordon Lemm": the office belongs to the first name
            hs = office_before.start
            if hs >= 2 and toks[hs - 1].norm in (",", "(") and toks[hs - 2].is_cap:
                office_before = None
        nxt = r.end
        # right context: ", Office", "(Office", "(SPD), Office", "MdA"
        k = nxt
        if k < len(toks) and toks[k].norm == "(":
            m = k + 1
            while m < len(toks) and m - k <= 5 and _PARTY.match(toks[m].norm):
                m += 1
            if m < len(toks) and toks[m].norm == ")" and m > k + 1:
                k = m + 1
        office_after = None
        if k < len(toks) and toks[k].norm in (",", "(") and k + 1 < len(toks):
            office_after = next((h for h in heads if h.start == k + 1), None)
            if office_after is None and toks[k].norm == ",":
                # "Prof. Dr. X, Universität Duisburg-Essen, Direktor …": one organisation between
                m = k + 1
                while (
                    m < len(toks)
                    and m - k <= 6
                    and (toks[m].is_cap or toks[m].norm in ("-", "und"))
                    and m not in office_idx
                ):
                    m += 1
                if (
                    m < len(toks)
                    and toks[m].norm == ","
                    and m > k + 1
                    and (k + 1) not in strong
                    and (titles or addr or any(_given_hit(t, plex) for t in toks[r.start : r.end]))
                ):
                    office_after = next((h for h in heads if h.start == m + 1), None)
        elif k < len(toks) and any(
            h.start == k and h.kind == "parl" and h.head in lexicon().abbrevs for h in heads
        ):
            office_after = next(h for h in heads if h.start == k)
        per_hit = any(in_spans(t, per) for t in toks[r.start : r.end])
        anchored = bool(titles or addr or office_before or office_after or per_hit)
        if titles or addr:
            a = r.start
        elif inner_start is not None:
            a = inner_start
        else:
            a = _trim_left(toks, r, plex, anchored_right=bool(office_after))
        while a < r.end - 1 and toks[a].norm in plex.not_names:
            a += 1
        b = r.end
        if b - a > 4:
            b = a + 4 if (titles or addr or office_before) else b
            a = b - 3 if not (titles or addr or office_before) else a
        if per_hit and not (titles or addr or office_before or office_after):
            # only the model speaks for a person: take its PER extent ("Der Autor Navid Kermani")
            inside = [k for k in range(r.start, r.end) if in_spans(toks[k], per)]
            a, b = inside[0], inside[-1] + 1
        given_ok = any(_given_hit(t, plex) for t in toks[a : b - 1])
        rule = None
        if titles or addr:
            rule = "person.honorific"
        elif office_before is not None:
            rule = "person.office_before"
        elif office_after is not None:
            rule = "person.office_after"
        elif per_hit:
            rule = "person.ner"
        elif given_ok and b - a >= 2:
            rule = "person.given_name"
        if rule is None:
            continue
        if rule == "person.given_name":
            # only the given-name list speaks for a person: given names + one family name
            # ("Nana Ekvtimishvili Gesicht und Stimme" -> Nana Ekvtimishvili)
            b2 = a
            while b2 < b - 1 and _given_hit(toks[b2], plex):
                b2 += 1
            while b2 < b - 1 and toks[b2].norm in PARTICLES and toks[b2].is_lower:
                b2 += 1
            b = b2 + 1
            if a > 0 and toks[a - 1].norm in _PLACE_PREFIX:
                continue  # "San Rafael del Sur"
        if any(p in lexicon().places for p in toks[b - 1].norm.split("-")) and not (titles or addr):
            continue  # "Schwulenverbands Berlin-Brandenburg"
        if b - a == 1 and not (
            titles or addr or (office_before is not None and toks[before - 1].norm != ",")
        ):
            continue  # a lone capitalised word needs a title right before it
        # a street or building: "Anne Frank Zentrum", "Willy Brandt Haus"
        if b < len(toks) and is_institution_word(toks[b].norm):
            continue
        if b < len(toks) and toks[b].norm == "-" and b + 1 < len(toks) and toks[b + 1].norm in plex.heads:
            continue
        if not anchored and any(in_spans(t, other) for t in toks[a:b]):
            continue
        if toks[b - 1].norm in lexicon().places and not (titles or addr):
            continue  # "Bezirksstadtrat Neukölln": a place, not a family name
        given, family = _split(toks, a, b)
        if given is None and rule == "person.given_name":
            continue
        gender = addr[0].gender if addr else None
        if gender is None:
            for off in (office_before, office_after):
                if off is not None and off.gender:
                    gender = off.gender
                    break
        name = text[toks[a].start - offset : toks[b - 1].end - offset].replace("\u00ad", "")
        out.append(
            PersonMatch(
                toks[a].start,
                toks[b - 1].end,
                re.sub(r"\s+", " ", name),
                " ".join(titles) or None,
                given,
                family,
                gender,
                rule,
            )
        )
    return out


def find_family_mentions(
    text: str, families: dict[str, str | None], *, offset: int = 0, taken: Iterable[tuple[int, int]] = ()
) -> list[tuple[int, int, str, str | None, str | None]]:
    """Later mentions of known family names: (start, end, family, given name when written before it,
    gender shown by Frau/Herr). `families`: family name -> its one given name in the document.

    Example: {"Scheeres": "Sandra"}, "…, sagte Frau Scheeres." -> [(…, …, "Scheeres", None, "f")];
    {"Gothe": "Ephraim"}, "mit Bezirksstadtrat Ephraim Gothe am" -> [(…, …, "Gothe", "Ephraim", None)].
    """
    plex = people_lexicon()
    norm = normalize(text)
    if not any(f in norm for f in families):
        return []  # a token's norm is a substring of the normalised text: most blocks hold no name
    toks = tokenize(text, offset)
    taken = list(taken)
    out = []
    for i, t in enumerate(toks):
        if t.norm not in families or not t.is_cap:
            continue
        if any(s < t.end and t.start < e for s, e in taken):
            continue
        if i + 1 < len(toks) and (is_institution_word(toks[i + 1].norm) or toks[i + 1].norm == "-"):
            continue
        start, given = t.start, None
        if i > 0 and families[t.norm] and toks[i - 1].norm == families[t.norm]:
            start, given = toks[i - 1].start, families[t.norm]
        gender = None
        h = _honorifics_before(toks, i - (1 if given else 0), plex)
        for w in (x.norm for x in toks[h : i - (1 if given else 0)]):
            if plex.honorifics[w].kind == "address" and not _address_is_noun(toks, h):
                gender = plex.honorifics[w].gender
        out.append((start, t.end, t.norm, given, gender))
    return out


def resolve_document(matches: Sequence[PersonMatch]) -> list[PersonMatch]:
    """person_ids for the mentions of one document: a family-only mention ("Frau Scheeres") joins the
    one full name with that family name; a person's gender shown once holds for all mentions.

    Example: [Sandra Scheeres, Scheeres (f)] -> both p-… of "Sandra Scheeres", gender f.
    """
    full: dict[str, set[str]] = {}
    for m in matches:
        if m.given_name:
            full.setdefault(m.family_name, set()).add(m.given_name)
    resolved = []
    for m in matches:
        given = m.given_name
        if not given and len(full.get(m.family_name, ())) == 1:
            given = next(iter(full[m.family_name]))
        resolved.append(replace(m, given_name=given, person_id=make_person_id(given, m.family_name)))
    genders: dict[str, set[str]] = {}
    for m in resolved:
        if m.gender:
            genders.setdefault(m.person_id, set()).add(m.gender)
    titles: dict[str, str] = {}
    for m in resolved:
        if m.honorific and len(m.honorific) > len(titles.get(m.person_id, "")):
            titles[m.person_id] = m.honorific
    out = []
    for m in resolved:
        g = genders.get(m.person_id, set())
        gender = next(iter(g)) if len(g) == 1 else None
        out.append(replace(m, gender=gender, honorific=m.honorific or titles.get(m.person_id)))
    return out
