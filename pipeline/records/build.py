"""Doc -> records: the only code that turns doc.spans and span extensions into rows.

The keys and payloads each stage writes are listed in pipeline/contract.py.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from pressextract.contract import register_extensions
from pressextract.records.schema import (
    PERSON_DOCS,
    AgendaItem,
    Document,
    Event,
    Mention,
    PersonMention,
    Quote,
    Role,
    Timex,
)

register_extensions()

_WORD = re.compile(r"\w+")
# How a people span was found -> how the mention is resolved to its person (mentions.resolved_by).
_RESOLVED_BY_RULE = {"person.family_later": "family_name"}
_PRONOUNS = frozenset({"er", "sie", "ihm", "ihr", "ihn", "sein", "seine", "ihre", "dieser", "diese"})


def _resolved_by(person: dict, text: str) -> str:
    """How a name mention is tied to its person: "family_name" where the text leaves out the given name
    the person has ("Frau Scheeres" for Sandra Scheeres), else "name"."""
    if person.get("rule_id") in _RESOLVED_BY_RULE:
        return _RESOLVED_BY_RULE[person["rule_id"]]
    given = person.get("given_name")
    return "family_name" if given and given.split()[0] not in text else "name"


def _ext(span: Span, name: str) -> dict:
    return getattr(span._, name) or {}


def _holders(role: dict) -> list[dict]:
    """A roles span's payload and those of further holders of the same title ("also")."""
    return [role, *role.get("also", ())] if role else []


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
    out["mentions"] = []
    for s in doc.spans.get("press_people", []):
        p = _ext(s, "person")
        pid = p.get("person_id")
        if not pid:
            continue
        counts[pid] += 1
        out["mentions"].append(
            Mention(
                mention_id=f"{doc_id}:m{len(out['mentions']) + 1}",
                doc_id=doc_id,
                person_id=pid,
                text=s.text,
                resolved_by=_resolved_by(p, s.text),
                rule_id=p.get("rule_id"),
                char_start=s.start_char,
                char_end=s.end_char,
            )
        )
        best = mentions.get(pid)
        # Keep the fullest mention of a person in the document (given name, honorific known).
        score = (bool(p.get("given_name")), bool(p.get("honorific")), bool(p.get("gender")), -s.start_char)
        if best is None or score > best["_score"]:
            mentions[pid] = {**p, "_score": score, "_start": s.start_char, "_end": s.end_char}
    out[PERSON_DOCS] = [
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
    # A person_id that names no person of this document (a quote speaker "Die Berliner Polizei" turned into
    # an id) would dangle in the output: every person_id in roles, quotes and agenda has a people row.
    known = set(mentions)

    def person(pid: str | None) -> str | None:
        return pid if pid in known else None

    out["roles"] = [
        Role(
            doc_id=doc_id,
            person_id=person(r.get("person_id")),
            name=r.get("name"),
            role_text=text[r["char_start"] : r["char_end"]] if "char_start" in r else s.text,
            role=r.get("role"),
            role_norm=r.get("role_norm"),
            portfolio=r.get("portfolio"),
            organization=r.get("organization"),
            jurisdiction=r.get("jurisdiction"),
            level=r.get("level"),
            char_start=r.get("char_start", s.start_char),
            char_end=r.get("char_end", s.end_char),
            rule_id=r.get("rule_id"),
            former=bool(r.get("former")),
        )
        for s in doc.spans.get("press_roles", [])
        for r in _holders(_ext(s, "role"))
    ]

    out["quotes"] = [
        Quote(
            quote_id=f"{doc_id}:q{i}",
            doc_id=doc_id,
            person_id=person(q.get("person_id")),
            speaker=q.get("speaker"),
            cue=q.get("cue"),
            kind=q.get("kind") or "direct",
            text=s.text,
            char_start=s.start_char,
            char_end=s.end_char,
            speaker_start=q.get("speaker_start"),
            speaker_end=q.get("speaker_end"),
            rule_id=q.get("rule_id"),
            speaker_org=q.get("speaker_org"),
        )
        for i, s in enumerate(doc.spans.get("press_quotes", []), 1)
        if (q := _ext(s, "quote")) is not None
    ]
    _add_speaker_mentions(out["mentions"], out["quotes"], doc_id=doc_id, text=text)

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
        ids, names = list(a.get("participants") or ()), list(a.get("participant_names") or ())
        keep = [k for k, pid in enumerate(ids) if pid in known]
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
                participants=tuple(ids[k] for k in keep),
                char_start=s.start_char,
                char_end=s.end_char,
                participant_names=tuple(names[k] for k in keep) if len(names) == len(ids) else tuple(names),
                rule_id=a.get("rule_id"),
            )
        )
    return out


def _add_speaker_mentions(mentions: list[Mention], quotes: list[Quote], *, doc_id: str, text: str) -> None:
    """Quote speakers bound to a person through an office or a pronoun are mentions too.

    Example: „…“, sagte die Staatsministerin. (after "Staatsministerin Annette Widmann-Mauz") -> a mention
    "die Staatsministerin" of her person_id, resolved_by "office".
    """
    taken = [(m.char_start, m.char_end) for m in mentions]
    for q in quotes:
        start, end = q.speaker_start, q.speaker_end
        if not q.person_id or start is None or end is None or end <= start:
            continue
        if any(s < end and start < e for s, e in taken):
            continue  # the speaker is a name the people stage found: already a mention
        words = text[start:end].split()
        resolved_by = "pronoun" if len(words) == 1 and words[0].casefold() in _PRONOUNS else "office"
        taken.append((start, end))
        mentions.append(
            Mention(
                mention_id=f"{doc_id}:m{len(mentions) + 1}",
                doc_id=doc_id,
                person_id=q.person_id,
                text=text[start:end],
                resolved_by=resolved_by,
                rule_id="person.quote_speaker",
                char_start=start,
                char_end=end,
            )
        )
