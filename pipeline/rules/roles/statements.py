"""Person–office statements: a named person and the office the text gives them.

Example: "Stefan Grüttner, Hessischer Minister für Soziales und Integration" -> Statement(Grüttner, Minister, …).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pressextract.contract import PersonRef
from pressextract.resources.loader import word_set
from pressextract.rules.common import PARTY_TOKEN, tokenize
from pressextract.rules.roles.lines import alone_on_line, line_break, line_ends
from pressextract.rules.roles.nearby import (
    ACRONYM,
    ARTICLES,
    NOT_SUBJECT,
    OPEN_QUOTES,
    PRONOUN_GENDER,
    after_copula,
    after_profession,
    body_after_name,
    generic_org,
    name_before,
    next_name_follows,
    org_after_bare_title,
    org_after_name,
    paren_org,
    plural_title,
    quoted_name,
    relative_lead,
    remit_to_clause_end,
    trailing_org,
)
from pressextract.rules.roles.offices import find_office_heads
from pressextract.rules.roles.phrases import OfficePhrase, analyse_phrase, phrase_extent
from pressextract.rules.roles.records import Statement, replace_statement
from pressextract.rules.roles.rules import _rows, lexicon


@lru_cache(maxsize=1)
def _honorific_forms() -> frozenset[str]:
    forms = set()
    for _, (_hid, form, _kind, _gender) in _rows("honorifics.tsv", 4):
        forms.update({form, form.rstrip(".")})
    return frozenset(forms)


_PARTY_TOK = PARTY_TOKEN


def _city_state_office(ph: OfficePhrase) -> bool:
    """Senator, Senatsbaudirektorin, Senatsrat: offices of Berlin, Hamburg and Bremen."""
    return ph.head.office_id in ("office.senator", "office.senatsbaudirektor") or ph.cue_id in (
        "prefix.senats",
        "level.land.senat",
    )


# Offices of a Land's government: without a place in the text they are the publisher's Land ("Minister
# Axel Muster" in a release of a Brandenburg ministry or of "Polizei Brandenburg" -> Brandenburg). A city
# state has no Minister: there a bare "Minister" is of another Land or the Bund, and stays open.
_LAND_OFFICES = ("office.minister", "office.ministerpraesident", "office.staatssekretaer")
_CITY_STATES = ("Berlin", "Hamburg", "Bremen")
# titles the Bund has as well as the Länder: without a place, only a public publisher decides whose they are
_FEDERAL_TWINS = ("office.minister", "office.staatssekretaer", "office.staatsminister")
# courts, public prosecutors and police are the Länder's (federal ones name the Bund: level.bund.behoerde)
_LAND_BODIES = {"body.gericht", "body.polizei", "body.staatsanwaltschaft"}


def _land_office(ph: OfficePhrase, state: str, *, public: bool = True) -> bool:
    """A Land's office that names no Land ("Minister", "Landestierschutzbeauftragte", "Staatsanwältin"):
    of the publisher's Land, except the titles a city state does not have (Minister, Ministerpräsident, MdL).
    `public`: the publisher is a public body; an association "in Bayern" says nothing about whose
    Minister or Staatssekretär it names ("Klimaschutzminister Robert Muster" may be the Bund's)."""
    if state in _CITY_STATES and ph.head.office_id in (
        "office.minister",
        "office.ministerpraesident",
        "office.mdl",
    ):
        return False
    if ph.level == "land":
        return True
    if not public and ph.head.office_id in _FEDERAL_TWINS:
        return False
    if ph.level is None and set(ph.bodies) & _LAND_BODIES:
        return True  # "Präsident des Kammergerichts", "Sprecherin der Staatsanwaltschaft": the Land's courts
    if ph.head.office_id not in _LAND_OFFICES or ph.level is not None:
        return False
    return not (ph.head.prefix and ph.head.portfolio is None)  # "Premierminister": not a Land's title


# remits whose commissioner is the Bund's or a Land's, never a district's ("Antisemitismusbeauftragte")
_NOT_DISTRICT_REMITS = tuple(sorted(word_set("roles", "not_district_remit")))


# a department of an authority that names no other body: "Abteilung Bildung", "Fachbereich Kultur"
_DISTRICT_UNIT = re.compile(
    r"^(?:Abteilung|Fachbereich|Amt|Referat|Sachgebiet)\b(?!.*\b(?:der|des|GmbH|e\.\s?V)\b)"
)


def _district_commissioner(ph: OfficePhrase) -> bool:
    """A commissioner's title ("Beauftragte", "Queerbeauftragter") that names no place, level, body or
    organisation: in a district office's release the district's own."""
    return (
        ph.head.office_id == "office.beauftragter"
        and ph.jurisdiction is None
        and ph.level is None
        and not ph.bodies
        and not ph.organization
        and not ph.head.prefix.lower().startswith(_NOT_DISTRICT_REMITS)
    )


def find_statements(
    text: str,
    persons: Sequence[PersonRef],
    *,
    offset: int = 0,
    district: str | None = None,
    state: str | None = None,
    public: bool = True,
    federal: bool = False,
) -> list[Statement]:
    """Person–office statements in one block: office before the name ("Senatorin Sandra Scheeres",
    "Der Bezirksstadtrat für Bauen, Ephraim Gothe,"), after it ("Stefan Grüttner, Hessischer Minister
    …", "Oliver Schruoffeneger (Bezirksstadtrat …)", "Roman Simon MdA"), and coordinated offices
    ("Staatsministerin und Beauftragte der Bundesregierung …" -> two statements).

    `district`: what level_from_publisher gives (a district or "Berlin"), for offices that name no place;
    `state`: what state_from_publisher gives, for a city state's offices (Senator) that name no place;
    `public`: the publisher is a public body (publisher_is_public), whose Land's Minister a bare "Minister" is;
    `federal`: the publisher is a federal body, whose Minister or Staatssekretär a bare title is.
    Example: "Christian Geselle, Oberbürgermeister der Stadt Kassel" -> Oberbürgermeister, Kassel, kommune.
    """
    if not persons:
        return []  # statements need a named holder: most blocks name none
    toks = tokenize(text, offset)
    if not toks:
        return []
    hons = _honorific_forms()
    by_start = {t.start: i for i, t in enumerate(toks)}
    by_end = {t.end: i for i, t in enumerate(toks)}
    refs = []  # (person, first token incl. honorifics, first name token, end token exclusive)
    for p in persons:
        if p.start in by_start and p.end in by_end:
            a = by_start[p.start]
            h = a
            while h > 0 and toks[h - 1].norm in hons:
                h -= 1
            refs.append((p, h, a, by_end[p.end] + 1))
    name_starts = frozenset(x for _, h, a, _ in refs for x in (h, a))
    heads = find_office_heads(toks)
    head_starts = frozenset(h.start for h in heads)
    phrases: dict[int, OfficePhrase] = {}
    for h in heads:
        end = phrase_extent(toks, h, name_starts=name_starts, head_starts=head_starts)
        for j in range(h.end, end):  # an office phrase ends with its line (lists: one person a line)
            if line_break(text, toks, j, offset):
                end = j
                break
        phrases[h.start] = OfficePhrase(h, h.start, end)
    # coordination: "Staatsministerin und Beauftragte …", "Bezirksbürgermeister und Bezirksstadtrat"
    chains: dict[int, list[int]] = {}
    for s in sorted(phrases):
        ph = phrases[s]
        chain = [s]
        e = ph.end
        while True:
            if e + 1 < len(toks) and toks[e].norm in ("und", "sowie") and (e + 1) in phrases:
                chain.append(e + 1)
            elif (
                e + 4 < len(toks)
                and toks[e].norm == "("
                and ACRONYM.match(toks[e + 1].norm.replace("2", "").replace("7", ""))
                and toks[e + 2].norm == ")"
                and toks[e + 3].norm in ("und", "sowie")
                and (e + 4) in phrases
            ):
                # "Präsident der UN-Klimakonferenz (COP27) und ägyptischer Außenminister": the body's acronym
                chain.append(e + 4)
            else:
                break
            e = phrases[chain[-1]].end
        chains[s] = chain
    inner = {x for c in chains.values() for x in c[1:]}
    out: list[Statement] = []
    used_phrases: set[int] = set()
    # "der Sprecher von UN-Generalsekretär Anna Muster, Tom Probe": the outer office ends before "von" and
    # belongs to the apposition after the name (Probe), the inner one to the name it stands before (Muster)
    ref_at = {h: (p, e) for p, h, a, e in refs}
    of_office: list[tuple[PersonRef, int]] = []
    for s in sorted(phrases):
        ph = phrases[s]
        inner_start = ph.head.end + 1
        if (
            ph.head.end < len(toks)
            and toks[ph.head.end].norm in ("von", "des")
            and inner_start in phrases
            and phrases[inner_start].end in ref_at
            and ph.end == phrases[inner_start].end
        ):
            _, e = ref_at[phrases[inner_start].end]
            if e + 1 < len(toks) and toks[e].norm == "," and (e + 1) in ref_at:
                ph.end = ph.head.end
                of_office.append((ref_at[e + 1][0], s))

    def emit(p: PersonRef, start: int, rule: str) -> None:
        chain = chains.get(start, [start])
        analysed = [analyse_phrase(text, toks, phrases[s], offset=offset) for s in chain]
        for ph in analysed:
            quoted_name(text, toks, ph, offset)
            if generic_org(ph.organization):
                ph.organization = None  # "Vorsitzender des Gremiums": a noun that names no body
        for ph in analysed:  # "Staatsministerin und Beauftragte der Bundesregierung": shared cues
            if ph.jurisdiction is None and ph.level is None:
                donor = next(
                    (o for o in analysed if o.jurisdiction or (o.level and o.level != "other")), None
                )
                if donor is not None and ph.head.kind == donor.head.kind:
                    ph.jurisdiction, ph.level = donor.jurisdiction, donor.level
            if (
                ph.jurisdiction is None
                and state == "Berlin"
                and ph.head.office_id == "office.buergermeister"
                and not ph.head.prefix
                and (district == "Berlin" or any(o.head.office_id == "office.senator" for o in analysed))
            ):
                # Berlin's "Bürgermeister" is a deputy of the Regierender Bürgermeister, a Senate member: in a
                # Senate release, or beside "Senatorin für …" ("Bürgermeisterin und Senatorin für Wirtschaft")
                ph.jurisdiction, ph.level = "Berlin", "land"
                ph.cue_id = (ph.cue_id + ":" if ph.cue_id else "") + "publisher.senate_mayor"
            elif ph.jurisdiction is None and state in _CITY_STATES and _city_state_office(ph):
                # a city state's office that names no place: the publisher's Land ("Senatorin Anna Muster"
                # in a release of a Berlin Senatsverwaltung or Bezirksamt -> Berlin; of Hamburg -> Hamburg)
                ph.jurisdiction, ph.level = state, "land"
            elif (
                ph.jurisdiction is None
                and federal
                and ph.level is None
                and ph.head.office_id in _FEDERAL_TWINS
                and not (ph.head.prefix and ph.head.portfolio is None)
            ):
                # "Entwicklungsministerin Anna Muster" in a release of a Bundesministerium: the Bund's
                ph.jurisdiction, ph.level = "Bund", "bund"
                ph.cue_id = (ph.cue_id + ":" if ph.cue_id else "") + "publisher.bund"
            elif ph.jurisdiction is None and state and _land_office(ph, state, public=public):
                ph.jurisdiction, ph.level = state, "land"
                ph.cue_id = (ph.cue_id + ":" if ph.cue_id else "") + "publisher.land"
            if (
                district
                and district != state
                and ph.level == "other"
                and ph.organization
                and _DISTRICT_UNIT.match(ph.organization)
            ):
                # "Leiter der Abteilung Bildung, Kultur und Soziales" in a district office's release: a
                # department of the publishing Bezirksamt, the district's, kommune
                ph.jurisdiction, ph.level = district, "kommune"
                ph.cue_id = (ph.cue_id + ":" if ph.cue_id else "") + "publisher.district_unit"
            if district and district != state and _district_commissioner(ph):
                # "Gleichstellungsbeauftragte Anna Muster" in a release of "Bezirksamt Pankow": the district's
                # commissioner (Integrations-, Queer-, Europa-, Einsamkeitsbeauftragte), kommune
                ph.level = "kommune"
                ph.cue_id = (ph.cue_id + ":" if ph.cue_id else "") + "publisher.district_commissioner"
            elif district and district == state and _district_commissioner(ph):
                # "Die Integrationsbeauftragte Anna Muster" in a release of a Senatsverwaltung: the Land's
                ph.jurisdiction, ph.level = state, "land"
                ph.cue_id = (ph.cue_id + ":" if ph.cue_id else "") + "publisher.land_commissioner"
            if district and ph.jurisdiction is None:
                # the publisher's district or Land: "Bezirksamt Mitte" for "Bezirksstadtrat Carsten
                # Spallek"; a Senatsverwaltung for "Staatssekretär für Umwelt und Klimaschutz"
                land = district == state
                if (land and ph.head.office_id == "office.staatssekretaer") or (
                    not land
                    and ph.level == "kommune"
                    # a bare "Bürgermeister" in a district's release may be a partner town's: document.py decides
                    and ph.head.office_id
                    not in ("office.oberbuergermeister", "office.landrat", "office.buergermeister")
                ):
                    ph.jurisdiction = district
                    ph.level = ph.level or "land"
            out.append(
                Statement(
                    p,
                    ph.char_start,
                    ph.char_end,
                    ph.text,
                    ph.head.head,
                    ph.head.role_norm,
                    ph.portfolio,
                    ph.organization,
                    ph.jurisdiction,
                    ph.level,
                    ph.head.gender,
                    f"{rule}:{ph.head.office_id}"
                    + (f":{ph.cue_id}" if ph.cue_id else "")
                    + (f":{ph.head.portfolio_id}" if ph.head.portfolio_id else ""),
                    ph.head.former,
                )
            )
            used_phrases.add(ph.start)

    for p, s in of_office:
        n_before = len(out)
        emit(p, s, "role.office_of_office")
        inner_ph = analyse_phrase(text, toks, phrases[phrases[s].head.end + 1], offset=offset)
        for i in range(n_before, len(out)):  # the spokesperson of the UN-Generalsekretär is of the UN
            if out[i].level in (None, "other") and inner_ph.level not in (None, "other"):
                out[i] = replace_statement(
                    out[i],
                    organization=out[i].organization or inner_ph.organization,
                    jurisdiction=inner_ph.jurisdiction,
                    level=inner_ph.level,
                )
    # name first: "Name, Office", "Name (Office)", "Name (SPD), Office", "Name MdA", "Name, Org, Office"
    for p, h, a, e in refs:
        k = e
        if k < len(toks) and toks[k].norm == "(":
            m = k + 1
            while (
                m < len(toks)
                and m - k <= 5
                and (
                    _PARTY_TOK.match(toks[m].norm)
                    or toks[m].norm.isdigit()
                    or (toks[m].is_cap and len(toks[m].norm) <= 3)  # "(Bü 90/Grüne)", "(25)"
                )
            ):
                m += 1
            if m < len(toks) and toks[m].norm == ")" and m > k + 1:
                k = m + 1
        if (m := after_copula(toks, k, phrases, name_starts)) is not None:
            # "Klaus Muster ist seit 2005 Vorstandsvorsitzender der AG Beispiel e.V.": the office the sentence
            # gives the name; "war" makes it a past one ("Albrecht Muster war Bauleiter der …")
            n_before = len(out)
            emit(p, m, "role.name_copula_office")
            if toks[k].norm == "war":
                out[n_before:] = [replace_statement(st, former=True) for st in out[n_before:]]
            continue
        if k < len(toks) and k in phrases and toks[k].norm in lexicon().abbrevs:
            emit(p, k, "role.name_abbr")
            continue
        if (
            k == e
            and k < len(toks)
            and k in phrases
            and k not in inner
            and alone_on_line(text, toks, h, e, offset)
            and line_ends(text, toks, phrases[chains[k][-1]].end, offset)
        ):
            emit(p, k, "role.name_line_office")  # "Anna Muster\nPressesprecherin\nTelefon …"
            continue
        if (
            k + 1 < len(toks)
            and toks[k].norm in (",", "(")
            and (k + 1) in phrases
            and (k + 1) not in inner
            and (
                phrases[chains[k + 1][-1]].end not in name_starts  # "Frau X, Bezirksbürgermeister Herrn Lemm"
                or line_break(text, toks, phrases[chains[k + 1][-1]].end, offset)
            )
        ):
            n_before = len(out)
            emit(p, k + 1, "role.name_office")
            if h >= 2 and toks[h - 1].norm in ("und", "sowie", "&") and plural_title(phrases[k + 1]):
                # "Gudrun Muster und Walther Probe, Vorstandsmitglieder des Vereins": the plural title is both's
                first = next((p0 for p0, _, _, e0 in refs if e0 == h - 1), None)
                if first is not None:
                    emit(first, k + 1, "role.names_office")
            if toks[k].norm == ",":
                trailing_org(text, toks, out, chains[k + 1], phrases, offset)
                org_after_bare_title(
                    text, toks, out, n_before, phrases[chains[k + 1][-1]], offset, name_starts
                )
            else:  # "Dr. Anna Muster (Kuratorin, Beispiel Projekte)": the organisation after the comma
                paren_org(text, toks, out, n_before, phrases[chains[k + 1][-1]].end, offset)
            continue
        if (
            k + 2 < len(toks)
            and toks[k].norm == ","
            and toks[k + 1].norm in ("der", "die")
            and (k + 2) in phrases
            and (k + 2) not in inner
            and (end := phrases[chains[k + 2][-1]].end) not in name_starts
            and (
                end >= len(toks)
                or toks[end].norm in (",", ":", ")", *OPEN_QUOTES)
                or (toks[end].norm == "." and (end + 1 >= len(toks) or toks[end + 1].is_cap))
                or remit_to_clause_end(toks, end, name_starts)
                or line_break(text, toks, end, offset)
            )
            and not next_name_follows(toks, end, name_starts)
        ):
            # "Dr. Heinrich Muster, der Vorsitzende des Vereins …, ist zufrieden" (or "…" and the sentence's
            # period): an apposition with its article;
            # not in a list "…, Regine Muster, der Geschäftsführer der X GmbH, Christoph Probe," (his office)
            emit(p, k + 2, "role.name_article_office")
            continue
        if (m := after_profession(toks, k, phrases, name_starts)) is not None and (
            (end := phrases[chains[m][-1]].end) >= len(toks)
            or toks[end].norm in (",", ")", ":", ".")
            or line_break(text, toks, end, offset)
        ):
            # "Selda Muster (Bildende Künstlerin und Gründerin des Projektraums X, Berlin)": a profession,
            # then the office
            n_before = len(out)
            emit(p, m, "role.name_profession_office")
            if toks[k].norm == "(":
                paren_org(text, toks, out, n_before, end, offset)
            continue
        if k < len(toks) and toks[k].norm == ",":
            m = k + 1
            while (
                m < len(toks)
                and m - k <= 6
                and (toks[m].is_cap or toks[m].norm in ("-", "und"))
                and m not in phrases
                and m not in name_starts
            ):
                m += 1
            if m + 1 < len(toks) and toks[m].norm == "," and m > k + 1 and (m + 1) in phrases:
                n_before = len(out)
                emit(p, m + 1, "role.name_org_office")
                seg = text[toks[k + 1].start - offset : toks[m - 1].end - offset]
                for i in range(n_before, len(out)):
                    if out[i].level == "other" and out[i].organization is None:
                        out[i] = replace_statement(out[i], organization=seg)
                continue
        if (st := relative_lead(text, toks, k, p, offset)) is not None:
            # "Dr. Georg Muster, der das Beispiel Lab Saarbrücken von ZF leitet": the head of the organisation
            out.append(st)
    # "Die Laudatio hält Dr. Anna Muster. Sie ist die Vorsitzende der Beispiel-Stiftung.": a pronoun of the
    # person's gender opens the next sentence, which gives the office with its body (as after "Name ist")
    for k in range(2, len(toks) - 2):
        if (
            toks[k].norm not in PRONOUN_GENDER
            or toks[k - 1].norm != "."
            or not toks[k + 1].norm in ("ist", "war")
        ):
            continue
        if (m := after_copula(toks, k + 1, phrases, name_starts)) is None:
            continue
        sent = max((x for x in range(k - 1) if toks[x].norm in (".", "!", "?", ":")), default=-1)
        named = [
            (p, e)
            for p, h, a, e in refs
            if sent < a
            and e <= k - 1
            and toks[h - 1].norm not in NOT_SUBJECT  # "(gemeinsam mit X)": no subject
        ]
        last = [(p, e) for p, e in named if e == k - 1]  # "… hält Dr. Anna Muster.": the name ends it
        named = last or named
        if len(named) != 1 or named[0][0].gender not in (None, PRONOUN_GENDER[toks[k].norm]):
            continue  # one person in the sentence before (or the one ending it), of the pronoun's gender
        n_before = len(out)
        emit(named[0][0], m, "role.pronoun_copula_office")
        if toks[k + 1].norm == "war":
            out[n_before:] = [replace_statement(st, former=True) for st in out[n_before:]]
    # office first: "Staatsministerin Annette Widmann-Mauz", "Der Bezirksstadtrat für …, Carsten Spallek,"
    phrase_ends = {phrases[chains[s0][-1]].end for s0 in phrases if s0 not in inner}
    for p, h, a, e in refs:
        # "Sprecher des Vorstands Anna Muster": the outer phrase, not "Vorstands" inside it
        # also before the comma of an apposition: "die Staatssekretärin beim Bundesminister für X, Anna Muster"
        covered = {
            x
            for s0, ph0 in phrases.items()
            if phrases[chains[s0][-1]].end == h
            or (phrases[chains[s0][-1]].end == h - 1 and toks[h - 1].norm == ",")
            for x in range(s0 + 1, ph0.end)
        }
        for s, ph in phrases.items():
            if s in inner or s in used_phrases or s in covered:
                continue
            last = phrases[chains[s][-1]]
            if "\n" in text[toks[last.end - 1].end - offset : toks[h].start - offset]:
                continue  # "Regierender Bürgermeister von Berlin\nElke Muster, Senatorin": a list's next line
            if (
                last.end + 3 == h
                and toks[last.end].norm == "("
                and toks[last.end + 1].norm.isupper()
                and toks[last.end + 2].norm == ")"
            ):
                # "Der Berliner Beauftragte zur Aufarbeitung der SED-Diktatur (BAB) Tom Muster"
                emit(p, s, "role.office_abbr_name")
            elif (
                last.end == h
                and name_before(s, toks, refs)
                and e + 1 < len(toks)
                and toks[e].norm == ","
                and (e + 1) in phrases
                and not any(
                    h0 in phrase_ends or (h0 - 1 in phrase_ends and toks[h0 - 1].norm == ",")
                    for _, h0, _, e0 in refs
                    if e0 == s - 1
                )
            ):
                # "Kathrin Muster, Vorsteherin der BVV Tom Probe, Vereinsvorsitzender": a list of name–office
                # pairs; the office between two names is the first one's (the second has its own), unless the
                # first has its office before it ("Bundespräsident X, Bundesratspräsident Y, Bundeskanzler Z")
                emit(next(p0 for p0, _, _, e0 in refs if e0 == s - 1), s, "role.name_office")
            elif (
                last.end + 1 == h
                and toks[last.end].norm == ":"
                and not (s > 0 and toks[s - 1].norm.lower() in ARTICLES)
                and (
                    e >= len(toks)
                    or toks[e].norm in (",", "(", ".", "&", "und", ";", "–")
                    or line_break(text, toks, e, offset)
                )
            ):
                # "Projektleitung: Valeria Muster", "Initiator und künstlerischer Leiter: Tom Probe": a label
                # line (no article before the title: "Die Senatorin: „…“" is a quote's speaker)
                emit(p, s, "role.office_colon_name")
                if e + 1 < len(toks) and toks[e].norm in ("&", "und") and (e + 1) in ref_at:
                    emit(
                        ref_at[e + 1][0], s, "role.office_colon_name"
                    )  # "Projektleitung: Anna Muster & Eva Probe"
            elif last.end == h:
                n_before = len(out)
                emit(p, s, "role.office_name")
                org_after_name(text, toks, out, n_before, e, offset, name_starts)
                body_after_name(text, toks, out, n_before, e, offset, name_starts | head_starts)
                # "Die Bezirksverordneten Anna Muster und Tom Probe": a plural title before two names
                if (
                    e + 1 < len(toks)
                    and toks[e].norm == "und"
                    and (e + 1) in ref_at
                    and s > 0
                    and toks[s - 1].norm.lower() in ("die", "den")
                    and re.search(r"(?:en|innen)$", last.head.head)
                ):
                    emit(ref_at[e + 1][0], s, "role.office_names")
            elif (
                last.end + 1 == h
                and toks[last.end].norm == ","
                and not name_before(s, toks, refs)
                and (e >= len(toks) or toks[e].norm in (",", ":", ")", "(", ".") or toks[e].is_lower)
            ):
                emit(p, s, "role.office_comma_name")
            elif (
                last.end + 4 == h
                and toks[last.end].norm == "("
                and ACRONYM.match(toks[last.end + 1].norm)
                and not _PARTY_TOK.match(toks[last.end + 1].norm)
                and toks[last.end + 2].norm == ")"
                and toks[last.end + 3].norm == ","
                and not name_before(s, toks, refs)
                and (e >= len(toks) or toks[e].norm in (",", ":", ")", "(", ".") or toks[e].is_lower)
            ):
                # "der Vorstand Regionen der Bundesagentur für Arbeit (BA), Daniel Muster,": the body's acronym
                emit(p, s, "role.office_comma_name")
    # "der Beauftragten der Bundesregierung …, Staatsministerin Annette Widmann-Mauz": an office in
    # apposition to an office that names its holder
    holders = {st.char_start: st.person for st in out if st.rule_id.startswith("role.office_name")}
    for s, ph in phrases.items():
        if s in inner or s in used_phrases:
            continue
        last = phrases[chains[s][-1]]
        nxt = last.end + 1
        if (
            last.end < len(toks)
            and toks[last.end].norm == ","
            and nxt in phrases
            and toks[nxt].start in holders
            and not name_before(s, toks, refs)
        ):
            emit(holders[toks[nxt].start], s, "role.office_apposition")
    # "dem Rektor Holger Muster, der seit 2017 die Hochschule leitet": the relative clause restates an office
    # the block gives the person already
    titled = {st.person.person_id for st in out if not st.rule_id.startswith("role.name_relative_leads")}
    for st in out:
        if st.rule_id.startswith("role.name_relative_leads") and st.person.person_id in titled:
            for i, o in enumerate(
                out
            ):  # "die bisherige Leiterin X, die das HellMa leitete": the title's organisation
                if (
                    o.person.person_id == st.person.person_id
                    and o.role_norm == "Leiter"
                    and not o.organization
                ):
                    out[i] = replace_statement(o, organization=st.organization)
    out = [
        st
        for st in out
        if not (st.rule_id.startswith("role.name_relative_leads") and st.person.person_id in titled)
    ]
    out.sort(key=lambda st: (st.char_start, st.person.start))
    seen, unique = set(), []
    for st in out:
        key = (st.char_start, st.char_end, st.person.person_id)
        if key not in seen:
            seen.add(key)
            unique.append(st)
    return unique


# generic organisation nouns that a quoted name completes: "Vorsitzender des Vereins „Freunde des Parks“"
