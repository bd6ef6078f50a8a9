"""What stands around a named person in an office statement: an organisation after the name or the title,
a copula or profession clause, a relative clause that says what the person leads, quoted names and acronyms.

Split from statements.py (which finds the statements); these helpers read the tokens near one name.
Example: org_after_name(...) finds "der Gewobag" in "Mitglied im Vorstand der Gewobag".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pressextract.contract import PersonRef
from pressextract.resources.loader import word_set
from pressextract.rules.common import Tok, is_institution_word, people_lexicon
from pressextract.rules.roles.lines import line_break
from pressextract.rules.roles.phrases import OfficePhrase
from pressextract.rules.roles.records import Statement, replace_statement
from pressextract.rules.roles.rules import lexicon

_GENERIC_ORG = word_set("roles", "generic_org")
OPEN_QUOTES = ("„", "»", '"', "“")
_LEGAL_FORMS = word_set("roles", "legal_form")
ARTICLES = frozenset(
    {"der", "die", "des", "dem", "den", "ein", "eine", "einer", "unser", "unsere", "unserer"}
)
_CLOSE_QUOTES = ("“", "«", '"', "”")


def generic_org(org: str | None) -> bool:
    """A generic organisation noun without a name, perhaps after lowercase adjectives: "Gremiums",
    "örtlichen Vereins" (not "Verein Freunde des Parks", not "Stiftung Lesen")."""
    if not org:
        return False
    words = org.split()
    return words[-1] in _GENERIC_ORG and all(w.islower() for w in words[:-1])


def quoted_name(text: str, toks: Sequence[Tok], ph: OfficePhrase, offset: int) -> None:
    """The organisation a phrase ends with is a generic noun and a quoted name follows: take the name too."""
    if ph.organization not in _GENERIC_ORG or ph.end >= len(toks) or toks[ph.end].norm not in OPEN_QUOTES:
        return
    for k in range(ph.end + 1, min(len(toks), ph.end + 10)):
        if toks[k].norm in _CLOSE_QUOTES:
            if k > ph.end + 1:
                ph.organization = text[toks[ph.end - 1].start - offset : toks[k].end - offset]
            return


# a body's acronym in parentheses: "(BA)", "(BfN)", "(MBR)"
ACRONYM = re.compile(r"^(?=[A-Za-zÄÖÜ]*[A-ZÄÖÜ][A-Za-zÄÖÜ]*[A-ZÄÖÜ])[A-Za-zÄÖÜ]{2,8}$")


def next_name_follows(toks: Sequence[Tok], end: int, name_starts: frozenset[int]) -> bool:
    """A comma and a name follow the phrase ending at `end` (after a quoted name, if one comes first):
    "…, der Fraktionsvorsitzende der Partei „Die Beispiele“, Klaus Muster," (the office is Muster's)."""
    if end < len(toks) and toks[end].norm in OPEN_QUOTES:
        close = next(
            (k for k in range(end + 1, min(len(toks), end + 10)) if toks[k].norm in _CLOSE_QUOTES), None
        )
        if close is None:
            return False
        end = close + 1
    return end + 1 < len(toks) and toks[end].norm == "," and (end + 1) in name_starts


PRONOUN_GENDER = {"Sie": "f", "Er": "m"}
# words right before a name that make it no subject a pronoun could continue: "(gemeinsam mit Judith Muster)"
NOT_SUBJECT = frozenset({"(", "mit", "von", "vom", "für", "bei", "an", "zu", "über", "gegen", "ohne"})


def remit_to_clause_end(toks: Sequence[Tok], end: int, name_starts: frozenset[int]) -> bool:
    """ "…, der Berichterstatter des Ausschusses für X für das geplante Gesetz.": after the phrase, a "für"
    remit that runs to the clause's comma or period (no name on the way)."""
    if end >= len(toks) or toks[end].norm != "für":
        return False
    for m in range(end + 1, min(len(toks), end + 12)):
        if m in name_starts:
            return False
        if toks[m].norm in (",", ".", "("):  # "(Digital Services Act)": the remit's name in brackets
            return True
    return False


def after_copula(
    toks: Sequence[Tok], k: int, phrases: dict[int, OfficePhrase], name_starts: frozenset[int]
) -> int | None:
    """Start of the office phrase after "ist"/"war" right behind a name, past "seit <up to three words>", an
    article and "neue": "Anna Muster ist seit März 2014 Vizepräsidentin der Beispiel-Vereinigung"; the phrase
    must name its body (a genitive or "von"/"bei": "Anna Muster ist Leiterin" says too little); else None."""
    if k >= len(toks) or toks[k].norm not in ("ist", "war"):
        return None
    m = k + 1
    if m < len(toks) and toks[m].norm == "seit":
        m += 1
        stop = m + 3
        while m < len(toks) and m < stop and m not in phrases and toks[m].norm not in ("der", "die", ","):
            m += 1
    if m < len(toks) and toks[m].norm in ("der", "die"):
        m += 1
    if m < len(toks) and toks[m].norm in ("neue", "neuer", "erste", "erster") and (m + 1) in phrases:
        m += 1
    if m not in phrases or m in name_starts:
        return None
    ph = phrases[m]
    after = toks[ph.head.end : ph.end]
    return m if after and after[0].norm in ("der", "des", "von", "vom", "bei", "beim", "im") else None


def after_profession(
    toks: Sequence[Tok], k: int, phrases: dict[int, OfficePhrase], name_starts: frozenset[int]
) -> int | None:
    """Start of an office phrase after "," or "(" + a profession (one or two words) + "und": "(Bildende
    Künstlerin und Gründerin …" -> the index of "Gründerin"; None otherwise."""
    if k + 1 < len(toks) and (
        toks[k].norm == "vom" or (toks[k].norm == "von" and toks[k + 1].norm in ("der", "dem"))
    ):
        # "Alfons Muster von der Beispiel Klinik und Präsident des FC Beispiel": the organisation he comes from
        first = k + 1 if toks[k].norm == "vom" else k + 2
        m = first
        while (
            m < len(toks) and m - first < 4 and toks[m].is_cap and m not in phrases and m not in name_starts
        ):
            m += 1
        if (
            first < m < len(toks)
            and toks[m].norm == "und"
            and (m + 1) in phrases
            and (m + 1) not in name_starts
        ):
            return m + 1
        return None
    if k >= len(toks) or toks[k].norm not in (",", "("):
        return None
    m = k + 1
    while (
        m < len(toks)
        and m - k <= 2
        and toks[m].is_word
        and toks[m].norm != "und"
        and m not in phrases
        and m not in name_starts
    ):
        m += 1
    if not (k + 1 < m < len(toks) and toks[m - 1].is_cap and toks[m].norm == "und"):
        return None
    return m + 1 if (m + 1) in phrases and (m + 1) not in name_starts else None


def name_before(s: int, toks: Sequence[Tok], refs) -> bool:
    """True when the phrase at token s directly follows "Name," (it then belongs to that name)."""
    return s >= 1 and toks[s - 1].norm in (",", "(") and any(e == s - 1 for _, _, _, e in refs)


def _cap_run_after_comma(toks: Sequence[Tok], end: int, *, digits: bool) -> int | None:
    """End (exclusive) of up to 7 capitalised words ("-", "&", "und" and, with `digits`, numbers between
    them) right after the comma at `end`: the organisation an office line names ("…, DIE ZEIT");
    None when no comma is there or no such word follows."""
    if end + 1 >= len(toks) or toks[end].norm != ",":
        return None
    m = end + 1
    while (
        m < len(toks)
        and m - end <= 7
        and (toks[m].is_cap or toks[m].norm in ("-", "&", "und") or (digits and toks[m].norm[:1].isdigit()))
    ):
        m += 1
    return None if m == end + 1 else m


def trailing_org(
    text: str,
    toks: Sequence[Tok],
    out: list[Statement],
    chain: list[int],
    phrases: dict[int, OfficePhrase],
    offset: int,
) -> None:
    """ "Mariam Lau, Korrespondentin in der Hauptstadtredaktion, DIE ZEIT": the organisation after the
    office in a list line, kept where the office names none."""
    end = phrases[chain[-1]].end
    m = _cap_run_after_comma(toks, end, digits=True)
    if m is None:
        return
    # the organisation ends with its line ("…, SAP Global Security\nPeter Muster, …": the next line's name)
    m = next((x for x in range(end + 2, m) if line_break(text, toks, x, offset)), m)
    if m != len(toks) and not line_break(text, toks, m, offset):
        return  # only at the end of the block or line: elsewhere the next words may be another person
    seg = text[toks[end + 1].start - offset : toks[m - 1].end - offset]
    for i in range(len(out)):
        st = out[i]
        if st.char_start >= toks[chain[0]].start and st.organization is None and st.level == "other":
            out[i] = replace_statement(st, organization=seg, level="other", jurisdiction=None)


def plural_title(ph: OfficePhrase) -> bool:
    """A plural title: "Geschäftsführerinnen", "Vorstandsmitglieder", "Sprecher" is not one."""
    head = ph.head.head.lower()
    return head.endswith(("innen", "mitglieder"))


def org_after_bare_title(
    text: str,
    toks: Sequence[Tok],
    out: list[Statement],
    n_before: int,
    ph: OfficePhrase,
    offset: int,
    name_starts: frozenset[int],
) -> None:
    """ "Anna Muster, Präsidentin Special Olympics Deutschland, und …": two to five capitalised words right
    after an apposition's bare title, up to a comma, colon, bracket or the line's end, name its organisation
    (the phrase stops there, taking them for a name); not a known given name ("…, Referentin Anna Probe")."""
    e = ph.head.end
    if ph.end != e or e >= len(toks) or not any(st.organization is None for st in out[n_before:]):
        return
    m = e
    while (
        m < len(toks)
        and m - e < 6
        and (toks[m].is_cap or toks[m].norm in ("-", "&") or (m > e and toks[m].norm in _LEGAL_FORMS))
        and m not in name_starts
    ):
        m += 1  # "Beispiel Hilfe e.V.": a legal form ends the name
    if m - e < 2 or not (toks[m - 1].is_cap or toks[m - 1].norm in _LEGAL_FORMS):
        return
    if toks[e].norm in people_lexicon().given:
        return
    if not (m >= len(toks) or toks[m].norm in (",", ":", ")", ";") or line_break(text, toks, m, offset)):
        return
    seg = text[toks[e].start - offset : toks[m - 1].end - offset]
    if seg in lexicon().places:
        return
    for i in range(n_before, len(out)):
        if out[i].organization is None and out[i].level in (None, "other"):
            out[i] = replace_statement(out[i], organization=seg, level="other", jurisdiction=None)


def org_after_name(
    text: str,
    toks: Sequence[Tok],
    out: list[Statement],
    n_before: int,
    e: int,
    offset: int,
    name_starts: frozenset[int],
) -> None:
    """ "Professor Anna Muster vom Beispiel-Zentrum für Umwelt", "Geschäftsführer Tom Probe, Beispiel und
    Partner, im …": a company's or institute's office named before the person, the organisation after."""
    if e >= len(toks) or not any(st.level == "other" and st.organization is None for st in out[n_before:]):
        return
    first = None
    if toks[e].norm == "vom" or (
        toks[e].norm == "von" and e + 1 < len(toks) and toks[e + 1].norm in ("der", "dem")
    ):
        first = e + 1 if toks[e].norm == "vom" else e + 2
        stops = (",", ".", ":", ";", "(")
    elif toks[e].norm == ",":
        first, stops = e + 1, (",",)
    if first is None or first >= len(toks) or not toks[first].is_cap:
        return
    m = first
    while (
        m < len(toks)
        and m - first <= 7
        and toks[m].norm not in stops
        and (toks[m].is_cap or toks[m].norm in ("-", "&", "und", "für"))
        and not (toks[m].norm in ("und", "&") and (m + 1) in name_starts)
    ):
        m += 1  # up to a second person: "… von der Beispiel Hochschule Berlin und Marco Muster vom …"
    if m == first or toks[m - 1].is_lower:
        return
    if toks[m - 1].norm in ("und", "&", "für", "-"):
        m -= 1
    if toks[e].norm == "," and (m >= len(toks) or toks[m].norm != "," or m - first < 2):
        return  # between commas only, two words at least ("…, Lüftung und Brandschutz, im …")
    if m < len(toks) and toks[m].norm not in stops and not toks[m].is_lower:
        return
    seg = text[toks[first].start - offset : toks[m - 1].end - offset]
    if seg in lexicon().places or any(first <= x < m for x in name_starts):
        return  # a place or another person ("Geschäftsführer Tom Probe, Anna Muster, …")
    for i in range(n_before, len(out)):
        if out[i].level == "other" and out[i].organization is None:
            out[i] = replace_statement(out[i], organization=seg)


def paren_org(
    text: str, toks: Sequence[Tok], out: list[Statement], n_before: int, end: int, offset: int
) -> None:
    """ "(Kuratorin, Die Beispiele)": capitalised words between the office's comma and ")" name its organisation."""
    m = _cap_run_after_comma(toks, end, digits=False)
    if m is None or m >= len(toks) or toks[m].norm != ")":
        return
    seg = text[toks[end + 1].start - offset : toks[m - 1].end - offset]
    if seg in lexicon().places:
        return  # "(Kuratorin, Berlin)": where she works, not an organisation
    for i in range(n_before, len(out)):
        if out[i].organization is None and out[i].level in (None, "other"):
            out[i] = replace_statement(out[i], organization=seg, level="other", jurisdiction=None)


# "…, der das Beispiel Lab leitet": the verbs of a relative clause that make its subject the head of what it
# leads ("leitete": a past office); the things led that are activities, not organisations ("den Kurs")
_LEAD_VERBS = {"leitet": False, "leitete": True}
_LED_ACTIVITIES = word_set("roles", "led_activity")
# words inside an organisation's name ("Beispiel Lab von ZF", "Arche im Wedding", "Kinder- und Jugendbüro")
_ORG_INNER = frozenset({"-", "&", "und", "für", "von", "vom", "der", "des", "im", "am", "in", "e.", "V."})


def relative_lead(text: str, toks: Sequence[Tok], k: int, p: PersonRef, offset: int) -> Statement | None:
    """ "Anna Muster, die die Arche im Wedding leitet": a relative clause right after the name whose verb is
    "leitet" and whose object names an organisation (two capitalised words, an acronym, an institution noun)
    -> Leiter(in) of it; not "die den Kurs leitet" (an activity). "leitete" is a past office."""
    if k + 3 >= len(toks) or toks[k].norm != "," or toks[k + 1].norm not in ("der", "die"):
        return None
    j = k + 2
    if toks[j].norm == "seit":  # "der seit 2017 die Hochschule leitet"
        j += 1
        while j < len(toks) and j - k <= 6 and toks[j].norm not in ("das", "den", "die", "dem", ","):
            j += 1
    if j >= len(toks) or toks[j].norm not in ("das", "den", "die"):
        return None
    a = j + 1
    v = a
    while v < len(toks) and v - a < 14 and toks[v].norm not in _LEAD_VERBS and toks[v].norm not in ",.;:!?()":
        v += 1
    if v >= len(toks) or toks[v].norm not in _LEAD_VERBS or v == a:
        return None
    b = a
    while b < v and (toks[b].is_cap or (b > a and toks[b].norm in _ORG_INNER and toks[b + 1].is_cap)):
        b += 1
    caps = [t for t in toks[a:b] if t.is_cap]
    if not caps or caps[0].norm.rstrip("-") in _LED_ACTIVITIES:
        return None
    w = caps[0].norm
    named = (
        len(caps) >= 2
        or any(c.isupper() for c in w[1:])  # "HellMa", "ZF"
        or is_institution_word(w)
    )
    if not named:
        return None
    org = text[toks[a].start - offset : toks[b - 1].end - offset]
    level = jurisdiction = None
    cue = ""
    for c in lexicon().cues:
        if (m := c.pattern.search(toks[j].norm + " " + org)) is not None:
            jurisdiction, level, cue = m.groupdict().get("j") or c.jurisdiction, c.level, ":" + c.cue_id
            break
    if level is None and not any(rx.search(org) for _, rx in lexicon().bodies):
        level = "other"
    f = toks[k + 1].norm == "die"
    return Statement(
        p,
        toks[j].start,
        toks[v].end,
        text[toks[j].start - offset : toks[v].end - offset],
        "Leiterin" if f else "Leiter",
        "Leiter",
        None,
        org,
        jurisdiction,
        level,
        "f" if f else "m",
        f"role.name_relative_leads:office.leiter{cue}",
        _LEAD_VERBS[toks[v].norm],
    )


def body_after_name(
    text: str,
    toks: Sequence[Tok],
    out: list[Statement],
    n_before: int,
    e: int,
    offset: int,
    stops: frozenset[int],
) -> None:
    """ "Staatssekretär Tom Muster vom Bundesministerium für Verkehr": a public body after the name gives the
    office before it its place where the phrase named none (a place only from the publisher is replaced);
    `stops`: the starts of names and titles, where the body's name ends ("… und Bezirksstadtrat Tom Probe")."""
    if e + 1 >= len(toks) or not (
        toks[e].norm == "vom" or (toks[e].norm in ("von", "aus") and toks[e + 1].norm in ("der", "dem"))
    ):
        return
    first = e + 1 if toks[e].norm == "vom" else e + 2
    m = first
    while (
        m < len(toks)
        and m - first <= 8
        and m not in stops
        and (toks[m].is_cap or (m > first and toks[m].norm in ("für", "und", "-")))
    ):
        m += 1
    while m > first and not toks[m - 1].is_cap:
        m -= 1
    if m == first:
        return
    seg = text[toks[first].start - offset : toks[m - 1].end - offset]
    hit = next(
        (
            (c, mt, art + seg)
            for c in lexicon().cues
            for art in ("des ", "der ")
            if (mt := c.pattern.search(art + seg))
        ),
        None,
    )
    if hit is None or hit[0].level is None:
        return
    cue, mt, probe = hit
    jur = mt.groupdict().get("j") or cue.jurisdiction
    if mt.groupdict().get("j") and re.fullmatch(r"(?: [A-ZÄÖÜ][\w-]*)+", probe[mt.end("j") :]):
        jur += probe[mt.end("j") :]  # a town of two words: "der Partnerstadt Kiryat Beispiel"
    if jur in lexicon().places:
        jur = lexicon().places[jur].jurisdiction
    for i in range(n_before, len(out)):
        st = out[i]
        # only a place the phrase does not give itself: none, the publisher's, or the district's default
        own_cue = st.rule_id.count(":") > 1 and ":publisher." not in st.rule_id
        if st.level == "other" or (st.jurisdiction and own_cue):
            continue
        out[i] = replace_statement(
            st,
            organization=st.organization or seg,
            jurisdiction=jur or st.jurisdiction,
            level=cue.level,
            rule_id=st.rule_id.split(":publisher.")[0] + ":" + cue.cue_id,
        )
