"""Source phrases that name no speaker: police narrative and the wording of a law.

Example: "Der Schaden beträgt ersten Schätzungen zufolge 30.000 Euro." -> no reported statement (an estimate,
nobody named); "Die Haltung ist laut Tierschutzgesetz verboten." -> none (a law is read, not quoted);
"Nach Angaben der Feuerwehr …" and "Ersten Schätzungen der Polizei zufolge …" keep their owner and stay.
"""

from __future__ import annotations

from pressextract.resources.loader import word_set
from pressextract.rules.quotes.context import QuoteMatch

# "ersten Schätzungen", "dem Stand der Ermittlungen", "den Angaben": a source noun without an owner
_NARRATIVE = word_set("quotes", "narrative_sources")
# "laut Tierschutzgesetz", "gemäß der Tierschutz-Hundeverordnung": the endings of a law's name
_LAW_ENDINGS = tuple(word_set("quotes", "law_sources"))
_OWN = ("eigen",)  # "nach eigenen Angaben": in police texts the narrative of a party, no speaker named
# nouns that continue a narrative source without naming an owner: "Stand der Ermittlungen"
_CONTINUATIONS = frozenset({"ermittlungen", "dinge", "erkenntnisse"})


def unowned_source(q: QuoteMatch) -> bool:
    """An indirect row whose source is an estimate, the state of an inquiry, one's own account or a law
    (laut/nach/zufolge, or hearsay that took such a source as its speaker): no named speaker made it."""
    if q.kind != "indirect" or not q.speaker:
        return False
    words = [w.strip("().,;:") for w in q.speaker.split()]
    nouns = [w.casefold() for w in words if w[:1].isupper()]
    low = [w.casefold() for w in words]
    if any(w.startswith(_OWN) for w in low) and nouns and nouns[-1] in _NARRATIVE:
        return True
    if any(w.startswith("§") for w in words):
        return True  # "gemäß § 3 der Satzung"
    if not nouns:
        return False
    if nouns[0].endswith(_LAW_ENDINGS):
        return True
    # an owner after the source noun ("Schätzungen der Polizei", "Angaben der Feuerwehr") names a speaker
    return nouns[0] in _NARRATIVE and all(n in _CONTINUATIONS for n in nouns[1:])
