"""Office heads in a token list and office mentions other stages ask about.

Example: match_office("Die Staatsministerin") -> OfficeMatch(role_norm="Staatsminister", gender="f").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pressextract.resources.loader import word_set
from pressextract.rules.common import Tok, tokenize
from pressextract.rules.roles.rules import Lexicon, lexicon

# words before a hyphen and a title that name a field or a group, not an organisation: "Handball-Geschäftsführer",
# "Workshop-Leiterin", "Team-Chef"
_NOT_SCOPES = word_set("roles", "not_scope")


# compound endings of "-leitung" that name a thing or an act, not an office ("Baubegleitung", "Umleitung")
_NOT_OFFICE_ENDINGS = tuple(sorted(word_set("roles", "not_office_ending")))
# words before a bare "Leitung" that make it the direction of something: "unter der Leitung von"
_DIRECTION_OPENERS = word_set("roles", "article_prep") | word_set("roles", "direction_opener")


# Adjectives that belong to the office as written ("stellvertretender Bezirksbürgermeister").
_PREMOD = re.compile(
    r"^(?:stellvertretend|[Ss]tellv\.|kommissarisch|amtierend|ehemalig|früher|damalig|einstig|langjährig|designiert|"
    r"scheidend|neugewählt|neu|zuständig|verantwortlich|ehrenamtlich|hauptamtlich|bezirklich|[Zz]weit|[Dd]ritt|Parlamentarisch|[Ee]rst|[Gg]eschäftsführend|[Ll]eitend|[Ss]tändig|"
    r"künstlerisch|kaufmännisch|technisch|wissenschaftlich|[Ää]rztlich|pädagogisch|Chief|Senior)(?:e|er|en|es)?$"
)


# Premodifiers that make another office of the title: the deputy ("stellvertretende Fraktionsvorsitzende" ->
# role_norm "Stellvertretender Fraktionsvorsitzender") and the parliamentary one ("Parlamentarische
# Geschäftsführerin" -> "Parlamentarischer Geschäftsführer"); the role_norm keeps them as a fixed prefix.
_QUALIFIERS = (
    (re.compile(r"^(?:[Ss]tellvertretend(?:e|er|en|es)?|[Ss]tellv\.)$"), "Stellvertretender"),
    (re.compile(r"^Parlamentarisch(?:e|er|en|es)?$"), "Parlamentarischer"),
    # an ordinal deputy: "die Zweite Bürgermeisterin" (Bavaria's and Hamburg's mayor's deputy), "zweiter
    # Vorsitzender"; "Erster" stays out (the principal: Hamburg's "Erster Bürgermeister")
    (re.compile(r"^[Zz]weit(?:e|er|en|es)?$"), "Zweiter"),
    (re.compile(r"^[Dd]ritt(?:e|er|en|es)?$"), "Dritter"),
)
# the ordinal as a figure: "der 2. Vorsitzende" (the tokenizer splits the period off)
_ORDINAL_FIGURES = {"2": "Zweiter", "3": "Dritter"}


# Premodifiers and compound prefixes that make the office a past one ("der ehemalige Vorsitzende", "vom
# damaligen Leiter", "früherer Direktor", "Ex-Senatorin"): the row is kept, marked former (not held now).
_FORMER = re.compile(r"^(?:[Ee]hemalig|[Ff]rüher|[Dd]amalig|[Ee]instig)(?:e|er|en|es|em)?$")
# a town's adjective: "Hürther", "Kölner"
_TOWN_ADJ = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{2,}er$")
# "Bürgermeister a. D.", "Pfarrer i. R.": out of office, written after the title
_RETIRED = (("a.", "D."), ("i.", "R."))
_RETIRED_ONE = frozenset({"a.D.", "i.R.", "a. D.", "i. R."})


@dataclass(frozen=True, slots=True)
class OfficeMatch:
    """An office title found in text. Example: "Die Staatsministerin" -> head "Staatsministerin",
    role_norm "Staatsminister", gender "f"; token indices [start, end) cover premodifiers and head."""

    office_id: str
    head: str
    role_norm: str
    gender: str | None
    level: str | None
    jurisdiction: str | None
    kind: str
    start: int
    end: int
    head_index: int
    prefix: str = ""  # compound prefix as written: "Integrations" in "Integrationsbeauftragte"
    portfolio: str | None = (
        None  # the remit a government title's prefix names: "Bildung" in "Bildungssenatorin"
    )
    portfolio_id: str | None = None  # its row in roles_portfolio_prefixes.tsv
    scope: str | None = None  # an organisation's acronym before the title: "UN" in "UN-Generalsekretär"
    former: bool = False  # a past office: "der ehemalige Vorsitzende", "Ex-Senatorin", "Bürgermeister a. D."


# "UN-Generalsekretär", "SPD-Fraktionsvorsitzende", "CDU-Bezirksverordneter": an acronym, a hyphen, a title
# or a party's name ("Grünen-Fraktionsvorsitzende"); not "Ex-", "Vize-", "Co-" (part of the title)
_ACRONYM_SCOPE = re.compile(r"^(?!(?:Ex|Vize|Co|Ko|Interims|Noch)-)[A-ZÄÖÜ][\wäöüß]*[\wäöüß]-[A-ZÄÖÜ]")


# scopes that may open a compound title before its remit; "bundes" also gives the Bund (analyse_phrase)
_SCOPES = ("bundes", "bezirks", "landes")


def _head_at(toks: Sequence[Tok], i: int, lex: Lexicon) -> OfficeMatch | None:
    """The office title at token i with its premodifiers, the deputy's and the former's marks applied.

    Example: "der stellvertretende Bezirksbürgermeister" -> role_norm "Stellvertretender Bezirksbürgermeister";
    "der ehemalige Präsident" -> role_norm "Präsident", former."""
    m = _title_at(toks, i, lex)
    return None if m is None else _qualified(toks, m, lex)


def _qualified(toks: Sequence[Tok], m: OfficeMatch, lex: Lexicon) -> OfficeMatch:
    """Deputy and parliamentary titles get their fixed prefix in role_norm; past offices are marked former.
    The premodifiers are read before the head also where they stay outside the phrase ("der stellvertretende
    SPD-Fraktionsvorsitzende")."""
    k = m.head_index
    if k > m.start and k - 1 >= 0 and toks[k - 1].is_word and " " in m.head:
        k -= 1  # "Regierende Bürgermeisterin": the two-word title's first word is no premodifier
    quals: list[str] = []
    former = False
    while (
        k > 0
        and toks[k - 1].is_word
        and (
            _premod(toks[k - 1].norm)
            or _place_adj(toks[k - 1].norm, lex)
            or (k - 1 > 0 and _TOWN_ADJ.match(toks[k - 1].norm) and _FORMER.match(toks[k - 2].norm))
        )
    ):  # "der frühere Hürther Bürgermeister": a town's adjective between the mark and the title
        k -= 1
        w = toks[k].norm
        if _FORMER.match(w):
            former = True
            continue
        for rx, qual in _QUALIFIERS:
            if rx.match(w) and qual not in quals:
                quals.insert(0, qual)
    if k > 1 and toks[k - 1].norm == "." and toks[k - 2].norm.lower() == "stellv":
        quals.insert(0, "Stellvertretender")  # "die stellv. Vorsitzende": the tokenizer splits the period off
    elif (
        k > 1
        and toks[k - 1].norm == "."
        and toks[k - 2].norm in _ORDINAL_FIGURES
        and toks[k - 1].start == toks[k - 2].end
    ):
        quals.insert(0, _ORDINAL_FIGURES[toks[k - 2].norm])  # "der 2. Vorsitzende"
    role_norm = m.role_norm
    if m.prefix.lower() == "ex-":  # "Ex-Senatorin": the office Senator, past
        former, role_norm = True, role_norm[3:]
    e = m.end
    if e < len(toks) and (
        toks[e].norm in _RETIRED_ONE or (e + 1 < len(toks) and (toks[e].norm, toks[e + 1].norm) in _RETIRED)
    ):
        former = True  # "Bürgermeister a. D."
    quals = [q for q in quals if not role_norm.startswith(q)]
    if quals:
        role_norm = " ".join([*quals, role_norm])
    if role_norm == m.role_norm and not former:
        return m
    return _replace(m, role_norm=role_norm, former=former)


def _title_at(toks: Sequence[Tok], i: int, lex: Lexicon) -> OfficeMatch | None:
    t = toks[i]
    if not t.is_word:
        return None
    word = t.norm
    low = word.lower()
    if low in lex.not_offices:
        return None
    if word in lex.abbrevs:
        o = lex.abbrevs[word]
        return OfficeMatch(o.office_id, word, o.role_norm, None, o.level, o.jurisdiction, o.kind, i, i + 1, i)
    if not t.is_cap:
        return None  # titles other than abbreviations are capitalised nouns
    start, office, gender, prefix = i, None, None, ""
    if low in lex.multiword and i > 0 and toks[i - 1].is_word:
        prev = toks[i - 1].norm.lower()
        for stem, o, g in lex.multiword[low]:
            if prev.startswith(stem) and len(prev) - len(stem) <= 2:
                office, gender, start = o, g, i - 1
                break
    mw_start = start
    if office is None and low in lex.forms:
        office, gender = lex.forms[low]
    if office is None and low[-3:] in lex.suffix_tails:
        # the longest compound ending that leaves at least two letters before it
        for size in lex.suffix_lengths:
            if size > len(low) - 2:
                continue
            hit = lex.suffix_index.get(low[-size:])
            if hit is not None:
                suffix, o, g = hit
                pre = word[: len(word) - len(suffix)]
                if (
                    pre.endswith("-")
                    and _ACRONYM_SCOPE.match(word)
                    and not pre.lower().startswith(_SCOPES)
                    and pre[:-1] not in _NOT_SCOPES
                ):
                    # "BKA-Präsident", "Linken-Vorsitzende": the title, and the organisation before it
                    return OfficeMatch(
                        o.office_id,
                        word,
                        o.role_norm,
                        g,
                        o.level,
                        o.jurisdiction,
                        o.kind,
                        i,
                        i + 1,
                        i,
                        "",
                        None,
                        None,
                        pre[:-1],
                    )
                if pre.endswith("-") and pre[:-1] in _NOT_SCOPES:
                    office, gender = o, g  # "Handball-Geschäftsführer": the title itself, no organisation
                elif pre[-1:] in "-" or (pre.isalpha() and len(pre) >= 2):
                    office, gender, prefix = o, g, pre
                break
    scope = None
    if (
        office is None
        and "-" in word[1:-1]
        and _ACRONYM_SCOPE.match(word)
        and word.partition("-")[0] not in _NOT_SCOPES
    ):
        # an organisation's acronym before a title: "UN-Generalsekretär", "SPD-Fraktionsvorsitzende"
        # (the title as it stands, the acronym the organisation)
        pre, _, last = word.partition("-")
        sub = _title_at([Tok(last, t.start + len(pre) + 1, t.end, last)], 0, lex)
        if sub is not None:
            m = sub
            return OfficeMatch(
                m.office_id,
                word,
                m.role_norm,
                m.gender,
                m.level,
                m.jurisdiction,
                m.kind,
                i,
                i + 1,
                i,
                m.prefix,
                m.portfolio,
                m.portfolio_id,
                pre,
            )
    if office is None:
        return None
    if office.office_id == "office.leitung" and (
        low.endswith(_NOT_OFFICE_ENDINGS)
        or (i > 0 and not prefix and toks[i - 1].norm.lower() in _DIRECTION_OPENERS)
    ):
        # "Begleitung", "Umleitung", "Wasserleitung" are no offices; "unter der Leitung von …", "die Leitung
        # des Hauses" name the direction, not a title (a compound is one: "an die Projektleitung Frau X")
        return None
    role_norm = office.role_norm
    if office.type == "en":
        # "Customer Advisor", "Product Security Officer", "Head of …": an English title takes the English
        # words before its head into the title ("Chief" and "Senior" too); the title as written is its norm
        while start > 0 and i - start < 4 and _english_word(toks[start - 1], lex):
            start -= 1
        mw_start = start
        role_norm = " ".join(tok.norm for tok in toks[start : i + 1])
    # Beauftragte keep their compound: "Integrationsbeauftragte" is the title itself
    institution = field = None
    split = prefix and office.kind == "gov" and office.type != "adj"
    remit = lex.portfolio_prefixes.get(prefix.lower()) if split else None
    scope = ""
    if split and remit is None:
        # a scope before the remit: "Bundesgesundheitsminister" (Bund), "Bezirksbildungsstadtrat" (district)
        low_pre = prefix.lower()
        for sc in _SCOPES:
            if low_pre.startswith(sc) and (hit := lex.portfolio_prefixes.get(low_pre[len(sc) :])):
                remit, scope = hit, prefix[: len(sc)]
                break
    if (
        remit is None
        and split
        and office.office_id == "office.minister"
        and prefix.lower().endswith("staats")
    ):
        # "Kulturstaatsministerin": the office Staatsminister with the remit Kultur
        remit = lex.portfolio_prefixes.get(prefix.lower()[: -len("staats")])
        if remit is not None:
            role_norm = "Staatsminister"
    if remit is not None:
        # "Bildungsstaatssekretärin": the office Staatssekretär with the remit Bildung;
        # "Bezirksbildungsstadtrat": Bezirksstadtrat with the remit Bildung
        if scope.lower() == "bezirks" and office.office_id == "office.stadtrat":
            role_norm = "Bezirksstadtrat"
    elif prefix.lower() == "vize-":
        # "Vize-Präsidentin" is the title "Vizepräsident" (docs/TABLES.md: a "Vize-" compound is a title of
        # its own), written with or without the hyphen
        role_norm = "Vize" + office.role_norm.lower()
    elif (
        prefix
        and office.office_id == "office.professor"
        and prefix[:1].isupper()
        and not prefix.lower().startswith(_PROFESSOR_KINDS)
    ):
        # "Theologieprofessor": a professor of a field, the field the remit (not "Honorarprofessor", a kind)
        role_norm = office.role_norm
        field = prefix.rstrip("-")
    elif prefix and office.kind == "org" and prefix.lower().rstrip("-").endswith(_INSTITUTION_PREFIXES):
        # "Tierparkdirektor", "Schulleiterin": the head of the institution the compound names holds the title
        # itself ("Direktor", "Leiter"); in "Zoo- und Tierparkdirektor" the truncated compound before "und"
        # belongs to the title, and the two institutions are its organisation
        role_norm = office.role_norm
        if (
            i >= 2
            and toks[i - 1].norm in ("und", "&")
            and toks[i - 2].is_cap
            and toks[i - 2].norm.endswith("-")
            and len(toks[i - 2].norm) > 2
        ):
            start = i - 2
            institution = f"{toks[i - 2].norm[:-1]} und {prefix.rstrip('-')}"
    elif prefix:
        canonical = office.role_norm if prefix.endswith("-") else office.role_norm.lower()
        role_norm = prefix + canonical
    while (
        start > 0
        and toks[start - 1].is_word
        and (_premod(toks[start - 1].norm) or _place_adj(toks[start - 1].norm, lex))
    ):
        start -= 1
    head = " ".join(tok.norm for tok in toks[mw_start : i + 1])
    return OfficeMatch(
        office.office_id,
        head,
        role_norm,
        gender,
        office.level,
        office.jurisdiction,
        office.kind,
        start,
        i + 1,
        i,
        prefix,
        remit[1] if remit else field,
        remit[0] if remit else None,
        institution,
    )


# compound prefixes that name an institution its head leads ("Tierpark", "Schul", "Museums"): the compound is the
# head's title of that institution, not a title of its own (offices._title_at)
_INSTITUTION_PREFIXES = tuple(sorted(w.lower() for w in word_set("roles", "institution_prefix")))
# compound prefixes of a professor that name the kind of chair, not its field ("Honorarprofessorin")
_PROFESSOR_KINDS = tuple(sorted(w.lower() for w in word_set("roles", "professor_kind")))


# capitalised German words that open a sentence or a phrase, never part of an English title
_NOT_ENGLISH = word_set("roles", "not_english")


def _english_word(t: Tok, lex: Lexicon) -> bool:
    """A capitalised word of plain ASCII letters before an English title ("Customer", "Security"): not a
    German function word, not an office title, not a place."""
    w = t.norm
    return (
        t.is_word
        and t.is_cap
        and w.isascii()
        and w.isalpha()
        and w not in _NOT_ENGLISH
        and w.lower() not in lex.forms
        and w not in lex.places
    )


def _premod(word: str) -> bool:
    """ "stellvertretende", also capitalised at a line's start ("Stellvertretende Sprecherin")."""
    return bool(_PREMOD.match(word) or _PREMOD.match(word[:1].lower() + word[1:]))


def _place_adj(word: str, lex: Lexicon) -> bool:
    """ "Hessischer", "Berliner", "Neuköllns", "französische": a place word that can stand before an office
    title (lowercase only where the lexicon lists the lowercase adjective)."""
    place = lex.places.get(word)
    return place is not None and word != place.jurisdiction


def find_office_heads(toks: Sequence[Tok]) -> list[OfficeMatch]:
    """Every office title in a token list. Example: "Staatsministerin und Beauftragte" -> two heads.

    The people and the roles rules ask for the heads of the same block (one cached token tuple, see
    tokenize): the last few answers are kept by the tuple's identity (the entry holds the tuple, so its id
    is not reused while kept)."""
    key = id(toks)
    hit = _HEADS.get(key)
    if hit is not None and hit[0] is toks:
        return list(hit[1])
    lex = lexicon()
    may = _may_heads(lex)
    out = []
    for i, t in enumerate(toks):
        hit = may.get(t.norm)
        if hit is None:
            hit = may[t.norm] = _may_head(t.norm, lex)
        if hit:
            m = _head_at(toks, i, lex)
            if m is not None:
                out.append(m)
    if isinstance(toks, tuple) and len(toks) > 2:  # a block, not a one-word slice
        if (
            len(_HEADS) >= 1024
        ):  # a batch of documents: the roles stage reads the blocks after the people stage
            _HEADS.pop(next(iter(_HEADS)))
        _HEADS[key] = (toks, tuple(out))
    return out


_HEADS: dict[int, tuple[tuple[Tok, ...], tuple[OfficeMatch, ...]]] = {}


def _may_head(word: str, lex: Lexicon) -> bool:
    """The word can be an office title in some context: it is one on its own, or the last word of a two-word
    title ("Regierende Bürgermeisterin"). The words around a title only add to it (the first word of a
    two-word title, premodifiers), so a word that is no title alone and ends no two-word title is none
    anywhere. Example: "Senatorin" -> True; "Schule" -> False."""
    return word.lower() in lex.multiword or _title_at((Tok(word, 0, len(word), word),), 0, lex) is not None


# word -> _may_head(word) for the lexicon of _MAY_LEX: most tokens of a block are no title, and the same
# words come back in every block
_MAY: dict[str, bool] = {}
_MAY_LEX: list[Lexicon] = []
_MAY_MAX = 200_000


def _may_heads(lex: Lexicon) -> dict[str, bool]:
    if not _MAY_LEX or _MAY_LEX[0] is not lex or len(_MAY) >= _MAY_MAX:
        _MAY.clear()
        _MAY_LEX[:] = [lex]
    return _MAY


def match_office(text: str) -> OfficeMatch | None:
    """The office a short mention names, for resolving "Die Staatsministerin" to its holder.

    Example: match_office("Die Staatsministerin") -> OfficeMatch(head="Staatsministerin",
    role_norm="Staatsminister", gender="f", level=None, …); match_office("Der Senat") -> None.
    The last office title in the text wins ("Der Regierende Bürgermeister" -> Regierender Bürgermeister).
    Gender from the article where the title does not show it ("der Beauftragte" -> m).
    """
    toks = tokenize(text)
    heads = find_office_heads(toks)
    if not heads:
        return None
    m = heads[-1]
    if m.gender is None and m.start > 0 and toks[m.start - 1].norm.lower() in ("die", "eine"):
        m = _replace(m, gender="f")
    elif m.gender is None and m.start > 0 and toks[m.start - 1].norm.lower() in ("der", "ein"):
        m = _replace(m, gender="m")
    return m


def _replace(m: OfficeMatch, **kw) -> OfficeMatch:
    from dataclasses import replace

    return replace(m, **kw)


def resolve_office_holder(text: str, roles: Iterable[dict]) -> str | None:
    """person_id of the one person in `roles` (span._.role dicts of the release) holding the office
    `text` names; None when no one or several do.

    Example: "Die Staatsministerin" with roles [{person_id: "p-1", role_norm: "Staatsminister", …}] -> "p-1".
    """
    m = match_office(text)
    if m is None:
        return None
    roles = list(roles)
    holders = {r.get("person_id") for r in roles if r.get("person_id") and r.get("role_norm") == m.role_norm}
    if (
        not holders
    ):  # "Der Senator" for "Senator für Finanzen"; "Die Beauftragte" for "Integrationsbeauftragte"
        norm = m.role_norm.lower()
        holders = {
            r.get("person_id")
            for r in roles
            if r.get("person_id") and (r.get("role_norm") or "").lower().endswith(norm)
        }
    return holders.pop() if len(holders) == 1 else None
