"""Event nouns: which lexicon noun a single word is or ends with (shared by mentions and attributes)."""

from __future__ import annotations

from pressextract.rules.events.rules import EventLexicon, EventNoun

_INFLECTIONS = ("", "s", "n", "e", "en", "es", "er", "ern")


def match_noun(word: str, *, lexicon: EventLexicon) -> tuple[EventNoun, bool] | None:
    """The event noun a single word is, or ends with (longest noun wins); (noun, plural?) or None.

    Example: "Bundeskonferenz" -> (Konferenz, False); "Pressekonferenzen" -> (Pressekonferenz, True);
    "Ablauf" -> None.
    """
    low = word.lower()
    if low in lexicon.non_words:
        return None
    single = lexicon.single
    for ending in _INFLECTIONS:
        if ending and not low.endswith(ending):
            continue
        stem = low[: len(low) - len(ending)] if ending else low
        if stem in lexicon.non_words:
            return None
        # the longest noun first: the whole stem, then ever shorter endings of it; a noun that is only
        # the end of the stem must be a suffix noun after at least 3 letters or a hyphen ("Bürger-Dialog")
        for k in range(len(stem)):
            tail = stem[k:]
            if k and tail in lexicon.non_words and tail not in single and (k >= 3 or stem[k - 1] == "-"):
                break  # the compound's head is a non-event: "Krankheitsverlauf" ends with "verlauf"
            for noun in single.get(tail, ()):
                if ending and ending != "s" and noun.rule_id.startswith("ev.en."):
                    continue  # English heads take no German endings: "Launcher" is no "Launch"
                if k == 0 or (noun.suffix and (k >= 3 or stem[k - 1] == "-")):
                    return noun, ending in ("en", "n", "e", "er", "ern", "s") and stem != low
    return None
