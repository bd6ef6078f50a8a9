"""The roles rules on one Doc: options, the validated rules, and the person–office statements.

Example: find_roles(doc, rules=load_rules(), options=RoleOptions(), refs=Refs.from_doc(doc, "blocks",
"people")) on "Stefan Grüttner, Hessischer Minister für Soziales und Integration" -> [Statement(Grüttner,
Minister, jurisdiction Hessen, level land)].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc

from pressextract.contract import Refs
from pressextract.resources.loader import read_rule_ids
from pressextract.rules.roles.phrases import (
    level_from_publisher,
    police_region_from_publisher,
    publisher_is_federal,
    publisher_is_public,
    state_from_publisher,
)
from pressextract.rules.roles.records import (
    Statement,
    fill_from_document,
    merge_statements,
    replace_statement,
)
from pressextract.rules.roles.rules import Lexicon, lexicon
from pressextract.rules.roles.statements import find_statements


@dataclass(frozen=True, slots=True)
class RoleOptions:
    """Settings of the roles rules (the component's factory arguments)."""

    publisher_district: bool = True  # a district office's publisher ("Bezirksamt Mitte") gives the district


@dataclass(frozen=True, slots=True)
class RoleRules:
    """The office lexicons and the rule ids the roles rules can emit (resources/rules/roles.tsv)."""

    lexicon: Lexicon
    rule_ids: frozenset[str]


def load_rules() -> RoleRules:
    """Load and validate the office lexicons at start-up. Example: "role.name_office" in rule_ids."""
    return RoleRules(lexicon(), read_rule_ids("roles"))


def find_roles(doc: Doc, *, rules: RoleRules, options: RoleOptions, refs: Refs) -> list[Statement]:
    """Person–office statements of a Doc; a statement needs a named holder from refs.people.

    Reads refs.blocks (text units), refs.people, refs.meta (the publisher) and refs.text (else doc.text).
    """
    if not refs.people:  # statements need a named holder
        return []
    publisher = refs.meta.get("publisher")
    district = level_from_publisher(publisher) if options.publisher_district else None
    state = state_from_publisher(publisher) if options.publisher_district else None
    where = {
        "district": district,
        "state": state,
        "public": publisher_is_public(publisher),
        "federal": options.publisher_district and publisher_is_federal(publisher),
    }
    statements: list[Statement] = []
    # doc.text is built from the tokens on every access: once per Doc (refs.text where the stage asked for it)
    text = refs.text if refs.text is not None else doc.text
    units = refs.units(len(text))
    for s, e in units:
        people = [p for p in refs.people if s <= p.start and p.end <= e]
        if people:
            statements += find_statements(text[s:e], people, offset=s, **where)
    # contact blocks whose lines are units of their own: "Pressekontakt: Anna Muster" / "Pressesprecherin …"
    for (s1, e1), (s2, e2) in pairwise(units):
        last = [p for p in refs.people if s1 <= p.start and p.end <= e1 and not text[p.end : e1].strip()]
        if last and "\n" in text[e1 : s2 + 1] and text[s2:e2].strip():
            found = find_statements(text[s1:e2], last[-1:], offset=s1, **where)
            statements += [
                _of_publisher(st, publisher, district, state)
                for st in found
                if st.rule_id.startswith("role.name_line_office")
            ]
    statements = [
        _of_publisher(st, publisher, district, state)
        if st.rule_id.startswith("role.name_line_office")
        else st
        for st in statements
    ]
    parliament = parliament_from_publisher(publisher)
    if (
        parliament is not None
        and parliament[1] == "kommune"
        and parliament[0]
        and parliament[0] != district
        and not re.search(r"\b" + re.escape(parliament[0]) + r"\b", text)
    ):
        # a council's city read from the publisher's adjective ("im Erfurter Stadtrat" -> Erfurt) only where the
        # text names the city ("Dresdner" does not give "Dresden")
        parliament = (None, "kommune")
    if parliament is not None:
        statements = [_of_parliament(st, parliament) for st in statements]
    region = police_region_from_publisher(publisher) if options.publisher_district else None
    if region is not None:
        statements = [_of_police(st, region) for st in statements]
    if state == "Berlin":
        statements = _districts_from_text(statements, text)
    if district and state and district != state:
        statements = _district_mayors(statements, text, district)
    statements = _municipalities_from_text(statements, text)
    statements = _committees_from_text(statements, text)
    statements = _ministries_from_text(statements, text)
    if publisher and not where["public"]:
        statements = [_of_our_organisation(st, publisher, text) for st in statements]
    if where["federal"]:
        statements = _units_of_federal_publisher(statements, publisher, text)
    return merge_statements(fill_from_document(statements), text=text)


# police offices: the publisher's region is their jurisdiction ("Polizeipräsident Tom Muster" in a release of
# "Polizeipräsidium Mittelfranken" -> Mittelfranken, land)
_POLICE_OFFICES = {"office.polizeipraesident", "office.polizeivizepraesident", "office.polizeidirektor"}
_POLICE_TITLE = re.compile(r"^(?:\S+\s+)?(?:Polizei|Kriminal)\w+")


def _of_police(st: Statement, region: str) -> Statement:
    office_id = st.rule_id.split(":")[1] if ":" in st.rule_id else ""
    if st.jurisdiction or not (office_id in _POLICE_OFFICES or _POLICE_TITLE.match(st.role_text)):
        return st
    if st.organization and "olizei" not in st.organization:
        return st
    return replace_statement(st, jurisdiction=region, level="land", rule_id=st.rule_id + ":publisher.police")


# "unser Vorsitzender Tom Muster" in a release of an association or company: the publisher's office
# (not "unser Referent", a guest speaker)
_OUR = re.compile(r"\b[Uu]nser(?:e[mnrs]?)?\s+$")
_NOT_OURS = {"office.referent", "office.koordinator"}


def _of_our_organisation(st: Statement, publisher: str, text: str) -> Statement:
    office_id = st.rule_id.split(":")[1] if ":" in st.rule_id else ""
    if st.organization or st.level != "other" or office_id in _NOT_OURS:
        return st
    if not _OUR.search(text[max(0, st.char_start - 12) : st.char_start]):
        return st
    return replace_statement(st, organization=publisher, rule_id=st.rule_id + ":publisher.our")


# a district office without a district in a release of the Senate that names one district only ("Senat vor Ort
# in Reinickendorf … Bezirksbürgermeisterin Anna Muster") is that district's; "Mitte" only after "Bezirk"
_DISTRICT_OFFICES = {"office.bezirksbuergermeister", "office.bezirksstadtrat", "office.bezirksverordneter"}


def _districts_from_text(statements: list[Statement], text: str) -> list[Statement]:
    if not any(
        st.jurisdiction is None
        and st.rule_id.split(":")[1:2]
        and st.rule_id.split(":")[1] in _DISTRICT_OFFICES
        for st in statements
    ):
        return statements
    named = {
        place.jurisdiction
        for form, place in lexicon().places.items()
        if place.place_id.startswith("district.")
        and re.search(
            (r"\bBezirk(?:samt|s|es)?\s+" if form == "Mitte" else r"\b") + re.escape(form) + r"\b", text
        )
    }
    if len(named) != 1:
        return statements
    (district,) = named
    return [
        replace_statement(
            st, jurisdiction=district, level="kommune", rule_id=st.rule_id + ":document.district"
        )
        if st.jurisdiction is None
        and st.rule_id.split(":")[1:2]
        and st.rule_id.split(":")[1] in _DISTRICT_OFFICES
        else st
        for st in statements
    ]


# a release that names another town's mayor: a partner town or a municipality
_OTHER_TOWNS = re.compile(
    r"Partner(?:stadt|städte|gemeinde|kommune|bezirk)|Städtepartnerschaft|Schwesterstadt|\b(?:der|die) Gemeinde\b"
)
# a Berlin Senate mayor beside the Regierende Bürgermeister: "Der Regierende Bürgermeister X, Bürgermeisterin Y"
_SENATE_MAYORS = re.compile(r"Regierende[nr]? Bürgermeister(?:in)? (?:(?:Dr|Prof)\. )*[A-ZÄÖÜ]")


def _beside_senate_mayor(before: str) -> bool:
    """The Regierende Bürgermeister and his name come right before, in the same sentence and outside a quote
    ("Der Regierende Bürgermeister Michael Muster, Bürgermeisterin …"; not "Dank an den Regierenden
    Bürgermeister“, sagt Bürgermeisterin …")."""
    hits = list(_SENATE_MAYORS.finditer(before))
    return bool(hits) and not re.search(r"[.!?„“”\"»«]", before[hits[-1].end() :])


def _same_holder(a: str, b: str) -> bool:
    """Two spellings of one person: "Emine Demirbüken-Wegner" and "Emine Demirbüken-Wegener"."""
    ga, _, fa = a.rpartition(" ")
    gb, _, fb = b.rpartition(" ")
    return fa == fb or (bool(ga) and ga == gb and fa[:6] == fb[:6])


def _district_mayors(statements: list[Statement], text: str, district: str) -> list[Statement]:
    """A bare "Bürgermeister(in) Anna Muster" in a release of a Berlin district office is the district's mayor,
    unless the release speaks of another town's: it names a partner town or a municipality, the title follows
    a town's genitive or adjective ("Karmiels Bürgermeister"), or another person is the district's
    Bezirksbürgermeister. The holder of another office of the district ("Bezirksstadtrat und stellvertretender
    Bürgermeister") and the district's Bezirksbürgermeister under another spelling are the district's; beside
    the Regierende Bürgermeister a Bürgermeister is a Senate member (Berlin, land).
    Example: "Bürgermeisterin Anna Muster gratuliert" from "Bezirksamt Reinickendorf" -> Reinickendorf,
    kommune; "Bürgermeister Tom Muster aus der Partnerstadt Kiryat Beispiel" -> open."""

    def bare(st: Statement) -> bool:
        return st.jurisdiction is None and st.rule_id.split(":")[1:2] == ["office.buergermeister"]

    if not any(bare(st) for st in statements):
        return statements
    district_mayors = [
        st.person.name
        for st in statements
        if st.rule_id.split(":")[1:2] == ["office.bezirksbuergermeister"] and not st.former
    ]
    of_district = {
        st.person.person_id for st in statements if st.jurisdiction == district and st.level == "kommune"
    }
    town_before = {
        st.person.person_id
        for st in statements
        if bare(st) and _TOWN_BEFORE.search(text[max(0, st.char_start - 40) : st.char_start])
    }
    other_towns = bool(_OTHER_TOWNS.search(text))
    out = []
    for st in statements:
        if bare(st) and st.person.person_id not in town_before:
            ours = st.person.person_id in of_district or any(
                _same_holder(st.person.name, n) for n in district_mayors
            )
            if _beside_senate_mayor(text[max(0, st.char_start - 120) : st.char_start]):
                st = replace_statement(
                    st, jurisdiction="Berlin", level="land", rule_id=st.rule_id + ":publisher.senate_mayor"
                )
            elif ours or (not other_towns and not district_mayors):
                st = replace_statement(
                    st,
                    jurisdiction=district,
                    level="kommune",
                    rule_id=st.rule_id + ":publisher.district_mayor",
                )
        out.append(st)
    return out


# a town's genitive or adjective right before a title: "Karmiels Bürgermeister", "Falkenseer Bürgermeister"
_TOWN_BEFORE = re.compile(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]{2,}(?:er|s)\s+$")


# a town's mayor that names no town: "der frühere Hürther Bürgermeister" (a town adjective the text also names
# as a town: "in Hürth"), or "Bürgermeister Kleiner" in a release that names one municipality ("der Gemeinde X")
_MAYORS = {"office.buergermeister", "office.oberbuergermeister"}
_TOWN_ADJ = re.compile(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]{2,})(?:er|s)\s+$")
_MUNICIPALITY = re.compile(
    r"\b(?:der|die|Die|Der) (?:Stadt|Gemeinde|Marktgemeinde|Kreisstadt|Hansestadt) ([A-ZÄÖÜ][\w]+(?:-[A-ZÄÖÜ][\w]+)?)"
)


