"""Quotations in German press text: direct quotes in quotation marks and reported (indirect) speech,
with their cue (lemma of the speech verb or phrase) and speaker mention. Pure functions on a Doc.

Example: "„Wir handeln“, sagte Senatorin Kalayci." -> direct quote "Wir handeln", cue "sagen",
speaker "Senatorin Kalayci".

Works on spacy.blank("de") (token shapes + lexicons); with a statistical model the cue can come from
the lemma, the speaker from the subject dependency and Konjunktiv from the morphology.
"""

from pressextract.rules.quotes.context import QuoteMatch, QuoteOptions
from pressextract.rules.quotes.find import find_quotes
from pressextract.rules.quotes.marks import find_marked
from pressextract.rules.quotes.resolve import Mention, resolve_speaker
from pressextract.rules.quotes.rules import LEXICON_DIR, LexiconError, QuoteRules, load_lexicon, load_rules

__all__ = [
    "LEXICON_DIR",
    "LexiconError",
    "Mention",
    "QuoteMatch",
    "QuoteOptions",
    "QuoteRules",
    "find_marked",
    "find_quotes",
    "load_lexicon",
    "load_rules",
    "resolve_speaker",
]
