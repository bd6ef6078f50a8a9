"""Event-noun mentions and the extent of an event's name.

Example: "die Bundeskonferenz der Integrationsbeauftragten tagte" -> mention "Bundeskonferenz der Integrationsbeauftragten".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pressextract.resources.loader import word_set
from pressextract.rules.events.attributes import _is_venue
from pressextract.rules.events.nouns import match_noun
from pressextract.rules.events.rules import _DETS, EventLexicon, EventNoun


@dataclass(slots=True)
class Mention:
    """One event-noun mention. Example: "Bundeskonferenz" (tokens 40–41) -> type Konferenz."""

    start: int  # token index of the noun
    end: int
    noun: EventNoun
    name_start: int  # character offsets of the name phrase
    name_end: int
    plural: bool = False


_CONNECT = word_set("events", "connect")
_ENGLISH = word_set("events", "english")
_FUNCTION_WORDS = word_set(
    "events", "function"
)  # "Am Safer Internet Day": "Am" is not part of the name  # English event heads, whose name stands in front of them


# a venue in a list of places: its name, a comma, then a street ("Bahnhofstr. 33", "Matthäikirchplatz")
# ("…, Forum Köpenick, Bahnhofstr. 33", "…, Freizeitforum Marzahn, Marzahner Promenade 55")
_ADDRESS_AFTER = re.compile(
    r"(?: [A-ZÄÖÜ][\w-]+)?, [A-ZÄÖÜ][^,\n]{0,40}?"
    r"(?:(?:stra(?:ß|ss)e|platz|allee|damm|weg|[Pp]romenade|ufer|ring|chaussee)\b|str\.)"
)
_QUOTE_OPEN = '„“»"‚'


_QUOTE_CLOSE = '“”«"‘'


def _name_extent(doc: Doc, i: int, j: int, *, max_tokens: int, text: str | None = None) -> tuple[int, int]:
    """Token range of the event name around the noun doc[i:j]: city adjective before it, then a quoted
    title, a genitive ("der Integrationsbeauftragten") and "von/für/zum …" complements.

    Example: "die Bundeskonferenz der Integrationsbeauftragten von Bund, Ländern und Kommunen tagte"
    -> "Bundeskonferenz der Integrationsbeauftragten von Bund, Ländern und Kommunen".
    """
    start = i
    if i > 0:
        prev = doc[i - 1]
        line_start = prev.idx == 0 or (doc.text if text is None else text)[prev.idx - 1] == "\n"
        if (
            (
                prev.text[:1].isupper()
                and prev.lower_ not in _DETS
                and prev.lower_.endswith("er")
                and not prev.is_sent_start
            )
            or re.fullmatch(r"\d{1,3}\.", prev.text)
            or (
                # a title line "Offizielle Eröffnung „…“": the adjective is part of the name
                line_start
                and prev.is_alpha
                and len(prev.text) > 4
                and prev.text[:1].isupper()
                and prev.lower_ not in _DETS
                and re.search(r"(?:e|er|es|en)$", prev.lower_)
                and (not prev.pos_ or prev.pos_ == "ADJ")
            )
        ):
            start = i - 1
    if (
        start == i
        and i > 0
        and len(doc[i - 1].text) >= 3
        and doc[i - 1].is_alpha
        and doc[i - 1].text.isupper()
    ):
        start = i - 1  # an acronym names the event: "die FOSSGIS Konferenz"
    if doc[i].lower_.rsplit("-", 1)[-1] in _ENGLISH and start == i:
        # an English name puts its words in front of the head: "30. Leibniz Conference", "Berlin Art Week"
        while (
            start > 0
            and i - start < 3
            and doc[start - 1].text[:1].isupper()
            and (doc[start - 1].is_alpha or "-" in doc[start - 1].text)
            and doc[start - 1].lower_ not in _DETS
            and doc[start - 1].lower_ not in _FUNCTION_WORDS
            and doc[start - 1].pos_ not in ("ADP", "DET", "PRON", "ADV", "CCONJ", "VERB", "AUX")
            and "\n" not in doc[start - 1].whitespace_
        ):
            start -= 1
        if start > 0 and re.fullmatch(r"\d{1,3}\.", doc[start - 1].text):
            start -= 1
    end = j
    sent_end = doc[i].sent.end
    limit = min(sent_end, j + max_tokens)
    k = j
    if k < limit and doc[k].text in _QUOTE_OPEN:
        m = k + 1
        while m < limit and doc[m].text not in _QUOTE_CLOSE:
            m += 1
        if m < limit:
            return start, m + 1
    last_ok = end
    state = "need_np" if doc[j - 1].lower_ in ("der", "des") else "after_noun"  # "Tag der" + "Zahngesundheit"
    while k < limit:
        t = doc[k]
        low = t.lower_
        if state in ("after_noun", "after_np") and low in _CONNECT and k + 1 < limit:
            # "der/des" only as genitive right after a noun; "und/sowie" only inside a complement list
            if low in ("und", "sowie") and state == "after_noun":
                break
            state = "need_np"
            k += 1
            continue
        if (
            state == "after_np"
            and t.text == ","
            and k + 1 < limit
            and doc[k + 1].text[:1].isupper()
            and doc[k + 1].lower_ not in _DETS
        ):
            state = "need_np"
            k += 1
            continue
        if state == "need_np":
            if low in _DETS or re.fullmatch(r"\d{1,4}\.?", t.text):
                k += 1
                continue
            if (
                t.is_alpha
                and t.text[:1].islower()
                and re.search(r"(?:e|en|er|es|em)$", low)
                and k + 1 < limit
                and doc[k + 1].text[:1].isupper()
            ):
                k += 1  # attributive adjective before the noun: "der jeweiligen Länder"
                continue
            if t.text[:1].isupper() and (t.is_alpha or "-" in t.text):
                k += 1
                while (
                    k < limit
                    and doc[k].text[:1].isupper()
                    and (doc[k].is_alpha or "-" in doc[k].text)
                    and doc[k].lower_ not in _DETS
                ):
                    k += 1
                last_ok = k
                state = "after_np"
                continue
            break
        break
    end = max(end, last_ok)
    if (
        end + 2 < min(sent_end, len(doc))
        and doc[end].text == "("
        and doc[end + 2].text == ")"
        and re.fullmatch(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9&.-]{1,11}", doc[end + 1].text)
        and any(c.isupper() for c in doc[end + 1].text[1:])
    ):
        end += 3  # the short name in parentheses: "UN-Klimakonferenz (COP27)", "Fachtagung (FTW24)"
    return start, end


def find_mentions(
    doc: Doc,
    *,
    lexicon: EventLexicon,
    skip: Sequence[tuple[int, int]] = (),
    max_name_tokens: int = 14,
    text: str | None = None,
) -> list[Mention]:
    """Event-noun mentions outside the skipped character ranges (captions, programme lines).

    Example: "In Kassel tagte die Bundeskonferenz." -> [Mention(noun=Konferenz, name="Bundeskonferenz")].
    """
    out: list[Mention] = []
    text = doc.text if text is None else text  # spaCy rebuilds doc.text from the tokens on every access
    toks = list(doc)  # doc[i] builds a new Token object on every access
    lowers = [t.lower_ for t in toks]
    n_toks = len(toks)
    multi = lexicon.multi
    nouns: dict[str, tuple[EventNoun, bool] | None] = {}  # match_noun per word, once per document
    i = 0
    while i < n_toks:
        tok = toks[i]
        if skip and any(s <= tok.idx < e for s, e in skip):
            i += 1
            continue
        hit: tuple[EventNoun, bool] | None = None
        j = i + 1
        for noun in multi.get(lowers[i], ()):
            n = len(noun.words)
            if i + n <= n_toks and tuple(lowers[i : i + n]) == noun.words:
                hit, j = (noun, False), i + n
                break
        word = tok.text
        if hit is None and word[:1].isupper() and (tok.is_alpha or "-" in word):
            hit = nouns[word] if word in nouns else nouns.setdefault(word, match_noun(word, lexicon=lexicon))
        elif hit is None and tok.is_alpha and word[:1].islower() and any(c.isupper() for c in word[1:]):
            hit = match_noun(word, lexicon=lexicon)  # camel: "das Berliner jugendFORUM"
        if hit is not None and i > 0 and lowers[i - 1] in ("im", "ins") and _is_venue(word, lexicon.venues):
            hit = None  # "im Kulturforum": the place of an event, not the event
        elif (
            hit is not None
            and i > 0
            and toks[i - 1].text == ","
            and _is_venue(word, lexicon.venues)
            and _ADDRESS_AFTER.match(text, tok.idx + len(word))
        ):
            hit = (
                None  # "im Saal, Freizeitforum Marzahn, Marzahner Promenade 55": a venue in a list of places
            )
        if hit is None:
            i += 1
            continue
        noun, plural = hit
        if (
            noun.words[-1] in ("der", "des")
            and (
                j >= n_toks
                or (i > 0 and toks[i - 1].text in _QUOTE_OPEN)  # a title: "Baumzählung „Tag des Stadtbaums“"
                or not toks[j].text[:1].isupper()
                or match_noun(toks[j].text, lexicon=lexicon) is not None
            )
        ):
            i += 1  # "am Tag der Wahl", "am Tag des Festes": the day of an event, not an event of its own
            continue
        if (
            plural
            and lowers[i].endswith("s")
            and i > 0
            and lowers[i - 1] in ("des", "eines", "jedes", "dieses")
        ):
            plural = False  # genitive singular: "des Sommerfests"
        last = toks[j - 1]
        after = text[last.idx + len(last.text) : last.idx + len(last.text) + 80]
        if any(w == noun.words[-1] and rx.search(after) for _, w, rx in lexicon.non_after):
            i = j
            continue
        s, e = _name_extent(doc, i, j, max_tokens=max_name_tokens, text=text)
        name_start, name_end = toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text)
        out.append(Mention(i, j, noun, name_start, name_end, plural))
        i = j
    return out


_QUOTED = re.compile(r"[„\"»]([A-ZÄÖÜ][^“”\"«„\n]{2,80})[“”\"«]")


TITLE_NOUN = EventNoun("ev.title", (), False, "Veranstaltung", "other", "any")


def title_mentions(
    doc: Doc, *, lexicon: EventLexicon, skip: Sequence[tuple[int, int]] = (), known: Sequence[Mention] = ()
) -> list[Mention]:
    """Quoted titles that name an event of their own (patterns/event_cues.jsonl, kind title): the title is
    the subject of "findet … statt", not the title of an event noun in front of it.

    Example: "Die „Fête de la Musique“ findet am Donnerstag statt." -> Mention(name="Fête de la Musique");
    "Die Ausstellung „Godori“ findet …" -> [] (the noun "Ausstellung" is the mention).
    """
    out: list[Mention] = []
    taken = [(doc[m.start].idx, m.name_end) for m in known]
    for sent in doc.sents:
        for cid, rx in lexicon.cues_of("title"):
            for m in rx.finditer(sent.text):
                s, e = sent.start_char + m.start("title"), sent.start_char + m.end("title")
                if any(a <= s < b for a, b in skip) or any(a <= s <= b for a, b in taken):
                    continue
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                noun = EventNoun(cid, (), False, TITLE_NOUN.type, TITLE_NOUN.cls, TITLE_NOUN.anchor)
                out.append(Mention(span.start, span.end, noun, s, e))
    return out


@dataclass(slots=True)
class EventMatch:
    """One event of a document: the evidence sentence, the event dict, and where it is mentioned."""

    start: int
    end: int
    event: dict
    mentions: list[int] = field(default_factory=list)
