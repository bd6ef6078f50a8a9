"""Doc -> records: the only code that turns doc.spans and span extensions into rows.

The keys and payloads each stage writes are listed in pipeline/contract.py.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from pressextract.contract import register_extensions
from pressextract.records.schema import AgendaItem, Document, Event, PersonMention, Quote, Role, Timex

register_extensions()

_WORD = re.compile(r"\w+")


def _ext(span: Span, name: str) -> dict:
    return getattr(span._, name) or {}


def _block_text(doc: Doc, label: str) -> str | None:
    for span in doc.spans.get("press_blocks", []):
        if span.label_ == label:
            return span.text
    return None


def build_document(doc: Doc, *, doc_id: str, source: str, sha256: str, meta: dict) -> Document:
    text = doc.text  # spaCy rebuilds doc.text from the tokens on every access: read it once
    title = meta.get("title") or _block_text(doc, "title")
    published = meta.get("published")
    published_source = "metadata" if published else None
    if not published and doc._.press_published:
        published, published_source = doc._.press_published, "text"
    return Document(
        doc_id=doc_id,
        source=source,
        title=title,
        kicker=_block_text(doc, "kicker"),
        lead=_block_text(doc, "lead"),
        published=published,
        publisher=meta.get("publisher"),
        text=text,
        n_words=len(_WORD.findall(text)),
        sha256=sha256,
        url=meta.get("url"),
        published_source=published_source,
    )


def build_records(doc: Doc, *, doc_id: str, source: str, sha256: str, meta: dict) -> dict[str, list]:
    """All per-document rows of one processed Doc, plus person mentions for the people table."""
    out: dict[str, list] = {
        "documents": [build_document(doc, doc_id=doc_id, source=source, sha256=sha256, meta=meta)]
    }

    text = doc.text  # rebuilt from the tokens on every access: once per document, not once per row
    out["timexes"] = []
    for i, s in enumerate(doc.spans.get("press_timexes", []), 1):
        t = _ext(s, "timex")
        # The stage may know a tighter extent than the token span ("3. Mai 2019." is one token).
        start, end = t.get("char_start", s.start_char), t.get("char_end", s.end_char)
        out["timexes"].append(
            Timex(
                doc_id=doc_id,
                text=text[start:end],
                type=s.label_,
                value=t.get("value"),
                char_start=start,
                char_end=end,
                timex_id=f"{doc_id}:t{i}",
                mod=t.get("mod"),
                rule_id=t.get("rule_id"),
            )
        )

    mentions: dict[str, dict] = {}
    counts: Counter[str] = Counter()
    for s in doc.spans.get("press_people", []):
        p = _ext(s, "person")
        pid = p.get("person_id")
        if not pid:
            continue
        counts[pid] += 1
        best = mentions.get(pid)
        # Keep the fullest mention of a person in the document (given name, honorific known).
        score = (bool(p.get("given_name")), bool(p.get("honorific")), bool(p.get("gender")), -s.start_char)
        if best is None or score > best["_score"]:
            mentions[pid] = {**p, "_score": score, "_start": s.start_char, "_end": s.end_char}
    out["mentions"] = [
        PersonMention(
            person_id=pid,
            doc_id=doc_id,
            name=m.get("name") or "",
            honorific=m.get("honorific"),
            given_name=m.get("given_name"),
            family_name=m.get("family_name"),
            gender=m.get("gender"),
            n_mentions=counts[pid],
            char_start=m["_start"],
            char_end=m["_end"],
            rule_id=m.get("rule_id"),
        )
        for pid, m in mentions.items()
    ]

    out["roles"] = [
        Role(
            doc_id=doc_id,
            person_id=r.get("person_id"),
            name=r.get("name"),
            role_text=s.text,
            role=r.get("role"),
            role_norm=r.get("role_norm"),
            portfolio=r.get("portfolio"),
            organization=r.get("organization"),
            jurisdiction=r.get("jurisdiction"),
            level=r.get("level"),
            char_start=s.start_char,
            char_end=s.end_char,
            rule_id=r.get("rule_id"),
        )
        for s in doc.spans.get("press_roles", [])
        if (r := _ext(s, "role")) is not None
    ]

    out["quotes"] = [
        Quote(
            quote_id=f"{doc_id}:q{i}",
            doc_id=doc_id,
            person_id=q.get("person_id"),
            speaker=q.get("speaker"),
            cue=q.get("cue"),
            kind=q.get("kind") or "direct",
            text=s.text,
            char_start=s.start_char,
            char_end=s.end_char,
            speaker_start=q.get("speaker_start"),
            speaker_end=q.get("speaker_end"),
            rule_id=q.get("rule_id"),
        )
        for i, s in enumerate(doc.spans.get("press_quotes", []), 1)
        if (q := _ext(s, "quote")) is not None
    ]

    event_ids = []
    out["events"] = []
    for i, s in enumerate(doc.spans.get("press_events", []), 1):
        e = _ext(s, "event")
        event_ids.append(f"{doc_id}:e{i}")
        out["events"].append(
            Event(
                event_id=event_ids[-1],
                doc_id=doc_id,
                name=e.get("name"),
                type=e.get("type"),
                motto=e.get("motto"),
                start=e.get("start"),
                end=e.get("end"),
                location=e.get("location"),
                organizer=e.get("organizer"),
                recurrence=e.get("recurrence"),
                char_start=s.start_char,
                char_end=s.end_char,
                rule_id=e.get("rule_id"),
            )
        )

    out["agenda"] = []
    for i, s in enumerate(doc.spans.get("press_agenda", []), 1):
        a = _ext(s, "agenda")
        idx = a.get("event_index")
        out["agenda"].append(
            AgendaItem(
                item_id=f"{doc_id}:a{i}",
                doc_id=doc_id,
                event_id=event_ids[idx] if isinstance(idx, int) and 0 <= idx < len(event_ids) else None,
                date=a.get("date"),
                time=a.get("time"),
                end_time=a.get("end_time"),
                title=a.get("title"),
                day_label=a.get("day_label"),
                participants=tuple(a.get("participants") or ()),
                char_start=s.start_char,
                char_end=s.end_char,
                participant_names=tuple(a.get("participant_names") or ()),
                rule_id=a.get("rule_id"),
            )
        )
    return out
