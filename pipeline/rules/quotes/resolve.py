"""Resolving a quote's speaker to a person of the release (name, family name, office, pronoun).

Example: speaker "Die Senatorin" with one bound Senatorin in the release -> her person_id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pressextract.records.ids import person_id as make_id
from pressextract.resources.loader import word_set
from pressextract.rules.quotes.words import _HONORIFICS, _NAME_TOKEN, _OFFICE_SUFFIX, DETERMINERS, PRONOUNS


@dataclass(frozen=True, slots=True)
class Mention:
    """A person or office mention an earlier stage found: char offsets and its dict (person/role)."""

    start: int
    end: int
    person_id: str | None
    gender: str | None = None
    family_name: str | None = None
    name: str | None = None
    role: str | None = None
    role_norm: str | None = None
    sentence: int | None = None  # index of the parser's sentence the mention stands in (None without a parse)
    subject: bool = False  # the mention is (part of) its clause's subject


def _norm(word: str) -> str:
    return word.casefold().strip(".,")


def _role_keys(word: str) -> set[str]:
    """Forms of an office noun to compare: "Staatsministerin" -> {staatsministerin, staatsminister}."""
    w = _norm(word)
    keys = {w}
    if w.endswith("in") and len(w) > 5:
        keys.add(w[:-2])
    return keys


def resolve_speaker(
    speaker: str,
    start: int,
    *,
    people: list[Mention],
    roles: list[Mention],
    office_of=None,
    previous: Iterable[tuple[int, str, str | None, str]] = (),
) -> str | None:
    """person_id of a speaker mention, through names, offices and pronouns of the same release.

    Example: "Die Staatsministerin" after "Staatsministerin Annette Widmann-Mauz" -> her person_id;
    "sie" -> the last female (or gender-unknown) person mentioned before the quote.
    `office_of(text)` (optional) maps an office mention to its normalized title (roles.match_office);
    `previous`: (start, person_id, gender, mention) of speakers already resolved, for pronouns and for
    an office repeated from an earlier speaker mention ("Staatsministerin A. W.-M. …" -> "Die Staatsministerin").
    """
    previous = list(previous)
    end = start + len(speaker)
    for p in people:  # a name span inside the mention decides
        if p.person_id and p.start < end and start < p.end:
            return p.person_id
    words = speaker.split()
    if len(words) == 1 and _norm(words[0]) in PRONOUNS:
        gender = PRONOUNS[_norm(words[0])]
        cands = [(p.start, p.person_id, p.gender) for p in people if p.end <= start and p.person_id]
        cands += [c[:3] for c in previous if c[0] < start and c[1]]
        for c_start, pid, g in sorted(cands, reverse=True):
            if g in (gender, None):
                return _sentence_subject(people, c_start, pid, gender) or pid
        return None
    content = [w for w in words if _norm(w) not in DETERMINERS]
    if not content:
        return None
    head = next((w for w in content if w[:1].isupper()), "")
    if _norm(head).endswith(_DOCUMENT_NOUNS):
        return None  # "dem offenen Brief", "letzten Satz der Anordnung": a document speaks, no person
    if len(content) == 1 and _AGE_NOUN.match(content[0]):
        # "der 45-Jährige", "die 30-Jährige": the last person of that gender before the mention
        gender = _ARTICLE_GENDER.get(_norm(words[0])) if len(words) > 1 else None
        if gender == "f" and content[0].endswith("n"):
            return None  # "die 45-Jährigen": several people
        cands = [(p.start, p.person_id, p.gender) for p in people if p.end <= start and p.person_id]
        cands += [c[:3] for c in previous if c[0] < start and c[1]]
        for _, pid, g in sorted(cands, reverse=True):
            if gender is None or g in (gender, None):
                return pid
        return None
    # Family name alone or with an office: "Senatorin Kalayci", "Wegner".
    for p in sorted(people, key=lambda p: -p.start):
        if p.person_id and p.family_name and _norm(content[-1]) == _norm(p.family_name):
            return p.person_id
    # Office mention: "Die Staatsministerin", "der Regierende Bürgermeister".
    head_keys: set[str] = set()
    for w in content:
        if w[:1].isupper():
            head_keys |= _role_keys(w)
    norm_title = None
    if office_of is not None:
        norm_title = office_of(" ".join(content))
    best = None
    for r in roles:
        if not r.person_id:
            continue
        keys = set()
        for val in (r.role, r.role_norm):
            if val:
                keys |= _role_keys(val.split()[-1])
        hit = (norm_title and r.role_norm and _norm(norm_title) == _norm(r.role_norm)) or _same_office(
            head_keys, keys
        )
        if not hit:
            continue
        # Prefer the office named as such over a compound that ends in it ("die Präsidentin": Präsidentin X
        # before Vizepräsidentin Y), then the latest holder mentioned before the quote, else the first after it.
        tail = (
            0
            if (head_keys & keys or (norm_title and r.role_norm and _norm(norm_title) == _norm(r.role_norm)))
            else 1
        )
        rank = (tail, 0, -r.start) if r.start <= start else (tail, 1, r.start)
        if best is None or rank < best[0]:
            best = (rank, r.person_id)
    if best:
        return best[1]
    for p_start, pid, _, mention in sorted(previous, reverse=True):
        if (
            p_start < start
            and pid
            and _same_office(head_keys, {k for w in mention.split() for k in _role_keys(w)})
        ):
            return pid
    # A full name no earlier stage found: "Staatssekretär Max Mustermann" -> id of "Max Mustermann".
    tail: list[str] = []
    for w in reversed(content):
        if not _NAME_TOKEN.match(w) or w.rstrip(".") in _HONORIFICS or _looks_like_office(w):
            break
        tail.insert(0, w)
    if len(tail) >= 2:
        return make_id(" ".join(tail[-3:]))
    return None


def _sentence_subject(people: list[Mention], start: int, pid: str, gender: str) -> str | None:
    """The subject of the sentence that holds the nearest person before a pronoun, when that person is
    not the subject itself: a pronoun continues the subject, not the person named in an object. The
    subject must agree in gender as well as the nearer name does (known against known, or both unknown).

    Example: "Tobias Köck machte im Gespräch mit Frank-Walter Steinmeier klar, dass … Er bat darum, …"
    -> Köck, not Steinmeier (the nearer name).
    """
    near = next((p for p in people if p.start == start and p.person_id == pid), None)
    if near is None or near.sentence is None or near.subject:
        return None
    subjects = [
        p
        for p in people
        if p.sentence == near.sentence
        and p.subject
        and p.person_id
        and p.person_id != pid
        # a subject of unknown gender does not outrank a nearer name known to agree ("Anna Berg traf
        # Bürgermeister Paul Klein. … sagte er": Klein)
        and (p.gender == gender or (p.gender is None and near.gender is None))
    ]
    return subjects[-1].person_id if subjects else None


_DOCUMENT_NOUNS = tuple(word_set("quotes", "document_nouns"))
_MIN_TAIL = 6  # "Rätin" is no office of its own; "Stadträtin", "Ministerin", "Bürgermeister" are


def _same_office(mention_keys: set[str], role_keys: set[str]) -> bool:
    """The office noun of a mention names the role's office, also as the last part of the role's compound:
    a release writes "Bezirksbürgermeisterin X" and then "die Bürgermeisterin", "Bezirksstadtrat Y" and then
    "der Stadtrat", "Staatssekretärin Z" and then "die Staatssekretärin".

    Example: ({"bürgermeisterin", "bürgermeister"}, {"bezirksbürgermeisterin"}) -> True;
    ({"rätin"}, {"stadträtin"}) -> False (too short to name an office).
    """
    if mention_keys & role_keys:
        return True
    return any(
        len(m) >= _MIN_TAIL and r.endswith(m) and len(r) > len(m) and not r.startswith(_OTHER_OFFICE)
        for m in mention_keys
        for r in role_keys
    )


# compounds that name another office than their last part: "Vizepräsidentin" is not "die Präsidentin"
_OTHER_OFFICE = ("vize", "ex", "co-", "ko-", "ehren", "alt", "unter")


_AGE_NOUN = re.compile(r"^\d{1,3}-[Jj]ährige[rn]?$")
_ARTICLE_GENDER = {"der": "m", "ein": "m", "die": "f", "eine": "f"}


def _looks_like_office(word: str) -> bool:
    return bool(_OFFICE_SUFFIX.search(word)) and len(word) > 6
