"""German function words the quote rules read: determiners, pronouns, connectors, prepositions.

Example: "Die Senatorin" starts with a determiner (DETERMINERS), "sie" is a pronoun (PRONOUNS).
"""

from __future__ import annotations

import re

from pressextract.resources.loader import word_set, word_tuple

DETERMINERS = word_set("quotes", "determiners")


PRONOUNS = {"er": "m", "sie": "f"}


# Words that join parts of a speaker mention ("Senatorin für Bildung", "Ursula von der Leyen").
CONNECTORS = word_set("quotes", "connectors")


# Words that may sit between a speech verb and its post-posed subject ("sagte am Montag Wegner").
_SKIPPABLE = word_set("quotes", "skippable")


_ADJ_END = word_tuple("quotes", "adj_end")


# Capitalized at a sentence start, but never the start of a speaker mention ("Dazu sagt …").
_FUNCTION_WORDS = _SKIPPABLE | word_set("quotes", "function_words")


# Adverbs that open a German sentence before the verb and never start a speaker mention ("Zuvor sagte …").
_ADVERBS = word_set("quotes", "adverbs")


def _adverb_like(low: str) -> bool:
    """ "zuvor", "glücklicherweise", "abschließend", "relativierend", "zweitens": no speaker starts so."""
    return (
        low in _ADVERBS
        or low.endswith("weise")
        or (low.endswith("end") and len(low) > 7)
        or low in ("erstens", "zweitens", "drittens", "letztens")
    )


_PREPOSITIONS = word_set("quotes", "prepositions")


_NOMINAL_POS = frozenset({"PROPN", "NOUN", "ADJ", "X", "NUM"})


_NAMING_WORDS = word_set("quotes", "naming_words")


_SPEECH_PRONOUNS = re.compile(
    r"\b(?:ich|wir|mir|mich|uns|unser\w*|mein\w*|du|ihr|euch|euer\w*)\b", re.IGNORECASE
)


_NO_VERB_WORDS = DETERMINERS | _PREPOSITIONS | CONNECTORS | word_set("quotes", "no_verb_words")


_FEMININE_ROLE = re.compile(r"(?:in|frau)$")


_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜ][\w'’.-]*$")


_HONORIFICS = word_set("quotes", "honorifics")


_OFFICE_SUFFIX = re.compile(
    r"(?:minister|senator|bürgermeister|sekretär|präsident|direktor|beauftragte|sprecher|leiter|chef|"
    r"vorsitzende|vorsitzender|rat|leiterin|beauftragter)(?:in)?$|rätin$",
    re.IGNORECASE,
)
