"""Later mentions by family name alone and one person_id per person of a release.

Example: [Sandra Scheeres, "Frau Scheeres"] -> both the person_id of "Sandra Scheeres", gender f.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from pressextract.rules.common import (
    is_institution_word,
    normalize,
    people_lexicon,
    tokenize,
)
from pressextract.rules.people.names import (
    _INITIAL,
    PersonMatch,
    _address_is_noun,
    _honorifics_before,
    make_person_id,
)


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
        # "der Loewe Technology GmbH": capitalised words up to an institution word name a firm
        k = i + 1
        while k < len(toks) and k - i <= 3 and toks[k].is_cap and not is_institution_word(toks[k].norm):
            k += 1
        if k < len(toks) and k > i + 1 and toks[k].is_cap and is_institution_word(toks[k].norm):
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
    # family name -> its given names without middle initials ("Günter M." and "Günter" are one) -> the
    # fullest form written
    full: dict[str, dict[str, str]] = {}
    for m in matches:
        if m.given_name:
            forms = full.setdefault(m.family_name, {})
            key = _INITIAL.sub("", m.given_name).strip()
            if len(m.given_name) > len(forms.get(key, "")):
                forms[key] = m.given_name
    resolved = []
    for m in matches:
        given, family = m.given_name, m.family_name
        if not given and family not in full:
            # "Hoorebeke" after "Ada Van Hoorebeke": the family name without its particle
            longer = [f for f in full if f.endswith(" " + family)]
            if len(longer) == 1:
                family = longer[0]
        if not given and len(full.get(family, ())) == 1:
            given = next(iter(full[family].values()))
        resolved.append(
            replace(m, given_name=given, family_name=family, person_id=make_person_id(given, family))
        )
    # the gender most mentions show: one misattached title ("…, Regierender Bürgermeister von Berlin
    # Elke Breitenbach, Senatorin …") does not outvote two "Senatorin Elke Breitenbach"; a tie shows none
    votes: dict[str, Counter[str]] = {}
    for m in resolved:
        if m.gender:
            votes.setdefault(m.person_id, Counter())[m.gender] += 1
    genders: dict[str, set[str]] = {}
    for pid, c in votes.items():
        top = c.most_common()
        genders[pid] = {top[0][0]} if len(top) == 1 or top[0][1] > top[1][1] else set(c)
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