# a county the release names: "aus dem Kreis Bad Kreuznach", "des Landkreises Verden"
_COUNTY = re.compile(r"\b(?:Landkreis|Landkreises|Kreis|Kreises) ((?:Bad )?[A-ZÄÖÜ][\w]+(?:-[A-ZÄÖÜ][\w]+)?)")


def _municipalities_from_text(statements: list[Statement], text: str) -> list[Statement]:
    """A mayor without a town takes the town the text shows: its adjective before the title, confirmed by the
    town's name in the text ("Hürther Bürgermeister" … "in Hürth"), or the one municipality the release names."""

    def townless_mayor(st: Statement) -> bool:
        return st.jurisdiction is None and bool(_MAYORS.intersection(st.rule_id.split(":")[1:2]))

    def countyless(st: Statement) -> bool:
        return st.jurisdiction is None and st.rule_id.split(":")[1:2] == ["office.landrat"]

    if not any(townless_mayor(st) or countyless(st) for st in statements):
        return statements
    towns = set(_MUNICIPALITY.findall(text))
    counties = set(_COUNTY.findall(text))
    out = []
    for st in statements:
        if countyless(st) and len(counties) == 1:
            # "Landrätin Anna Muster ist eigens aus dem Kreis Bad Beispiel angereist": the one county named
            st = replace_statement(
                st,
                jurisdiction=next(iter(counties)),
                level="kommune",
                rule_id=st.rule_id + ":document.county",
            )
        if townless_mayor(st):
            m = _TOWN_ADJ.search(text[max(0, st.char_start - 40) : st.char_start])
            town = None
            if m and re.search(r"\b" + re.escape(m.group(1)) + r"\b", text):
                town = m.group(1)
            elif len(towns) == 1:
                town = next(iter(towns))
            if town is not None:
                st = replace_statement(
                    st, jurisdiction=town, level="kommune", rule_id=st.rule_id + ":document.municipality"
                )
        out.append(st)
    return out


