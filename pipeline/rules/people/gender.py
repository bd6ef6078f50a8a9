"""Gender the text binds to a person mention: a gendered person noun right before the name or in apposition
after it, read with its article. Never from the given name.

Example: "Die Malerin Monika Baer" -> f; "Dominik Krejsa, Mitarbeiter der Pressestelle" -> m;
"die Grünen-Fraktionsvorsitzende Katrin Göring-Eckardt" -> f (adjectival noun: the article decides).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pressextract.resources import LEXICON_DIR
from pressextract.resources.loader import ResourceError, read_table, word_set
from pressextract.rules.common import Tok, people_lexicon
from pressextract.rules.people.names import family_names

_MIN_SUFFIX = 5  # a compound ends in a head of at least this length ("Pressesprecherin" -> "sprecherin")


@dataclass(frozen=True, slots=True)
class GenderNouns:
    """Lowercased person-noun heads -> the gender they show; adjectival noun stems; kinship nouns."""

    heads: dict[str, str]
    adjectival: tuple[str, ...]


@lru_cache(maxsize=1)
def gender_nouns() -> GenderNouns:
    """Load people_gender_nouns.tsv and the gender sets of words_people.tsv. Example: heads["malerin"] == "f"."""
    path = LEXICON_DIR / "people_gender_nouns.tsv"
    heads: dict[str, str] = {}
    for no, (_rid, masc, fem) in read_table(path, columns=3):
        if not (masc[:1].isupper() and fem.endswith("in") and fem[:1].isupper()):
            raise ResourceError(
                f"{path.name}:{no}: a row needs a capitalised masculine and feminine (-in) form"
            )
        heads.setdefault(masc.lower(), "m")
        heads[fem.lower()] = "f"
    for word in word_set("people", "gender_f"):
        heads[word.lower()] = "f"
    for word in word_set("people", "gender_m"):
        heads[word.lower()] = "m"
    for word in word_set(
        "people", "generic_m"
    ):  # labels over a list of names: "Ansprechpartner Sara Lühmann"
        heads[word.lower()] = ""
    return GenderNouns(heads, tuple(sorted(word_set("people", "adj_nouns"), key=len, reverse=True)))


_ARTICLES = {
    # article -> (gender it shows before an adjectival noun in -e, ... in -en); None: shows none
    "der": ("m", "f"),  # der Vorsitzende (nom m) / der Vorsitzenden (dat/gen f)
    "die": ("f", None),  # die Vorsitzende / die Vorsitzenden (plural)
    "den": (None, "m"),
    "dem": (None, "m"),
    "des": (None, "m"),
    "eine": ("f", None),
    "einer": (None, "f"),
    "einen": (None, "m"),
    "einem": (None, "m"),
    "unsere": ("f", None),
    "unser": (None, None),
}


def _article(toks: Sequence[Tok], k: int) -> str | None:
    """The article before the noun at k, over at most two lowercase adjectives ("der stellvertretende")."""
    j = k - 1
    while j >= 0 and k - j <= 3:
        w = toks[j].norm
        if w.lower() in _ARTICLES and (toks[j].is_lower or j == 0 or toks[j - 1].norm in (".", ":", "„")):
            return w.lower()
        if not (toks[j].is_lower and toks[j].is_word and w.endswith(("e", "en", "er"))):
            return None
        j -= 1
    return None


def noun_gender(toks: Sequence[Tok], k: int) -> str | None:
    """Gender shown by the person noun at token k, or None when it is no person noun.

    Example: "Malerin" -> f; "der Autor" -> m; "der Fraktionsvorsitzenden" -> f; "Vorsitzende" alone -> None.
    """
    t = toks[k]
    if not (t.is_word and t.is_cap) or t.norm.endswith("innen"):
        return None
    low = t.norm.lower().split("-")[-1]
    gn = gender_nouns()
    article = _article(toks, k)
    for stem in gn.adjectival:
        if stem in low and low.endswith(("e", "en", "er")):
            if low.endswith("er"):
                return "m" if article in (None, "ein", "unser") else None
            if article is None:
                return None
            return _ARTICLES[article][0 if low.endswith("e") else 1]
    gender = _head_gender(low)
    if gender is None and (low.endswith("s") or (low.endswith("en") and article in ("des", "dem"))):
        # a masculine singular in the genitive or dative: "des Regisseurs", "dem Präsidenten"
        for form in (low[:-1], low[:-2]):
            if _head_gender(form) == "m":
                gender = "m"
                break
    if not gender or low in people_lexicon().given:
        return None
    if gender == "m" and article is not None and _ARTICLES[article] == ("f", None):
        return None  # "die Berliner …": the article contradicts a masculine noun
    return gender


def _head_gender(low: str) -> str | None:
    """The gender of the longest person-noun head a lowercased word ends in ("" for generic labels)."""
    heads = gender_nouns().heads
    gender = heads.get(low)
    if gender is None:
        for i in range(1, len(low) - _MIN_SUFFIX + 1):
            gender = heads.get(low[i:])
            if gender is not None:
                break  # the longest head: "Ansprechpartner" ("") before "Partner" (m)
    return gender


def is_person_noun(word: str) -> bool:
    """A person noun in any number or case. Example: "Landschaftsarchitekten" -> True, "Bibliothek" -> False."""
    heads = gender_nouns().heads
    low = word.lower().split("-")[-1]
    for form in (low, low[:-1], low[:-2], low[:-3] if low.endswith("innen") else ""):
        if len(form) >= 3 and (
            heads.get(form) or any(heads.get(form[i:]) for i in range(1, len(form) - _MIN_SUFFIX + 1))
        ):
            return True
    return False


def _skip_titles(toks: Sequence[Tok], k: int) -> int:
    """Index of the token before the titles that end at k ("Referent Dipl.-Ing. (FH) Florian" -> Referent)."""
    hon = people_lexicon().honorifics
    while k >= 0:
        w = toks[k].norm
        if (w in hon and hon[w].kind == "title") or w in ("a.D.", "a.", "D."):
            k -= 1  # "Kulturstaatsministerin a.D. Dr. Monika Grütters"
        elif w == ")" and k >= 2 and toks[k - 2].norm == "(" and k - 2 >= 1 and toks[k - 3].norm in hon:
            k -= 3
        else:
            break
    return k


_ADJ_ENDS = ("ende", "ender", "enden", "te", "ter", "ten", "ische", "ischer", "ischen")


def _skippable(t: Tok) -> bool:
    """A word between ", " and the noun: an article, an adjective ("die berühmte", "Stellvertretende") or a
    genitive ("Frankreichs Botschafterin"); never a name ("Anna Müller, Lisa Meier, Senatorin")."""
    if not t.is_word:
        return False
    if t.is_lower:
        return True
    plex = people_lexicon()
    if t.norm in plex.given or t.norm in family_names():
        return False
    return t.norm.endswith("s") or t.norm.lower().endswith(_ADJ_ENDS)


def mention_gender(toks: Sequence[Tok], a: int, b: int) -> str | None:
    """Gender a person noun next to the name in tokens [a, b) shows.

    Before the name: "Die Malerin Monika Baer", "Unser Referent Dr. Florian Hübner", "Die Integrationsbeauftragte,
    Katarina Niewiedzial". After it: "Sara Lühmann Pressesprecherin", "Hannah Höch, die berühmte Dadaistin",
    "Wiebke Tannert (Imkerin)", "Jorinde Falk (31), Sprecherin"; a relative pronoun right after it:
    "Natascha Muster, die 2019 den Pavillon bespielte".
    """
    before = _before(toks, a)
    after = _after(toks, b)
    if before and after and before != after:
        return "f"  # a feminine form is always meant; a masculine one may be generic ("Ansprechpartner")
    return before or after or _relative_gender(toks, a, b)


def _before(toks: Sequence[Tok], a: int) -> str | None:
    k = _skip_titles(toks, a - 1)
    if k < 0:
        return None
    g = noun_gender(toks, k)
    if g is not None:
        return g
    # "Der Bezirksbürgermeister von Mitte Stephan von Dassel", "die Premierministerin von Barbados, Mia Mottley"
    p = k - 1 if toks[k].norm == "," else k
    if p >= 2 and toks[p].is_cap and toks[p - 1].norm in ("von", "aus") and (g := noun_gender(toks, p - 2)):
        return g
    if toks[k].norm == ":" and k >= 1:
        return noun_gender(toks, k - 1)  # "Künstlerischer Leiter: René Broeders"
    # "Die Integrationsbeauftragte, Katarina Niewiedzial", "der Autor und Journalist, Dr. Peter Spork"
    if toks[k].norm == "," and k >= 2 and (_article(toks, k - 1) is not None or toks[k - 2].norm == "und"):
        return noun_gender(toks, k - 1)
    return None


def _after(toks: Sequence[Tok], b: int) -> str | None:
    j = b
    if j < len(toks) and toks[j].norm == "(":
        if j + 2 < len(toks) and toks[j + 1].norm.isdigit() and toks[j + 2].norm == ")":
            j += 3  # an age: "Jorinde Falk (31), Sprecherin"
        else:
            for m in range(j + 1, min(j + 4, len(toks))):  # "(Bildende Künstlerin und Gründerin …)"
                g = noun_gender(toks, m)
                if g is not None or not _skippable(toks[m]):
                    return g
            return None
    if j < len(toks) and toks[j].norm != ",":
        return noun_gender(toks, j) if j == b else None  # "Sara Lühmann Pressesprecherin"
    j += 1
    given = people_lexicon().given
    for m in range(j, min(j + 4, len(toks))):
        g = noun_gender(toks, m)
        if g is not None:
            # "Lisa Meier, Senatorin Emma Brandt": the title opens the next name
            # "…, der Antisemitismusbeauftragte Dr. Felix Klein": the noun opens the next name
            nxt = toks[m + 1].norm if m + 1 < len(toks) else ""
            return None if nxt in given or nxt in people_lexicon().honorifics else g
        if not _skippable(toks[m]):
            return None
    return None


# words after "die"/"der" that make it no relative pronoun of the name, or one of another case ("der wir danken":
# dative feminine)
_NOT_RELATIVE_NEXT = frozenset(
    {"wir", "ich", "man", "sie", "er", "es", "ihr", "du", "uns", "mir", "ihm", "ihnen"}
)


def _relative_gender(toks: Sequence[Tok], a: int, b: int) -> str | None:
    """A relative clause right after the name: "Natascha Muster, die 2019 den Pavillon bespielte" -> f;
    "Tom Probe, der seit Jahren hier lebt" -> m. Not a noun after the pronoun (an apposition, read above),
    not "der wir danken" (dative), not after two names ("Anna und Tom Muster, die …": plural)."""
    if b + 2 >= len(toks) or toks[b].norm != "," or toks[b + 1].norm not in ("die", "der"):
        return None
    if a > 0 and toks[a - 1].norm in ("und", "sowie", "&", "+", "/"):
        return None
    j = b + 1
    nxt = toks[j + 1]
    if not ((nxt.is_word and nxt.is_lower and nxt.norm not in _NOT_RELATIVE_NEXT) or nxt.norm[:1].isdigit()):
        return None
    # the clause's last word is its finite verb: a plural one ("Vortragende wie Anna Muster, die auf Englisch
    # referierten") or none found makes no gender
    verb = None
    for k in range(j + 1, min(len(toks), j + 30)):
        if toks[k].norm in _CLAUSE_ENDS:
            break
        if toks[k].is_word:
            verb = toks[k].norm
    else:
        return None
    if verb is None or not verb.islower() or verb.endswith("n"):
        return None
    return "f" if toks[j].norm == "die" else "m"


_CLAUSE_ENDS = frozenset({",", ".", ";", ":", "!", "?", "„", "“", "”", '"', "(", ")", "–"})
