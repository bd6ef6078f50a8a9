"""Source phrases that name no speaker: estimates and the state of an inquiry in police narrative.

Example: "Der Schaden beträgt ersten Schätzungen zufolge 30.000 Euro." -> no reported statement (an estimate,
nobody named); "Ersten Schätzungen der Polizei zufolge …" keeps its owner and stays. One's own account ("nach
eigenen Angaben"), a bare "Angaben zufolge" and a law ("laut Gesetz") stay too: the WIKINEWS gold annotates them
as reported statements with that phrase as the speaker.
"""

from __future__ import annotations

from pressextract.resources.loader import word_set
from pressextract.rules.quotes.context import QuoteMatch

# "ersten Schätzungen", "dem Stand der Ermittlungen": a source noun without an owner
_NARRATIVE = word_set("quotes", "narrative_sources")
# nouns that continue a narrative source without naming an owner: "Stand der Ermittlungen"
_CONTINUATIONS = word_set("quotes", "narrative_continuations")


def unowned_source(q: QuoteMatch) -> bool:
    """An indirect row whose source is an estimate or the state of an inquiry (laut/nach/zufolge, or hearsay
    that took such a source as its speaker): no named speaker made it."""
    if q.kind != "indirect" or not q.speaker:
        return False
    words = [w.strip("().,;:") for w in q.speaker.split()]
    nouns = [w.casefold() for w in words if w[:1].isupper()]
    if not nouns:
        return False
    # an owner after the source noun ("Schätzungen der Polizei", "Angaben der Feuerwehr") names a speaker
    return nouns[0] in _NARRATIVE and all(n in _CONTINUATIONS for n in nouns[1:])