def _of_publisher(st: Statement, publisher: str | None, district: str | None, state: str | None) -> Statement:
    """A contact block's office that names no body ("Anna Muster / Pressesprecherin" in a release of
    "Bezirksamt Mitte") is the publishing authority's: organization, jurisdiction and level from it."""
    if not publisher or not district or st.organization or st.level not in (None, "other"):
        return st
    level = "land" if district == state else "kommune"
    return replace_statement(
        st, organization=publisher, jurisdiction=district, level=level, rule_id=st.rule_id + ":publisher.body"
    )


# a council group's offices without a parliament in the text take the publisher's ("FDP-Fraktion im
# Deutschen Bundestag": "Parlamentarischer Geschäftsführer der FDP-Fraktion" -> bund)
_FRAKTION = re.compile(r"[Ff]raktion")


def parliament_from_publisher(publisher: str | None) -> tuple[str | None, str] | None:
    """(jurisdiction, level) of the parliament a publisher belongs to.

    Example: "FDP-Fraktion im Deutschen Bundestag" -> ("Bund", "bund"); "SPD-Fraktion im Landtag
    Brandenburg" -> ("Brandenburg", "land"); "Bezirksamt Mitte" -> None.
    """
    if not publisher or not _FRAKTION.search(publisher):
        return None
    if "Bundestag" in publisher:
        return "Bund", "bund"
    if "Abgeordnetenhaus" in publisher:
        return "Berlin", "land"
    if re.search(r"Landtag|Bürgerschaft", publisher):
        return state_from_publisher(publisher), "land"
    if re.search(r"\bBVV\b|Bezirksverordnetenversammlung", publisher):
        return level_from_publisher(publisher), "kommune"
    if re.search(r"Stadtrat|Gemeinderat|Kreistag|Stadtverordnetenversammlung|Rat der Stadt", publisher):
        # "CDU-Fraktion im Erfurter Stadtrat": the council's city from its adjective; "im Rat der Stadt X"
        town = re.search(
            r"\b([A-ZÄÖÜ][a-zäöüß]{2,})er (?:Stadtrat|Gemeinderat|Kreistag|Stadtverordnetenversammlung)\b"
            r"|\bRat der Stadt ([A-ZÄÖÜ][\w-]+)",
            publisher,
        )
        return (town.group(1) or town.group(2)) if town else None, "kommune"
    return None


