"""The people rules on one Doc: options, the validated rules, and the person mentions with their persons.

Example: find_person_mentions(doc, rules=load_rules(), options=PeopleOptions(), refs=Refs.from_doc(doc,
"blocks", "entities")) on "Staatsministerin Annette Widmann-Mauz … Widmann-Mauz sagte" -> two mentions, one
person_id, gender f.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from pressextract.contract import Refs
from pressextract.resources.loader import read_rule_ids
from pressextract.rules.common import PeopleLexicon, people_lexicon, tokenize
from pressextract.rules.people.find import find_people
from pressextract.rules.people.gender import gender_nouns, mention_gender, noun_gender
from pressextract.rules.people.names import PARTICLES, PersonMatch, family_names, more_given_names
from pressextract.rules.people.resolve import find_family_mentions, resolve_document
from pressextract.rules.roles import Lexicon, lexicon


@dataclass(frozen=True, slots=True)
class PeopleOptions:
    """Settings of the people rules (the component's factory arguments)."""

    use_entities: bool = True  # PER entities of the model count for a person, LOC/ORG/MISC against
    later_mentions: bool = True  # a family name alone after the full name is the same person


@dataclass(frozen=True, slots=True)
class PeopleRules:
    """The lexicons the people rules read and the rule ids they can emit (resources/rules/people.tsv)."""

    names: PeopleLexicon
    offices: Lexicon
    rule_ids: frozenset[str]


def load_rules() -> PeopleRules:
    """Load and validate the name and office lexicons at start-up. Example: "person.honorific" in rule_ids."""
    (
        family_names(),
        more_given_names(),
        gender_nouns(),
    )  # read and validated at start-up, not at the first PER entity
    return PeopleRules(people_lexicon(), lexicon(), read_rule_ids("people"))


def find_person_mentions(
    doc: Doc, *, rules: PeopleRules, options: PeopleOptions, refs: Refs
) -> list[PersonMatch]:
    """Person mentions of a Doc in text order, each with its person_id and the gender the text shows.

    Reads refs.blocks (the text units outside captions), refs.entities (when options.use_entities) and refs.text
    (doc.text when the stage did not ask for it).
    """
    per, other = [], []
    if options.use_entities:
        for start, end, label in refs.entities:
            (per if label in ("PER", "PERSON") else other).append((start, end))
    matches: list[PersonMatch] = []
    # doc.text is built from the tokens on every access: once per Doc (refs.text where the stage asked for it)
    text = refs.text if refs.text is not None else doc.text
    units = refs.units(len(text))
    for s, e in units:
        matches += find_people(
            text[s:e],
            offset=s,
            per_spans=[x for x in per if s <= x[0] and x[1] <= e],
            other_spans=[x for x in other if s <= x[0] and x[1] <= e],
        )
    matches += _signatures(text, taken=[(m.start, m.end) for m in matches])
    matches = _unglued(_markdown_tails(matches, text))
    matches = _without_blurb_characters(matches, text)
    matches = _without_role_characters(matches, text)
    if options.later_mentions and matches:
        givens: dict[str, set[str]] = {}
        for m in matches:
            *particles, last = m.family_name.split()
            # "von Dassel", "Van Hoorebeke": later mentions may leave the particle out
            if all(p.lower() in PARTICLES for p in particles):
                givens.setdefault(last, set()).update([m.given_name] if m.given_name else [])
        # a family name several persons of the release share ("Siegmund Loewe", "David Ludwig Loewe") is
        # no mention of one of them when it stands alone
        families = {f: (next(iter(g)) if g else None) for f, g in givens.items() if len(g) <= 1}
        taken = [(m.start, m.end) for m in matches]
        for s, e in units:
            for start, end, family, given, gender in find_family_mentions(
                text[s:e], families, offset=s, taken=taken
            ):
                name = f"{given} {family}" if given else family
                matches.append(
                    PersonMatch(start, end, name, None, given, family, gender, "person.family_later")
                )
    matches.sort(key=lambda m: m.start)
    matches = _with_noun_genders(_strip_possessives(matches), text, units)
    if _sentence_cues(text) and any(m.gender is None for m in matches) and doc.has_annotation("SENT_START"):
        # the sentences only where a cue may use them: doc.sents makes a Span per sentence
        matches = with_age_noun_genders(matches, text, [(x.start_char, x.end_char) for x in doc.sents])
    return resolve_document(matches)


# "Der 32-Jährige" / "Die 16-Jährige" opening a sentence: an age noun whose article shows the gender
_AGE_NOUN = re.compile(r"(?<!\w)(Der|Die)\s+(?:\d{1,3}|[a-zäöü]+)-[Jj]ährige(?!\w)")


# "Sie"/"Er" opening a sentence with a verb of the third person singular: "Sie ist", "Er leitet" (the polite "Sie"
# and the plural take "sind", "leiten")
_PRONOUN = re.compile(
    r"(Sie|Er)\s+(?:ist|war|hat|wird|kam|ging|schrieb|blieb|sprach|gab|nahm|las|sah|hielt|fand|stand|trat|"
    r"zog|[a-zäöüß]+te|[a-zäöüß]+t)(?!\w)"
)


def _sentence_cues(text: str) -> bool:
    """The text has an age noun or a capitalised pronoun that with_age_noun_genders reads."""
    return "ährige" in text or "Sie " in text or "Er " in text


def with_age_noun_genders(
    matches: list[PersonMatch], text: str, sents: list[tuple[int, int]]
) -> list[PersonMatch]:
    """Gender from an age noun or a pronoun opening the next sentence, where the sentence before names one
    person only (the pronoun: and ends with the name).

    Example: "„Die Arbeit macht mir Spaß“, sagte Tarek Beispielsohn. Der 32-Jährige lernt Tischler." -> m;
    "Die Laudatio hält Dr. Dana Muster. Sie ist Vorsitzende der Stiftung." -> f;
    not where the sentence before names two people or none (police: "Ein Radfahrer … Der 46-Jährige …").
    """
    if not _sentence_cues(text):
        return matches
    genders: dict[str, str] = {}
    for i in range(1, len(sents)):
        s, e = sents[i]
        while s < e and text[s].isspace():
            s += 1
        m = _AGE_NOUN.match(text, s)
        ps, pe = sents[i - 1]
        families = {x.family_name for x in matches if ps <= x.start and x.end <= pe}
        if m is None:
            m = _PRONOUN.match(text, s)
            # the pronoun takes up the name that closes the sentence before ("Die Laudatio für Tom Probe hält
            # Dr. Anna Muster. Sie ist …"), not a thing named after it ("Anna Muster eröffnet die Ausstellung.
            # Sie ist …")
            last = [x for x in matches if ps <= x.start and x.end <= pe]
            if m is None or not last or text[last[-1].end : pe].strip() not in (".", "!", ""):
                continue
            families = {last[-1].family_name}
        if len(families) == 1:
            genders.setdefault(next(iter(families)), "m" if m.group(1) in ("Der", "Er") else "f")
    if not genders:
        return matches
    return [
        replace(x, gender=genders[x.family_name]) if x.gender is None and x.family_name in genders else x
        for x in matches
    ]


# "Im Auftrag" on its own line, then the signing officer's name on its own line: "Im Auftrag\n\nBrühl"
_SIGNATURE = re.compile(
    r"^[ \t]*(?:Im Auftrag|i\. ?A\.),?[ \t]*\n(?:[ \t]*\n)*[ \t]*"
    r"([A-ZÄÖÜ][\w'´-]+(?: [A-ZÄÖÜ][\w'´-]+)?)[ \t]*(?:\(i\. ?V\.\))?[ \t]*$",
    re.MULTILINE,
)


def _signatures(text: str, *, taken: list[tuple[int, int]]) -> list[PersonMatch]:
    """The name under "Im Auftrag" that signs a release. Example: "Im Auftrag\n\nCarolin Brühl" -> Carolin Brühl."""
    if "Auftrag" not in text and "i. A." not in text and "i.A." not in text:
        return []
    plex = people_lexicon()
    out = []
    for m in _SIGNATURE.finditer(text):
        words = m.group(1).split()
        if any(w in plex.not_names or w in plex.heads or w in plex.honorifics for w in words):
            continue
        start, end = m.start(1), m.end(1)
        if any(s < end and start < e for s, e in taken):
            continue
        given = words[0] if len(words) == 2 else None
        out.append(PersonMatch(start, end, m.group(1), None, given, words[-1], None, "person.signature"))
    return out


def _next_line_gender(text: str, end: int, unit: tuple[int, int]) -> str | None:
    """A name that ends its line and a short next line with a person noun: "Sara Lühmann\nPressesprecherin",
    "Christina von Bothmer\nStellvertretende Sprecherin der Strafgerichte"."""
    s, e = unit
    if text[end:s].strip() or e - s > 80:
        return None
    toks = tokenize(text[s:e], s)
    for k in range(min(2, len(toks))):
        g = noun_gender(toks, k)
        if g is not None:
            return g
        if not (toks[k].is_cap and toks[k].norm.lower().endswith(("e", "er", "en"))):
            return None
    return None


def _previous_line_gender(text: str, start: int, unit: tuple[int, int]) -> str | None:
    """A name that opens its line under a line of one feminine person noun: "Ansprechpartnerin\nStefanie Kunze".
    Only the feminine form: a masculine label line is often generic ("Ansprechpartner\nSara Lühmann")."""
    s, e = unit
    if text[e:start].strip() or e - s > 40:
        return None
    toks = [t for t in tokenize(text[s:e], s) if t.norm not in (":", ",")]
    return "f" if len(toks) == 1 and noun_gender(toks, 0) == "f" else None


# a markdown asterisk inside the last name: "*Senatorin Dana Beispielc*i" (bold closed one letter early);
# not the gender star of a noun ("Bürger*innen")
_STAR_TAIL = re.compile(r"\*([a-zäöüßı]{1,2})(?![\w*])")
_GENDER_TAILS = frozenset({"in", "e", "en", "er", "n", "r", "s"})


def _markdown_tails(matches: list[PersonMatch], text: str) -> list[PersonMatch]:
    """A name cut by a markdown asterisk takes its last letters back. Example: "Dana Beispielc*i" -> Beispielci."""
    if "*" not in text:
        return matches
    out = []
    for m in matches:
        t = _STAR_TAIL.match(text, m.end)
        if t is not None and t.group(1) not in _GENDER_TAILS and m.name.endswith(m.family_name):
            tail = t.group(1)
            m = replace(m, family_name=m.family_name + tail, name=m.name + tail, end=t.end())
        out.append(m)
    return out


def _unglued(matches: list[PersonMatch]) -> list[PersonMatch]:
    """A family name glued to the next word by a missing space, where another mention of the release shows the
    name: "Polizeipräsident Thomas Muster … zog Thomas Musterfolgendes Fazit" -> Thomas Muster."""
    known: dict[str, set[str]] = {}
    for m in matches:
        if m.given_name:
            known.setdefault(m.given_name, set()).add(m.family_name)
    if not any(len(f) > 1 for f in known.values()):
        return matches
    fams = family_names()
    out = []
    for m in matches:
        for f in sorted(known.get(m.given_name or "", ()), key=len, reverse=True):
            rest = m.family_name[len(f) :]
            if (
                f != m.family_name
                and m.family_name.startswith(f)
                and len(rest) >= 4
                and rest.isalpha()
                and rest.islower()
                and m.family_name not in fams
                and m.name.endswith(m.family_name)
            ):
                m = replace(m, family_name=f, name=m.name[: -len(rest)], end=m.end - len(rest))
                break
        out.append(m)
    return out


# a book's or play's blurb: "Zum Inhalt: Lea Muster sucht ihre Schwester …" names its characters, not people of the release
_BLURB = re.compile(r"^[ \t]*(?:Zum\s+)?Inhalt\s*:", re.MULTILINE)
# the rules that only a name's form speaks for; a title, an honorific or an office keeps the person
_WEAK_RULES = frozenset({"person.given_name", "person.ner", "person.family_later"})


def _without_blurb_characters(matches: list[PersonMatch], text: str) -> list[PersonMatch]:
    """Names found by their form alone inside a "Zum Inhalt:" blurb are characters, unless the release names
    them outside it too. Example: "Zum Inhalt: Lea Muster sucht ihre Schwester …" -> no person."""
    if "Inhalt" not in text:
        return matches
    blurbs = []
    for head in _BLURB.finditer(text):
        # from the head to the end of its line; "Zum Inhalt:" alone on a line: the next line with text
        e = head.end()
        while e < len(text) and not text[head.end() : e].strip():
            nl = text.find("\n", e + 1)
            e = len(text) if nl < 0 else nl
        blurbs.append((head.start(), e))
    if not blurbs:
        return matches

    def inside(m: PersonMatch) -> bool:
        return any(s <= m.start and m.end <= e for s, e in blurbs)

    outside = {m.family_name for m in matches if not inside(m)}
    return [
        m for m in matches if not (inside(m) and m.rule_id in _WEAK_RULES and m.family_name not in outside)
    ]


# a part an actor plays: "in der Rolle des Hauptkommissars Bruno Muster", "bekannt als gnadenlose
# TV-Reporterin Lea Probe aus der …-Show" (up to four words between the cue and the name, none of them an
# article or preposition, so "bekannt als Leiterin des Jugendamts Anna Muster" keeps its person)
_ROLE_CUE = re.compile(
    r"(?:\b[Ii]n (?:der|die|seiner|ihrer) (?:Titel|Haupt|Neben)?[Rr]olle (?:des|der|als)"
    r"|\b(?:bekannt|berühmt|populär) als(?: (?:der|die|den|das))?)"
    r"(?:\s+(?!(?:der|des|die|den|dem|von|vom|im|in|am|bei|beim|und|sowie|oder|mit|für)\b)[\w-]+){0,4}\s+$"
)


def _without_role_characters(matches: list[PersonMatch], text: str) -> list[PersonMatch]:
    """A name right after an actor's part ("in der Rolle des Kommissars …", "bekannt als TV-Reporterin …") is a
    character, not a person of the release, unless the release names them elsewhere too.
    Example: "Sie ist bekannt als TV-Reporterin Lea Muster aus der heute-Show." -> no person."""
    if "olle" not in text and " als " not in text:
        return matches
    cast = [m for m in matches if _ROLE_CUE.search(text, max(0, m.start - 120), m.start)]
    if not cast:
        return matches
    played = {id(m) for m in cast}
    outside = {m.family_name for m in matches if id(m) not in played}
    return [m for m in matches if not (id(m) in played and m.family_name not in outside)]


def _strip_possessives(matches: list[PersonMatch]) -> list[PersonMatch]:
    """A genitive -s that another mention of the release shows to be no part of the name.

    Example: "Willi Abel gründete die Firma. … der Erfindergeist Willi Abels" -> both Willi Abel.
    """
    known = {(m.given_name, m.family_name) for m in matches} | {(None, m.family_name) for m in matches}
    out = []
    for m in matches:
        fam = m.family_name
        if (
            len(fam) > 3
            and fam.endswith("s")
            and m.name.endswith("s")
            and ((m.given_name, fam[:-1]) in known or (None, fam[:-1]) in known)
        ):
            m = replace(m, family_name=fam[:-1], name=m.name[:-1], end=m.end - 1)
        out.append(m)
    return out


def _with_noun_genders(matches: list[PersonMatch], text: str, units) -> list[PersonMatch]:
    """Fill a mention's gender from a person noun next to it ("die Malerin Monika Baer" -> f)."""
    genders: dict[int, str] = {}
    units = list(units)
    for u, (s, e) in enumerate(units):
        block = [k for k, m in enumerate(matches) if m.gender is None and s <= m.start and m.end <= e]
        if not block:
            continue
        toks = tokenize(text[s:e], s)
        starts = [t.start for t in toks]
        for k in block:
            m = matches[k]
            a = bisect_left(starts, m.start)
            b = bisect_left(starts, m.end)
            if a >= b:
                continue
            g = mention_gender(toks, a, b)
            if g is None and b == len(toks) and u + 1 < len(units):
                g = _next_line_gender(text, e, units[u + 1])
            if g is None and a == 0 and u > 0:
                g = _previous_line_gender(text, s, units[u - 1])
            if g is not None:
                genders[k] = g
    return [replace(m, gender=genders[k]) if k in genders else m for k, m in enumerate(matches)]
