"""Event mentions from the dependency parse: the noun an event verb or phrase is about, whatever the noun.

Example: "Im Rahmen der Ausstellung findet am 28. April ein Gespräch mit der Kuratorin statt." -> mention
"Gespräch mit der Kuratorin" (the subject or object of "findet … statt"); "Die Bibliothek lädt zum
gemeinsamen Weihnachtssingen ein." -> "Weihnachtssingen" (the "zu" phrase of "lädt … ein").

Which verbs and phrases count, and which heads are never an event ("Uhr", "Zeit"), is data:
resources/lexicons/event_arguments.tsv. The parse uses UD labels (nsubj, obj, obl, compound:prt, case).
A mention found here has no lexicon noun: its type is the noun's lemma ("Gespräch"), its class "other",
and it needs a date in its sentence or a label block under it (anchor "dated"), as generic event nouns do.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from pressextract.rules.events.mentions import Mention, _name_extent, match_noun
from pressextract.rules.events.rules import EventLexicon, EventNoun

_NOMINAL = ("NOUN", "PROPN")
_FLAT = ("flat", "flat:name", "compound", "appos")


def _has_child(tok: Token, dep: str, lowers: frozenset[str]) -> bool:
    return any(c.dep_ == dep and c.lower_ in lowers for c in tok.children)


def _frame(tok: Token, lexicon: EventLexicon) -> tuple[str, tuple[str, ...], frozenset[str]] | None:
    """The event frame a verb or noun opens: (rule id, argument relations, case words) or None.

    Example: "findet" with particle "statt" -> ("ev.arg.stattfinden", ("nsubj", "obj", "nsubj:pass"), {}).
    """
    for rid, lemma, particle, deps, cases in lexicon.frames:
        if tok.lemma_.lower() != lemma and tok.lower_ != lemma:
            continue
        if particle and not _has_child(tok, "compound:prt", frozenset({particle})):
            continue
        return rid, deps, cases
    return None


def argument_mentions(
    doc: Doc,
    *,
    lexicon: EventLexicon,
    known: Sequence[Mention] = (),
    skip: Sequence[tuple[int, int]] = (),
    timexes: Sequence[tuple[int, int]] = (),
    entities: Sequence[tuple[int, int, str]] = (),
    max_name_tokens: int = 14,
    text: str | None = None,
) -> list[Mention]:
    """Nouns that an event frame takes as its event, where no lexicon mention covers them already.

    `timexes`, `entities`: character ranges of dates and of person/place names, never an event.
    Example: "Am 25. März findet ein Gesprächsabend im Rathaus statt." -> [Mention("Gesprächsabend …")] —
    or the lexicon's own mention, when it has one; "Am Montag findet statt, was lange geplant war." -> [].
    """
    if not doc.has_annotation("DEP"):
        return []
    starts = [t.idx for t in doc] if known else []
    taken: set[int] = set()
    for m in known:  # the tokens of every known mention's name
        taken.update(range(bisect_left(starts, m.name_start), bisect_left(starts, m.name_end)))
    names = [e for e in entities if e[2] in ("PER", "LOC", "GPE")]
    out: list[Mention] = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX", "NOUN"):
            continue
        if tok.lemma_.lower() not in lexicon.frame_words and tok.lower_ not in lexicon.frame_words:
            continue
        frame = _frame(tok, lexicon)
        if frame is None:
            continue
        rid, deps, cases = frame
        args = [a for a in tok.children if a.dep_ in deps and a.pos_ in _NOMINAL]
        if any(a.left_edge.i <= t <= a.right_edge.i for a in args for t in taken if a.left_edge.i <= t):
            continue  # the frame's event is a lexicon mention already: "Die FOSSGIS Konferenz fand statt"
        for arg in args:
            if cases and not any(c.dep_ == "case" and c.lower_ in cases for c in arg.children):
                continue
            low = arg.lower_
            if low in lexicon.arg_stop or len(low) < 4 or not arg.text[:1].isupper():
                continue
            quoted = arg.i > 0 and doc[arg.i - 1].text in ("„", '"', "»", "“")
            if low in lexicon.non_words and low not in lexicon.arg_allow and not quoted:
                continue  # a quoted name is a name: "findet die „Woche der Generationen“ statt"
            pos = arg.idx
            if any(s <= pos < e for s, e in timexes) or any(s <= pos < e for s, e, _ in names):
                continue
            if skip and any(s <= pos < e for s, e in skip):
                continue
            hit = None if low in lexicon.arg_allow else match_noun(arg.text, lexicon=lexicon)
            plural = "Plur" in arg.morph.get("Number")
            if hit is not None:
                noun, plural = hit[0], plural or hit[1]
            else:
                lemma = arg.lemma_ if arg.lemma_ and arg.lemma_[:1].isupper() else arg.text
                noun = EventNoun(rid, (lemma.lower(),), False, lemma, "other", "dated")
            j = arg.i + 1
            while (
                j < len(doc) and doc[j].head.i == arg.i and doc[j].dep_ in _FLAT and doc[j].text[:1].isupper()
            ):
                j += 1  # a name in several words: "der GeoStyler Code Sprint"
            s, e = _name_extent(doc, arg.i, j, max_tokens=max_name_tokens, text=text)
            out.append(
                Mention(arg.i, arg.i + 1, noun, doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text), plural)
            )
            taken.add(arg.i)
            break  # one event per frame: the first argument that can be one
    return out


def host_of(doc: Doc, i: int, *, lexicon: EventLexicon, max_chars: int = 120) -> str | None:
    """The host of the event named at token i: the subject of the hosting verb whose argument it is
    (event_arguments.tsv, kind host), walking up through coordinated and embedded verbs.

    Example: "Die Kita „Am Kirschbaum“ feiert am 1. Juni ein Sommerfest." -> "Kita „Am Kirschbaum“";
    "Das Sommerfest findet am 1. Juni statt." -> None (no hosting verb).
    """
    if not doc.has_annotation("DEP") or not lexicon.hosts:
        return None
    tok = doc[i]
    verb = tok.head
    if tok.dep_ not in ("obj", "obl", "nsubj:pass", "nmod") or verb.lemma_.lower() not in lexicon.hosts:
        return None
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in _NOMINAL and c.i != i]
        if subj:
            return _phrase(doc, subj[0], max_chars=max_chars)
        if verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _phrase(doc: Doc, head: Token, *, max_chars: int) -> str | None:
    """The subject's words up to the first comma or clause: "Die Kita „Am Kirschbaum“, Albert-…" -> "Kita „Am Kirschbaum“"."""
    sub = list(head.subtree)
    start = head.i
    while start > sub[0].i and doc[start - 1].dep_ not in ("det", "det:poss") and doc[start - 1].text != ",":
        start -= 1
    end = head.i + 1
    while end <= sub[-1].i and doc[end].text != "," and doc[end].dep_ not in ("acl", "acl:relcl"):
        end += 1
    k = end + 1
    while k <= sub[-1].i + 1 and k < len(doc) and k - end <= 4 and doc[k].pos_ == "PROPN":
        k += 1
    if end <= sub[-1].i and doc[end].text == "," and k - end >= 2 and k < len(doc) and doc[k].text == ",":
        end = (
            k  # the name in apposition: "Lichtenbergs Bezirksstadträtin für …, Filiz Keküllüoğlu, lädt … ein"
        )
    phrase = doc[start:end].text.strip(" ,")
    if not phrase[:1].isalpha() or ":" in phrase:
        return None  # "…: Klaus Lederer": a list after a colon, no subject phrase
    if not phrase or len(phrase) > max_chars or phrase.lower() in ("wir", "sie", "man", "er", "es"):
        return None
    return phrase