def _of_parliament(st: Statement, parliament: tuple[str | None, str]) -> Statement:
    if st.level not in (None, "other") or not (
        _FRAKTION.search(st.role_text) or _FRAKTION.search(st.organization or "")
    ):
        return st
    return replace_statement(
        st,
        jurisdiction=parliament[0],
        level=parliament[1],
        rule_id=st.rule_id + ":publisher.parliament",
    )


# a parliament's committee: the offices in it ("Berichterstatter des Ausschusses für X", "Obmann im Ausschuss für
# Y") are the parliament's that the release names, where it names one only
_COMMITTEE = re.compile(r"^(?:Ausschuss|Ausschusses|Unterausschuss|Unterausschusses)\b")
_PARLIAMENTS = (
    (re.compile(r"\bEurop(?:äischen|äisches|a)[ -]?[Pp]arlament|\bEU-Parlament"), ("EU", "eu")),
    (re.compile(r"\bBundestag"), ("Bund", "bund")),
    (re.compile(r"\bAbgeordnetenhaus"), ("Berlin", "land")),
    (re.compile(r"\bLandtag|\bBürgerschaft\b"), (None, "land")),
)


def _committees_from_text(statements: list[Statement], text: str) -> list[Statement]:
    """An office in a committee without a level takes the one parliament the release names.
    Example: "Patrick Muster, der Berichterstatter des Ausschusses für bürgerliche Freiheiten" in a release
    about a hearing "vor dem Europäischen Parlament" -> EU, eu."""
    if not any(_COMMITTEE.match(st.organization or "") and st.level in (None, "other") for st in statements):
        return statements
    named = {place for rx, place in _PARLIAMENTS if rx.search(text)}
    if len(named) != 1:
        return statements
    ((jur, level),) = named
    return [
        replace_statement(st, jurisdiction=jur, level=level, rule_id=st.rule_id + ":document.parliament")
        if _COMMITTEE.match(st.organization or "") and st.level in (None, "other")
        else st
        for st in statements
    ]


