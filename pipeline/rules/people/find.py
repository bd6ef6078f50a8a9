"""find_people: person mentions next to office titles, honorifics, given names and PER entities.

Example: "Staatsministerin Annette Widmann-Mauz unterstrich" -> PersonMatch("Annette", "Widmann-Mauz", gender f).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pressextract.resources.loader import word_set
from pressextract.rules.common import (
    PeopleLexicon,
    Tok,
    is_institution_word,
    people_lexicon,
    tokenize,
)
from pressextract.rules.people.gender import is_person_noun, noun_gender
from pressextract.rules.people.names import (
    _PARTY,
    _PLACE_PREFIX,
    PARTICLES,
    PersonMatch,
    _address_is_noun,
    _given_hit,
    _honorifics_before,
    _Run,
    family_names,
    more_given_names,
    name_runs,
    near_institution_word,
)
from pressextract.rules.roles import OfficeMatch, find_office_heads, lexicon, phrase_extent


def _split(toks: Sequence[Tok], a: int, b: int) -> tuple[str | None, str]:
    """Given and family name of tokens [a, b): the family name takes the particles before it."""
    fam_start = b - 1
    while fam_start - 1 > a and _particle(toks[fam_start - 1]):
        fam_start -= 1
    if fam_start < b - 1 and fam_start - 1 > a and not _given_hit(toks[fam_start - 1], people_lexicon()):
        fam_start -= 1  # "Ludwig Mies van der Rohe": the word before the particles is no given name
    if fam_start == b - 1 and b - a >= 3 and _double_surname(toks[b - 2], toks[b - 1]):
        fam_start = b - 2  # "Carmen Ortiz Muster": a Spanish double surname, not a second given name
    family = " ".join(t.norm for t in toks[fam_start:b])
    given = " ".join(t.norm for t in toks[a:fam_start]).replace(" .", ".") or None
    return given, family


def _double_surname(first: Tok, last: Tok) -> bool:
    """Two family names in a row ("Ortiz Muster"): the first a known family name and no given name of
    either list, the last no given name either ("Maria Luise Muster", "Hans Peter Probe" keep their
    second given name)."""
    plex = people_lexicon()
    w = first.norm
    return (
        first.is_word
        and w in family_names()
        and w not in plex.given
        and w not in more_given_names()
        and not any(p in plex.given for p in w.split("-"))
        and last.norm not in plex.given
        and last.norm not in more_given_names()
    )


# particles written with a capital inside a name: "Ada Van Hoorebeke", "Rita De Luca"
_CAP_PARTICLES = frozenset(
    {"Van", "Von", "De", "Da", "Di", "Del", "Della", "Le", "La", "Du", "Dos", "Ten", "Ter"}
)


def _particle(t: Tok) -> bool:
    """A particle that opens a family name ("von Dassel", "Van Hoorebeke")."""
    return (t.norm in PARTICLES and t.is_lower) or t.norm in _CAP_PARTICLES


def _possessive(toks: Sequence[Tok], a: int, b: int) -> int | None:
    """Index of a family name in the genitive inside [a, b): "Richard Wagners", "Erich Kästners Emil",
    "Prof. Zieglers" -> the token whose -s the name list shows to be no part of the name ("Fuchs" keeps it)."""
    known = family_names()
    for k in range(a, b):
        w = toks[k].norm
        if len(w) > 3 and w.endswith("s") and w not in known and w[:-1] in known:
            return k
    # a name no list knows, in a genitive position: before a noun ("José Bragatos Version") or after a noun
    # with its article ("aus der Feder Eugène Ionescos"); not a given name ("Anna Thomas") or a known name
    plex = people_lexicon()
    for k in range(a + 1, b):
        w = toks[k].norm
        if (
            len(w) > 4
            and w.endswith("s")
            and not w.endswith("ss")
            and w not in known
            and w not in plex.given
            and w not in more_given_names()
            and _genitive_position(toks, a, k + 1)
        ):
            return k
    return None


def _enumerated(toks: Sequence[Tok], b: int) -> bool:
    """The words before b are followed by "und"/"sowie" and one capitalised word that closes a list."""
    return (
        b + 1 < len(toks)
        and toks[b].norm in ("und", "sowie")
        and toks[b + 1].is_cap
        and toks[b + 1].is_word
        and (b + 2 >= len(toks) or toks[b + 2].norm in (",", ".", ";", ":") or not toks[b + 2].is_word)
    )


def _lone_word(toks: Sequence[Tok], k: int) -> bool:
    """One capitalised word at k, then no further capitalised word: "Gerstner + Hofmeister, mit …"."""
    return (
        k < len(toks)
        and toks[k].is_cap
        and toks[k].is_word
        and (k + 1 >= len(toks) or not (toks[k + 1].is_word and toks[k + 1].is_cap))
    )


def _genitive_position(toks: Sequence[Tok], a: int, b: int) -> bool:
    """The name stands before the noun it owns or after "der/des" + a noun it completes."""
    plex = people_lexicon()
    if b < len(toks) and toks[b].is_word and toks[b].is_cap and toks[b - 1].end + 1 == toks[b].start:
        nxt = toks[b].norm
        return not (
            nxt in plex.given
            or nxt in family_names()
            or nxt in lexicon().places
            or nxt.isupper()
            or is_person_noun(nxt)
        )
    return (
        a >= 2
        and toks[a - 1].is_cap
        and toks[a - 2].norm in ("der", "des")
        and not is_person_noun(toks[a - 1].norm)
        and not find_office_heads(toks[a - 1 : a])
        and (b == len(toks) or not toks[b].is_word)
    )


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


_OPEN_QUOTES = frozenset({"„", "“", '"', "»", "«", "‚"})
_CLOSE_QUOTES = frozenset({"“", "”", '"', "«", "»", "‘"})


def _confirmed(toks: Sequence[Tok]) -> bool:
    """A known family name last, or a given name of the longer list before it ("Ferhat Unvar")."""
    family, given = family_names(), more_given_names()
    last = toks[-1].norm
    if last in family or any(p in family for p in last.split("-")):
        return True
    return any(t.norm in given for t in toks[:-1])


_COMPASS = word_set("people", "compass")
_ADJ_NAME_ENDS = ("ischer", "ische", "ischen", "isches")


def _not_a_person_entity(toks: Sequence[Tok], a: int, b: int, plex: PeopleLexicon) -> bool:
    """A PER entity of the model that names no person: a quoted band ("„Happy Tuesday“" with no given name of the
    main list), a part of a district ("Pankow Nord"), a place with an adjective ("Schlesischer Busch")."""
    first, last = toks[a].norm, toks[b - 1].norm
    if last in _COMPASS:
        return True
    if first.endswith(_ADJ_NAME_ENDS) and first not in plex.given and first not in family_names():
        return True
    quoted = a > 0 and b < len(toks) and toks[a - 1].norm in _OPEN_QUOTES and toks[b].norm in _CLOSE_QUOTES
    return quoted and first not in plex.given


def _initials_follow(toks: Sequence[Tok], a: int, b: int) -> bool:
    """The words [a, b) are followed by their initials in brackets: "Steer Davis Gleave (SDG)"."""
    if b + 2 >= len(toks) or toks[b].norm != "(" or toks[b + 2].norm != ")":
        return False
    abbr = toks[b + 1].norm
    return abbr.isupper() and abbr.isalpha() and abbr == "".join(t.norm[0] for t in toks[a:b]).upper()


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
    # a title that is also a family name, right after a given name, is the name: "Michaela Richter"
    fam = family_names()
    heads = [
        h
        for h in find_office_heads(toks)
        if not (
            h.start == h.head_index > 0
            and toks[h.head_index].norm in fam
            and _given_hit(toks[h.head_index - 1], plex)
        )
    ]
    office_idx = {h.head_index for h in heads} | {k for h in heads for k in range(h.start, h.end)}
    per = [(s, e) for s, e in per_spans]
    other = [(s, e) for s, e in other_spans]

    def in_spans(t: Tok, spans) -> bool:
        return any(s <= t.start and t.end <= e for s, e in spans)

    runs = name_runs(toks, office_idx=office_idx)
    # the run tokens inside a PER span, found once (most blocks have none)
    in_per = {k for r in runs for k in range(r.start, r.end) if in_spans(toks[k], per)} if per else set()
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
        if in_per and any(k in in_per for k in range(r.start, r.end)):
            strong.add(r.start)
    head_starts = frozenset(h.start for h in heads)
    phrase_ends: dict[int, OfficeMatch] = {}
    for h in heads:
        end = phrase_extent(toks, h, name_starts=frozenset(strong), head_starts=head_starts)
        phrase_ends.setdefault(end, h)
        if end < len(toks) and toks[end].norm == ",":
            phrase_ends.setdefault(end + 1, h)
    out: list[PersonMatch] = []
    inst_end = -1  # end of the last name that named an institution
    for r in runs:
        h0 = _honorifics_before(toks, r.start, plex)
        if r.end - r.start == 1 and h0 == r.start and h0 not in phrase_ends:
            # a lone capitalised word with no title or office phrase right before it: no name (the check
            # "a lone capitalised word needs a title" below), decided before the work for longer runs
            continue
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
                office_before = phrase_ends[inner_start]
                # "… Sport und Facility Management Filiz Keküllüoğlu": the remit goes on up to a given name
                while (
                    inner_start < r.end - 2
                    and not _given_hit(toks[inner_start], plex)
                    and any(_given_hit(t, plex) for t in toks[inner_start + 1 : r.end - 1])
                ):
                    inner_start += 1
                before = inner_start
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
            while (
                m < len(toks)
                and m - k <= 5
                and (
                    _PARTY.match(toks[m].norm)
                    or toks[m].norm.isdigit()
                    or (toks[m].is_cap and len(toks[m].norm) <= 3)
                )
            ):  # "(SPD)", "(Bü 90/Grüne)": the party, as the roles rules read it
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
        if office_before is not None and office_after is not None:
            # "Kathrin Bernikas, Vorsteherin der BVV Wolfgang Brauer, Vereinsvorsitzender": a list of
            # "name, office" pairs; the office before the name belongs to the name before it
            hs = office_before.start
            if hs >= 2 and toks[hs - 1].norm == "," and toks[hs - 2].is_cap:
                office_before = None
        per_hit = bool(in_per) and any(k in in_per for k in range(r.start, r.end))
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
        if sum(not _particle(t) for t in toks[a:b]) > 4:  # "Ludwig Mies van der Rohe" is four words
            b = a + 4 if (titles or addr or office_before) else b
            a = b - 3 if not (titles or addr or office_before) else a
        if per_hit and not (titles or addr or office_before or office_after):
            # only the model speaks for a person: take its PER extent ("Der Autor Navid Kermani")
            inside = [k for k in range(r.start, r.end) if k in in_per]
            a, b = inside[0], inside[-1] + 1
            # "das Gelände des Königin Elisabeth Herzberge": the article shows the name of a thing
            lead = a - 1 if a > 0 and noun_gender(toks, a - 1) == "f" else a
            if lead > 0 and toks[lead - 1].norm in ("des", "dem", "das") and noun_gender(toks, lead) == "f":
                continue
            if b - a >= 3 and not _given_hit(toks[a], plex):
                # "Kapitänin Katharina Kummer", "Briefe Karl Jankes": the name starts at its given name
                a = next((k for k in range(a + 1, b - 1) if _given_hit(toks[k], plex)), a)
        poss = _possessive(toks, a, b)
        if poss is not None:
            b = poss + 1  # "Erich Kästners Emil und die Detektive": the name ends at the genitive
        given_ok = any(_given_hit(t, plex) for t in toks[a : b - 1])
        # an office next to a two-word name that no name list knows names an organisation:
        # "Präsidentin Special Olympics Deutschland", "Leiter Referat Kommunikation"
        office_ok = b - a < 2 or given_ok or per_hit or _confirmed(toks[a:b])
        if (
            office_before is not None
            and b - a >= 2
            and not given_ok
            and not (titles or addr)
            and _enumerated(toks, b)
        ):
            # "Bezirksstadtrat für Schule, Sport, Facility Management und Gesundheit, Susanne Muster": an
            # item of the remit's enumeration, not a name (the model's PER alone does not make one)
            continue
        rule = None
        if titles or addr:
            rule = "person.honorific"
        elif office_before is not None and office_ok:
            rule = "person.office_before"
        elif office_after is not None and office_ok:
            rule = "person.office_after"
        elif per_hit and (given_ok or _confirmed(toks[a:b])):
            # the model alone is not enough: "Facility Management", "Poetry Slam" are PER entities too;
            # a known given name before the last word, or a known family name, confirms a person
            rule = "person.ner"
        elif given_ok and b - a >= 2:
            rule = "person.given_name"
        if rule == "person.ner" and not (titles or addr) and _not_a_person_entity(toks, a, b, plex):
            continue
        if rule is None:
            continue
        if rule == "person.given_name":
            # only the given-name list speaks for a person: given names + one family name
            # ("Nana Ekvtimishvili Gesicht und Stimme" -> Nana Ekvtimishvili)
            b2 = a
            while b2 < b - 1 and _given_hit(toks[b2], plex):
                b2 += 1
            while b2 < b - 1 and _particle(toks[b2]):
                b2 += 1
            rest = toks[b2 + 1 : b]
            # "Ludwig Mies van der Rohe": particles and one name after the family name belong to it
            b = b if len(rest) >= 2 and all(_particle(t) for t in rest[:-1]) else b2 + 1
            if a > 0 and toks[a - 1].norm in _PLACE_PREFIX:
                continue  # "San Rafael del Sur"
        if any(p in lexicon().places for p in toks[b - 1].norm.split("-")) and not (titles or addr):
            continue  # "Schwulenverbands Berlin-Brandenburg"
        if b - a == 1 and not (
            titles or addr or (office_before is not None and toks[before - 1].norm != ",")
        ):
            continue  # a lone capitalised word needs a title right before it
        # a quoted name after a place noun names the place: Restaurant „Mara Carbo“, Galerie „Anne Frank“
        # (a quoted name alone is often an artist: Zugesagt haben „Melanie Pain“ und …)
        if (
            not (titles or addr)
            and a > 1
            and b < len(toks)
            and toks[a - 1].norm in _OPEN_QUOTES
            and toks[b].norm in _CLOSE_QUOTES
            and is_institution_word(toks[a - 2].norm)
        ):
            continue
        # a name after an institution noun names the institution: "Kultur- und Bildungszentrum Sebastian
        # Haffner", "Mittelpunktbibliothek Wilhelm Liebknecht / Namik Kemal" (the second name goes with it),
        # also inflected or misspelled: "des Bildungszentrums Sebastian Haffner", "Mittelpunktbiblitothek …"
        if not (titles or addr or office_before) and a > 0:
            prev = toks[a - 1].norm
            if ((is_institution_word(prev) or near_institution_word(prev)) and not is_person_noun(prev)) or (
                prev == "/" and a - 1 == inst_end
            ):
                inst_end = b
                continue
        # an office and a name in quotes are a title: the work “Gründer Geist”
        if (
            office_before is not None
            and not (titles or addr)
            and office_before.start > 0
            and toks[office_before.start - 1].norm in _OPEN_QUOTES
            and b < len(toks)
            and toks[b].norm in _CLOSE_QUOTES
        ):
            continue
        # names joined by "&" or "+" name a firm or a project: "Kurator Helmoltz & Virchow", "Gerstner + Hofmeister"
        # (two full names joined so are two people: "Victoria Muster & Mareike Probe")
        if not (titles or addr) and (
            (b < len(toks) and toks[b].norm in ("&", "+") and (b - a == 1 or _lone_word(toks, b + 1)))
            or (a > 0 and toks[a - 1].norm in ("&", "+") and b - a == 1)
        ):
            continue
        # an organisation followed by its initials: "Steer Davis Gleave (SDG)"
        if _initials_follow(toks, a, b):
            continue
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
        if poss is not None and poss == b - 1:
            family = family[:-1]
        if given is None and rule == "person.given_name":
            continue
        gender = addr[0].gender if addr else None
        if gender is None:
            for off in (office_before, office_after):
                if off is not None and off.gender:
                    gender = off.gender
                    break
        if gender is None and office_before is not None:
            # an adjectival title shows the gender by its article, also with a complement before the name:
            # "Der Vorsitzende des Beispielrats Memet Muster"
            gender = noun_gender(toks, office_before.head_index)
        end = toks[b - 1].end - (1 if poss is not None and poss == b - 1 else 0)
        name = text[toks[a].start - offset : end - offset].replace("\u00ad", "")
        out.append(
            PersonMatch(
                toks[a].start,
                end,
                re.sub(r"\s+", " ", name),
                " ".join(titles) or None,
                given,
                family,
                gender,
                rule,
            )
        )
    return out
