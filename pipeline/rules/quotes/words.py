"""German function words the quote rules read: determiners, pronouns, connectors, prepositions.

Example: "Die Senatorin" starts with a determiner (DETERMINERS), "sie" is a pronoun (PRONOUNS).
"""

from __future__ import annotations

import re

DETERMINERS = frozenset(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "unser",
        "unsere",
        "seine",
        "ihre",
    ]
)


PRONOUNS = {"er": "m", "sie": "f"}


# Words that join parts of a speaker mention ("Senatorin für Bildung", "Ursula von der Leyen").
CONNECTORS = frozenset(["von", "van", "de", "der", "des", "für", "im", "vom", "zu", "zur", "und"])


# Words that may sit between a speech verb and its post-posed subject ("sagte am Montag Wegner").
_SKIPPABLE = frozenset(
    [
        "am",
        "im",
        "in",
        "bei",
        "beim",
        "auf",
        "an",
        "nach",
        "vor",
        "zum",
        "zur",
        "mit",
        "gegenüber",
        "während",
        "anlässlich",
        "vom",
        "dazu",
        "dabei",
        "heute",
        "gestern",
        "außerdem",
        "zudem",
        "auch",
        "weiter",
        "ebenfalls",
        "jetzt",
        "nun",
        "abschließend",
        "bereits",
        "dann",
        "damals",
        "einst",
        "erneut",
        "nochmals",
        "zuletzt",
        "deshalb",
        "daher",
        "darüber",
        "hierzu",
        "dort",
        "hier",
        "stolz",
        "sichtlich",
        "vorab",
    ]
)


_ADJ_END = ("e", "en", "er", "es", "em")


# Capitalized at a sentence start, but never the start of a speaker mention ("Dazu sagt …").
_FUNCTION_WORDS = _SKIPPABLE | frozenset(
    [
        "so",
        "doch",
        "aber",
        "und",
        "oder",
        "damit",
        "denn",
        "wir",
        "ich",
        "es",
        "man",
        "dies",
        "diese",
        "dieser",
        "dieses",
        "was",
        "wer",
        "wie",
        "als",
        "wenn",
        "weil",
        "da",
        "dass",
        "mit",
        "ohne",
        "für",
        "gegen",
        "über",
        "unter",
        "durch",
        "um",
        "seit",
        "bis",
        "alle",
        "viele",
        "einige",
        "insgesamt",
        "gemeinsam",
        "besonders",
        "ganz",
        "sehr",
        "gerade",
        "deutlich",
        "klar",
        "letztlich",
        "schließlich",
        "insbesondere",
        "erst",
        "noch",
        "immer",
        "wieder",
        "darauf",
        "davon",
        "damit",
        "hierbei",
        "hiermit",
        "zugleich",
        "gleichzeitig",
        "vielmehr",
        "trotzdem",
        "dennoch",
        "allerdings",
    ]
)


# Adverbs that open a German sentence before the verb and never start a speaker mention ("Zuvor sagte …").
_ADVERBS = frozenset(
    [
        "dagegen",
        "zuvor",
        "weiterhin",
        "anschließend",
        "danach",
        "daraufhin",
        "zunächst",
        "ebenso",
        "bisher",
        "bislang",
        "inzwischen",
        "mittlerweile",
        "später",
        "vorher",
        "ferner",
        "hingegen",
        "jedoch",
        "demnach",
        "folglich",
        "offenbar",
        "offensichtlich",
        "angeblich",
        "vermutlich",
        "wahrscheinlich",
        "derzeit",
        "aktuell",
        "zurzeit",
        "künftig",
        "ursprünglich",
        "eigentlich",
        "tatsächlich",
        "andererseits",
        "einerseits",
        "zusätzlich",
        "übrigens",
        "unterdessen",
        "indes",
        "seinerseits",
        "ihrerseits",
        "kürzlich",
        "gleichwohl",
        "nämlich",
        "sogar",
        "lediglich",
        "morgen",
        "vorgestern",
        "übermorgen",
        "zugleich",
        "ebenfalls",
        "selbst",
        "gegenüber",
        "bereits",
        "zuerst",
        "zumindest",
        "wiederum",
        "nunmehr",
        "jetzt",
    ]
)


def _adverb_like(low: str) -> bool:
    """ "zuvor", "glücklicherweise", "abschließend", "relativierend", "zweitens": no speaker starts so."""
    return (
        low in _ADVERBS
        or low.endswith("weise")
        or (low.endswith("end") and len(low) > 7)
        or low in ("erstens", "zweitens", "drittens", "letztens")
    )


_PREPOSITIONS = frozenset(
    [
        "am",
        "im",
        "in",
        "bei",
        "beim",
        "vom",
        "zum",
        "zur",
        "auf",
        "an",
        "nach",
        "vor",
        "mit",
        "gegenüber",
        "aus",
        "über",
        "unter",
        "für",
        "durch",
        "seit",
    ]
)


_NOMINAL_POS = frozenset({"PROPN", "NOUN", "ADJ", "X", "NUM"})


_NAMING_WORDS = frozenset(["wie", "laut", "von", "vom"])


_SPEECH_PRONOUNS = re.compile(
    r"\b(?:ich|wir|mir|mich|uns|unser\w*|mein\w*|du|ihr|euch|euer\w*)\b", re.IGNORECASE
)


_NO_VERB_WORDS = (
    DETERMINERS
    | _PREPOSITIONS
    | CONNECTORS
    | frozenset(
        [
            "und",
            "oder",
            "sowie",
            "bzw",
            "mit",
            "ohne",
            "dem",
            "den",
            "des",
            "einem",
            "einen",
            "einer",
            "eines",
        ]
    )
)


_FEMININE_ROLE = re.compile(r"(?:in|frau)$")


_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜ][\w'’.-]*$")


_HONORIFICS = frozenset({"Dr", "Prof", "Herr", "Frau", "Dipl", "Ing"})


_OFFICE_SUFFIX = re.compile(
    r"(?:minister|senator|bürgermeister|sekretär|präsident|direktor|beauftragte|sprecher|leiter|chef|"
    r"vorsitzende|vorsitzender|rat|leiterin|beauftragter)(?:in)?$|rätin$",
    re.IGNORECASE,
)