# a unit of an authority that names no other body ("Abteilung Cyber-Sicherheit", "Referat Kryptografie")
_UNIT = re.compile(
    r"^(?:Abteilung|Unterabteilung|Referat|Fachbereich|Fachgebiet|Stabsstelle)\b(?!.*\b(?:der|des|GmbH|e\.\s?V)\b)"
)
# "beim BSI", "bei der ZF": the body a unit belongs to, written after the office
_AT_BODY = re.compile(r"\bbe(?:im|i (?:der|dem))\s+([A-ZÄÖÜ][\w-]*)")


def _units_of_federal_publisher(statements: list[Statement], publisher: str, text: str) -> list[Statement]:
    """The head of a unit in a release of a federal authority, where the sentence names no other body the
    unit belongs to: the authority's unit, the Bund's. Example: "Anna Muster, Leiterin der Abteilung
    Cyber-Sicherheit … beim BSI" in a release of the "Bundesamt für Sicherheit in der Informationstechnik"
    -> Bund, bund (not "… bei der ZF")."""
    acronym = re.search(re.escape(publisher) + r"\s*\(([A-ZÄÖÜ][\w-]{1,9})\)", text)
    ours = {publisher.split()[0]} | ({acronym.group(1)} if acronym else set())
    out = []
    for st in statements:
        if st.level == "other" and st.organization and _UNIT.match(st.organization):
            tail = re.split(r"[.!?]\s|\n", text[st.char_end : st.char_end + 160], maxsplit=1)[0]
            body = _AT_BODY.search(st.role_text) or _AT_BODY.search(tail)
            if body is None or body.group(1) in ours:
                st = replace_statement(
                    st, jurisdiction="Bund", level="bund", rule_id=st.rule_id + ":publisher.federal_unit"
                )
        out.append(st)
    return out


_MINISTERS = {"office.minister", "office.staatssekretaer", "office.staatsminister"}


def _ministries_from_text(statements: list[Statement], text: str) -> list[Statement]:
    """A minister without a place takes the place of the ministry of the same remit the release names.
    Example: "Guido Muster, Minister für Infrastruktur und Landesplanung" in a joint release of the
    "Ministerium für Infrastruktur und Landesplanung des Landes Brandenburg" -> Brandenburg, land;
    "Bundesministerium für Bildung und Forschung" -> Bund, bund."""
    out = []
    for st in statements:
        office_id = st.rule_id.split(":")[1] if ":" in st.rule_id else ""
        if st.jurisdiction is None and st.portfolio and office_id in _MINISTERS:
            remit = re.escape(st.portfolio)
            land = re.search(
                r"\bMinisteri(?:um|ums) für " + remit + r"\s+(?:des Landes|des Freistaate?s)\s+"
                r"(?P<j>[A-ZÄÖÜ][\w]+(?:-[A-ZÄÖÜ][\w]+)?)",
                text,
            )
            bund = re.search(r"\bBundesministeri(?:um|ums) für " + remit + r"\b", text)
            if land and not bund and land.group("j") in lexicon().places:
                place = lexicon().places[land.group("j")]
                st = replace_statement(
                    st,
                    jurisdiction=place.jurisdiction,
                    level="land",
                    rule_id=st.rule_id + ":document.ministry",
                )
            elif bund and not land:
                st = replace_statement(
                    st, jurisdiction="Bund", level="bund", rule_id=st.rule_id + ":document.ministry"
                )
        out.append(st)
    return out
