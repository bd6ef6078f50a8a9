"""The extent of an office phrase and what it says: portfolio, organization, jurisdiction, level.

Example: "Hessischer Minister für Soziales und Integration" -> Minister, portfolio "Soziales und Integration", Hessen, land.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pressextract.resources.loader import word_set
from pressextract.rules.common import Tok, is_institution_word
from pressextract.rules.roles.offices import OfficeMatch, _head_at
from pressextract.rules.roles.rules import lexicon

# a public body's unit before the body's genitive: "Abteilung Naturschutz" in "der Abteilung Naturschutz des
# Landkreises Verden" (the body's cue gives jurisdiction and level)
_UNIT_OF_BODY = re.compile(
    r"^((?:Abteilung|Referat|Fachbereich|Fachgebiet|Amt|Dezernat|Stabsstelle|Geschäftsstelle|Bereich)\b[^,]*?) "
    r"(?:des|der) "
)


# Articles and prepositions that may stand inside an office phrase ("Senatorin für Bildung, Jugend und Familie").
_ARTICLE_PREP = word_set("roles", "article_prep")


# Words that continue an office phrase: the articles/prepositions above (but not "auf", "über"),
# conjunctions, and the abbreviations of "a. D.", "i. R.", "e. V.".
_FUNCTION = (_ARTICLE_PREP - {"auf", "über"}) | word_set("roles", "function")


_GEN_ART = word_set("roles", "gen_art")


# a genitive after a public title that names a body or place, not a remit ("Frauenbeauftragte des Bezirks")
_NOT_REMIT = re.compile(
    r"^(?:Bezirk|Bezirks|Bezirkes|Landes|Bundes|Stadt|Gemeinde|Senats|Kreises|Vereins|BVV|"
    r"Hauses|Amtes|Verwaltung)\b"
)


_LOC_PREP = word_set("roles", "loc_prep")
# a body's board between a member's title and the organisation: "Mitglied im Vorstand der Beispiel AG"
_BOARDS = word_set("roles", "board")


_ADJ_END = re.compile(r"(?:e|en|er|es|em)$")


# prepositions that open a participle phrase after an article ("den von X vorgelegten Entwurf")
_NP_OPENERS = frozenset({"von", "vom", "im", "in", "auf", "aus", "mit", "zu", "bei", "nach", "seit"})


# legal forms written in lowercase that end an organisation's name ("Beispiel gGmbH", "Verein e. V.")
_LEGAL_FORMS = word_set("roles", "legal_form")


# prepositions before the organisation of a university, company or association office ("Professorin … an der
# Beispiel-Hochschule", "Principal beim Fonds")
_ORG_PREP = word_set("roles", "org_prep")


@dataclass(slots=True)
class OfficePhrase:
    """An office as written: premodifiers + head + complements, token indices [start, end)."""

    head: OfficeMatch
    start: int
    end: int
    text: str = ""
    char_start: int = 0
    char_end: int = 0
    portfolio: str | None = None
    organization: str | None = None
    jurisdiction: str | None = None
    level: str | None = None
    cue_id: str | None = None
    coordinated_with: list[int] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)  # roles_public_bodies.tsv rows the phrase names


def phrase_extent(
    toks: Sequence[Tok],
    head: OfficeMatch,
    *,
    name_starts: frozenset[int],
    head_starts: frozenset[int],
    max_tokens: int = 30,
) -> int:
    """End (exclusive token index) of the office phrase that starts with `head`.

    Example: "Senatorin für Bildung, Jugend und Familie, Katrin Lompscher" -> ends after "Familie".
    """
    n = len(toks)
    j = head.end
    enum_open = enum_closed = False
    item_caps = 0
    last = j
    while j < n and j - head.start < max_tokens:
        t = toks[j]
        if j in name_starts:
            break
        if j == head.end and _name_after_head(toks, j):
            break  # "Bezirksstadtrat Ephraim Gothe, Tel.": a name, not a complement
        if t.norm in _LEGAL_FORMS and j > head.end and toks[j - 1].is_cap:
            j += 1  # "Geschäftsführer der Beispiel gGmbH"
            last = j
            continue
        if t.is_word and t.is_lower:
            w = t.norm
            if j > head.end and toks[j - 1].is_cap and j + 1 < n and toks[j + 1].norm in _LEGAL_FORMS:
                j += 2  # "Stiftung Kinder lesen e. V.": a name's lowercase word before its legal form
                last = j
                continue
            if w in ("und", "sowie", "bzw.", "oder"):
                if j + 1 >= n or (j + 1) in name_starts or _starts_head(j + 1, toks, head_starts):
                    break
                if j + 2 < n and toks[j + 1].is_word and _starts_head(j + 2, toks, head_starts):
                    break  # "Studienleiter und Sozialwissenschaftlicher Referent": a second office
                if not enum_open and toks[j + 1].is_lower:
                    break  # "Vorstand der BVG und in Anwesenheit von …": the phrase is over
                if enum_closed:
                    break  # "für Senioren und Menschen mit Behinderung und Organisator des …": a second "und"
                if enum_open:
                    enum_closed = True
                    item_caps = 0
                j += 1
                continue
            if w == "für":
                enum_open, enum_closed, item_caps = True, False, 0
                j += 1
                continue
            if w == "mit" and enum_open and toks[j - 1].is_cap and j + 1 < n and toks[j + 1].is_cap:
                j += 1  # a remit "für Senioren und Menschen mit Behinderung"
                continue
            if w in ("der", "die", "den", "dem", "das") and j + 1 < n and toks[j + 1].norm in _NP_OPENERS:
                break  # "Rat der Bürgermeister den von Innensenator … vorgelegten": a new noun phrase
            if w in _FUNCTION:
                if enum_open and w in _ARTICLE_PREP:
                    enum_open = enum_closed = False
                j += 1
                continue
            # a lowercase adjective inside a complement: "der kommunalen Galerien"
            if (
                _ADJ_END.search(w)
                and j > head.end
                and toks[j - 1].norm in _ARTICLE_PREP | {"für"}
                and j + 1 < n
                and toks[j + 1].is_cap
            ):
                j += 1
                continue
            break
        if t.is_word or t.norm[:1].isdigit():
            if (
                t.is_word
                and j > head.end
                and _starts_head(j, toks, head_starts)
                and toks[j - 1].norm not in _ARTICLE_PREP
            ):
                break  # a second office without "und": a new phrase
            # "… und Verkehr Martin Schaefer": the name after the last portfolio; but a known name
            # further on ends it there ("… und Facility Management Filiz Keküllüoğlu")
            if (
                enum_closed
                and item_caps >= 1
                and t.is_cap
                and (run := _cap_run(toks, j)) >= 2
                and not any(j < x < j + run for x in name_starts)
            ):
                break
            item_caps += 1
            j += 1
            if t.norm.isdigit() and j + 1 < n and toks[j].norm == "." and toks[j + 1].is_cap:
                j += 1  # an ordinal: "Präsident der 27. UN-Klimakonferenz"
            last = j
            continue
        if (
            t.norm == "-"
            and enum_open
            and toks[j - 1].is_word
            and toks[j - 1].end == t.start
            and j + 1 < n
            and toks[j + 1].norm in (",", "und", "oder", "sowie")
        ):
            j += 1  # "für Engagement-, Demokratieförderung und Internationales": a truncated compound
            last = j
            continue
        if (
            t.norm == ","
            and enum_open
            and not enum_closed
            and j + 1 < n
            and toks[j + 1].is_cap
            and (j + 1) not in name_starts
            and not _starts_head(j + 1, toks, head_starts)
        ):
            item_caps = 0
            j += 1
            continue
        break
    # drop dangling function words ("Staatssekretär für" at a line end)
    end = max(last, head.end)
    while (
        end > head.end
        and toks[end - 1].is_lower
        and not toks[end - 1].norm.endswith(".")
        and toks[end - 1].norm not in _LEGAL_FORMS
    ):
        end -= 1
    return end


def _name_after_head(toks: Sequence[Tok], j: int) -> bool:
    """1–3 capitalised words right after a title, then a break: a name ("Senatorin Kalayci:"), unless
    they name a place ("Bezirksstadtrat Charlottenburg-Wilmersdorf") or go on into a complement
    ("Koordinatorin Kulturelle Bildung im Bezirksamt")."""
    places = lexicon().places
    k = j
    while k < len(toks) and toks[k].is_word and toks[k].is_cap and not toks[k].norm.isupper():
        w = toks[k].norm
        if w in places or any(p in places for p in w.split("-")) or w.endswith("-") or is_institution_word(w):
            return False
        k += 1
    if not 1 <= k - j <= 3:
        return False
    if k < len(toks) and (
        toks[k].norm in _ARTICLE_PREP
        or toks[k].norm in ("für", "und", "sowie", "-")
        or toks[k].norm[:1].isdigit()
        or toks[k].norm.isupper()
    ):
        return False
    return bool(lexicon().forms) and _head_at(toks, j, lexicon()) is None


def _starts_head(j: int, toks: Sequence[Tok], head_starts: frozenset[int]) -> bool:
    return j in head_starts


def _cap_run(toks: Sequence[Tok], j: int) -> int:
    k = j
    while k < len(toks) and toks[k].is_word and toks[k].is_cap:
        k += 1
    return k - j


def _span_text(text: str, toks: Sequence[Tok], start: int, end: int, offset: int) -> str:
    return text[toks[start].start - offset : toks[end - 1].end - offset]


def analyse_phrase(text: str, toks: Sequence[Tok], ph: OfficePhrase, *, offset: int = 0) -> OfficePhrase:
    """Fill text, portfolio, organization, jurisdiction and level of a phrase from its words.

    Example: "Oberbürgermeister der Stadt Kassel" -> jurisdiction Kassel, level kommune.
    """
    lex = lexicon()
    ph.portfolio = ph.organization = None  # a phrase may be analysed again (for a second holder)
    ph.text = _span_text(text, toks, ph.start, ph.end, offset)
    ph.char_start, ph.char_end = toks[ph.start].start, toks[ph.end - 1].end
    words = toks[ph.start : ph.end]
    after = toks[ph.head.end : ph.end]
    # portfolio: the first "für" enumeration, or a genitive remit ("Ministerin der Justiz")
    remit_end = None
    for k, t in enumerate(after):
        if t.norm == "für" and (ph.head.kind == "gov" or k == 0):
            stop = k + 1
            while stop < len(after) and not (
                after[stop].norm in _ARTICLE_PREP
                and stop > k + 1
                and not _genitive_in_remit(after, stop, ph.head.kind)
            ):
                stop += 1
            if stop > k + 1:
                ph.portfolio = _clean(text, after, k + 1, stop, offset)
                remit_end = stop
            break
    ph.bodies = [bid for bid, rx in lex.bodies if rx.search(ph.text)]
    public = bool(ph.bodies)
    gen = None
    unit_of_body = False
    if (
        ph.head.kind == "org"
        and len(after) > 1
        and (
            after[0].norm == "vom"
            or (after[0].norm == "von" and (after[1].norm in ("der", "dem") or after[1].is_cap))
        )
    ):
        # "Sprecherin vom Klimastreik Landau", "Leiter von der Beispiel GmbH", "CEO von Beispiel": the organisation
        first = 2 if after[0].norm == "von" and after[1].norm in ("der", "dem") else 1
        stop = first
        while stop < len(after) and not (stop > first and after[stop].norm in _LOC_PREP):
            stop += 1
        gen = _clean(text, after, first, stop, offset)
    elif (
        len(after) > 3
        and after[0].norm in ("im", "des")
        and _is_board(after[1].norm)
        and after[2].norm in _GEN_ART
    ):
        # "Mitglied im Vorstand der Beispiel AG", "Mitglied des Vorstands der Stiftung Muster": the organisation
        # is the board's
        stop = 3
        while stop < len(after) and not (stop > 3 and after[stop].norm in _LOC_PREP):
            stop += 1
        gen = _clean(text, after, 3, stop, offset)
    elif after and after[0].norm in _GEN_ART and len(after) > 1:
        stop = 1
        # a remit ends at "für" ("Ministerin der Justiz für …"); a body keeps it ("des Zentrums für …")
        while (
            stop < len(after)
            and not (after[stop].norm == "für" and ph.head.kind == "gov")
            and not (stop > 1 and after[stop].norm in _LOC_PREP)
        ):
            stop += 1
        gen = _clean(text, after, 1, stop, offset)
    # the public body the office belongs to, as written: "Staatssekretär der Senatsverwaltung für Mobilität",
    # "Präsidentin des Bundesamtes für Naturschutz", "Bezirksverordneter der SPD-Fraktion",
    # "Staatssekretär im Entwicklungsministerium"
    body = None
    # a unit of one or two capitalised words before it: "Vorstand Regionen der Bundesagentur für Arbeit"
    first = 0
    while first < min(2, len(after)) and after[first].is_cap:
        first += 1
    if first and not (first < len(after) and after[first].norm in _GEN_ART):
        first = 0
    if (
        public
        and len(after) > first + 1
        and (after[first].norm in _GEN_ART or (first == 0 and after[0].norm in ("im", "beim")))
    ):
        stop = first + 1
        while stop < len(after) and not (stop > first + 1 and after[stop].norm in _LOC_PREP):
            stop += 1
        seg = _clean(text, after, first + 1, stop, offset)
        if seg and any(rx.search(seg) for _, rx in lex.bodies):
            body = seg
    # jurisdiction and level
    jur = level = cue_id = None
    for cue in lex.cues:
        m = cue.pattern.search(ph.text)
        if m:
            j = m.groupdict().get("j") or cue.jurisdiction
            if j in lex.places and lex.places[j].jurisdiction != j:
                j = lex.places[j].jurisdiction
            jur, level, cue_id = j, cue.level, cue.cue_id
            break
    if jur is None and (ph.head.kind in ("gov", "parl") or public):
        for t in words:
            place = lex.places.get(t.norm)
            if place is not None and t is not words[ph.head.head_index - ph.start]:
                jur, level, cue_id = place.jurisdiction, place.level, place.place_id
                break
    if jur is None and ph.head.prefix:
        pre = ph.head.prefix.lower()
        if pre.startswith("bundes") and (
            ph.head.kind != "org" or pre.startswith(("bundesrats", "bundestags", "bundesverfassungsgerichts"))
        ):  # "Bundesratspräsident" is the Bund's, "NABU-Bundesgeschäftsführer" is not
            jur, level, cue_id = "Bund", "bund", "prefix.bundes"
        elif pre.startswith("landes") and (
            ph.head.kind != "org"
            or ph.head.office_id in ("office.leiter", "office.direktor", "office.praesident")
        ):  # "Landeswahlleiter", "Landesbranddirektor"; not "Landesvorsitzender" (a party's)
            level, cue_id = (
                "land",
                "prefix.landes",
            )  # "Landestierschutzbeauftragte": which Land, from the publisher
        elif pre.startswith("bezirks") and ph.head.kind != "org":
            level, cue_id = (
                "kommune",
                "prefix.bezirks",
            )  # "Bezirksbeauftragter": which district, from the publisher
        elif pre.startswith(("eu-", "europa")) and ph.head.portfolio is None:  # "Europasenator": a remit
            jur, level, cue_id = "EU", "eu", "prefix.eu"
        elif pre.startswith("senats"):
            # a city state's office; which one comes from the text or the publisher (state_from_publisher)
            level, cue_id = "land", "prefix.senats"
    if jur is None and ph.head.jurisdiction:
        jur = ph.head.jurisdiction
    if (
        gen
        and ph.head.kind == "gov"
        and not public
        and ph.portfolio is None
        and gen != jur
        and not any(cue.pattern.search(art + gen) for cue in lex.cues for art in ("der ", "des "))
        and gen not in lex.places
        and not _NOT_REMIT.match(gen)
    ):
        ph.portfolio = gen
    elif gen and ph.head.kind != "gov" and not public and (cue_id is None or level == "international"):
        ph.organization = gen
    elif (
        gen
        and ph.head.kind == "org"
        and not public
        and level in ("kommune", "land", "bund")
        and (unit := _UNIT_OF_BODY.match(gen))
    ):
        # "Leiter der Abteilung Naturschutz des Landkreises Verden": a unit of the body the cue names, which
        # keeps the body's jurisdiction and level
        ph.organization, unit_of_body = unit.group(1), True
    if (
        ph.organization is None
        and ph.head.kind == "org"
        and not public
        and len(after) >= 2
        and all(t.is_cap or t.norm in ("-", "&") for t in after)
        and not any(t.norm in lex.places and lex.places[t.norm].level != "kommune" for t in after[:1])
    ):
        ph.organization = _clean(
            text, after, 0, len(after), offset
        )  # "Geschäftsführer Kulturprojekte Berlin"
    if ph.organization is None and ph.head.kind == "org" and not public and gen is None:
        # "Vice President Global Engineering der Beispiel Group": a unit, then the organisation
        k = 0
        while k < len(after) and after[k].is_cap:
            k += 1
        if 0 < k < len(after) - 1 and after[k].norm in _GEN_ART:
            stop = k + 1
            while stop < len(after) and not (stop > k + 1 and after[stop].norm in _LOC_PREP):
                stop += 1
            ph.organization = _clean(text, after, k + 1, stop, offset)
    if ph.organization is None and ph.head.kind == "org" and not public:
        # "Professorin für … an der Beispiel-Hochschule Berlin", "Principal beim Beispiel-Fonds"
        ph.organization = _org_after_prep(text, after, offset)
    if (
        ph.organization is None
        and ph.head.kind == "org"
        and not public
        and remit_end is not None
        and remit_end + 1 < len(after)
        and after[remit_end].norm in ("der", "des")
        and after[remit_end + 1].is_cap
    ):
        # "Vizepräsidentin für Forschung und Transfer der HTW Berlin": the genitive after the remit
        stop = remit_end + 1
        while stop < len(after) and not (stop > remit_end + 1 and after[stop].norm in _LOC_PREP):
            stop += 1
        ph.organization = _clean(text, after, remit_end + 1, stop, offset)
    if body is not None and ph.organization is None:
        ph.organization = body
    if ph.head.level:
        level = ph.head.level
    elif (
        ph.head.kind == "org"
        and not public
        and not unit_of_body
        and (level is None or cue_id is None or ph.organization)
        and (level not in ("bund", "eu", "international") or (ph.organization and level != "international"))
    ):
        level = "other"
    if level == "other":
        jur = None
    if ph.portfolio is None and ph.head.portfolio:
        ph.portfolio = ph.head.portfolio  # "Bildungsstaatssekretärin" -> Staatssekretär, Bildung
    if ph.head.scope and ph.organization is None:
        ph.organization = ph.head.scope  # "UN-Generalsekretär" -> UN (the level from its cue stays)
    ph.jurisdiction, ph.level, ph.cue_id = jur, level, cue_id
    return ph


def _is_board(word: str) -> bool:
    """ "Vorstand", "Aufsichtsrats", also a compound of one: "Bundesvorstandes", "Landesvorstand"."""
    return word in _BOARDS or (
        word[:1].isupper() and any(word.endswith(b.lower()) and len(word) > len(b) + 2 for b in _BOARDS)
    )


def _genitive_in_remit(after: Sequence[Tok], k: int, kind: str) -> bool:
    """ "Professorin für Theorie und Praxis der Sozialen Arbeit": a genitive inside an academic remit
    (org offices only; a government remit ends before "des Landes …")."""
    return (
        kind == "org"
        and after[k].norm in ("der", "des")
        and k + 1 < len(after)
        and after[k + 1].is_cap
        and not after[k + 1].norm.isupper()  # "für Forschung der HTW Berlin": an acronym names the body
        and after[k - 1].is_cap
        and not _NOT_REMIT.match(after[k + 1].norm)
        and not is_institution_word(after[k + 1].norm)
    )


# a unit of an organisation after "in der"/"im": "in der Hauptabteilung Seelsorge", "im Referat Kultur"
_UNIT_WORD = re.compile(
    r"^(?:Haupt|Unter)?(?:[Aa]bteilung|Referat|Fachbereich|Stabsstelle|Dezernat|Geschäftsstelle)\b"
)


def _org_after_prep(text: str, after: Sequence[Tok], offset: int) -> str | None:
    """The organisation after "an der", "am", "bei", "beim" in an office phrase, up to the next preposition."""
    for k, t in enumerate(after):
        if k == 0 or not (
            t.norm in _ORG_PREP
            or (t.norm in ("in", "im") and any(_UNIT_WORD.match(x.norm) for x in after[k + 1 : k + 3]))
        ):
            continue  # "Referent für Liturgie in der Hauptabteilung Seelsorge des …": a unit, not a place
        first = k + 1 + (k + 1 < len(after) and after[k + 1].norm in ("der", "dem", "den"))
        if first >= len(after) or not after[first].is_cap:
            return None
        stop = first + 1
        while stop < len(after) and not (after[stop].norm in _LOC_PREP or after[stop].norm == "für"):
            stop += 1
        return _clean(text, after, first, stop, offset)
    return None


def _clean(text: str, toks: Sequence[Tok], a: int, b: int, offset: int) -> str | None:
    while b > a and (
        (toks[b - 1].is_lower and toks[b - 1].norm not in _LEGAL_FORMS) or toks[b - 1].norm in ",;"
    ):
        b -= 1
    if b <= a:
        return None
    return _span_text(text, toks, a, b, offset).replace("\u00ad", "")


def level_from_publisher(publisher: str | None) -> str | None:
    """The jurisdiction a release's publisher names, for offices without a place in the text.

    Example: "Bezirksamt Neukölln" -> "Neukölln"; "Senatsverwaltung für Finanzen" -> "Berlin";
    "Senatskanzlei Hamburg" -> "Hamburg"; "Polizei Berlin" -> None.
    """
    if not publisher:
        return None
    m = re.search(r"Bezirksamt\s+([A-ZÄÖÜ][\w]+(?:-[A-ZÄÖÜ][\w]+)?)", publisher)
    if m:
        place = lexicon().places.get(m.group(1))
        return place.jurisdiction if place else m.group(1)
    if re.search(r"\bSenat(?:sverwaltung|skanzlei)\b|Regierende", publisher):
        return state_from_publisher(publisher)  # a Land's own administration: the Land
    return None


# Publishers that are Berlin's own administration without naming the city ("Senatsverwaltung für Finanzen",
# "Der Regierende Bürgermeister Senatskanzlei"); Hamburg's and Bremen's name their city ("Senatskanzlei Hamburg").
_BERLIN_ADMIN = re.compile(r"\bSenatsverwaltung\b|\bSenatskanzlei\b|Regierende")


def state_from_publisher(publisher: str | None) -> str | None:
    """The Land a release's publisher belongs to, for a city state's offices that name no place.

    Example: "Bezirksamt Neukölln" -> "Berlin"; "Senatskanzlei Hamburg" -> "Hamburg";
    "Polizeipräsidium München" -> None (a city, not a Land).
    """
    if not publisher:
        return None
    places = lexicon().places
    for word in re.findall(r"[\w-]+", publisher):
        place = places.get(word)
        if place is not None and place.level == "land":
            return place.jurisdiction
    m = re.search(r"Bezirksamt\s+([A-ZÄÖÜ][\w]+(?:-[A-ZÄÖÜ][\w]+)?)", publisher)
    if m and (place := places.get(m.group(1))) is not None and place.place_id.startswith("district."):
        return "Berlin"  # roles_districts.tsv: Berlin's twelve districts
    if _BERLIN_ADMIN.search(publisher):
        return "Berlin"
    return None


# Publishers that are public bodies beyond those roles_public_bodies.tsv names (Staatskanzlei, a city, a county,
# a fire brigade, an election officer): their releases speak for a government
_PUBLIC_PUBLISHER = re.compile(
    r"Staatskanzlei|Landeswahlleit|Feuerwehr|Bezirksamt|Regierende|Landratsamt|Landkreis|Kreisverwaltung|"
    r"Stadtverwaltung|^(?:Stadt|Gemeinde|Markt|Hansestadt|Landeshauptstadt)\b"
)


# unions, associations and foundations that name a public body ("Gewerkschaft der Polizei")
_NOT_PUBLIC_PUBLISHER = re.compile(r"Gewerkschaft|[Vv]erband\b|[Vv]erein\b|\be\.\s?V\.|Stiftung")


def publisher_is_public(publisher: str | None) -> bool:
    """The publisher is a public body (a ministry, police, a court, a parliament or its groups, a city).

    Example: "Polizeipräsidium München" -> True; "BUND Naturschutz in Bayern" -> False.
    """
    if not publisher or _NOT_PUBLIC_PUBLISHER.search(publisher):
        return False
    return bool(_PUBLIC_PUBLISHER.search(publisher)) or any(
        rx.search(publisher) for _, rx in lexicon().bodies
    )


# federal ministries and agencies (not the Bundesrat, whose Ministers are the Länder's, nor courts or groups)
_FEDERAL_PUBLISHER = re.compile(
    r"^(?:Die )?Bundes(?:ministeri|amt|anstalt|agentur|regierung|kanzleramt|kriminalamt|polizei|zentrale|"
    r"institut|netzagentur|kartellamt|beauftragte)|Presse- und Informationsamt der Bundesregierung|"
    r"^Auswärtiges Amt"
)


def publisher_is_federal(publisher: str | None) -> bool:
    """The publisher is a federal ministry or agency, whose Minister or Staatssekretär a bare title names.

    Example: "Bundesministerium für Bildung und Forschung" -> True; "Bundesrat" -> False.
    """
    return bool(publisher and _FEDERAL_PUBLISHER.search(publisher))


_POLICE_PUBLISHER = re.compile(
    r"^Polizei(?:präsidium|direktion|inspektion)?\s+(?:(?:des Landes|für|in)\s+)?(?P<region>[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?)\s*$"
)


def police_region_from_publisher(publisher: str | None) -> str | None:
    """The region of a police headquarters that publishes a release: its officers' jurisdiction.

    Example: "Polizeipräsidium Mittelfranken" -> "Mittelfranken"; "Polizei Berlin" -> "Berlin";
    "Gewerkschaft der Polizei" -> None.
    """
    if not publisher:
        return None
    m = _POLICE_PUBLISHER.match(publisher.strip())
    return m.group("region") if m else None
