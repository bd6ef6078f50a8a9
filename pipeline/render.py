"""A review page for one release: the text with people, roles, quotes, timexes and agenda items
highlighted (displaCy span style), followed by the extracted rows, so a researcher can check by eye.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Iterable

from spacy import displacy
from spacy.tokens import Doc, Span

VIEW_KEY = "press_view"
# Which stage spans the page shows, under which label, in which colour.
LAYERS = (
    ("press_people", "PERSON", "#a6e3ff"),
    ("press_roles", "ROLE", "#c8f7c5"),
    ("press_quotes", "QUOTE", "#ffe08a"),
    ("press_timexes", "TIMEX", "#f5c6ff"),
    ("press_agenda", "AGENDA", "#ffc9b3"),
    ("press_events", "EVENT", "#d7d2ff"),
)

_CSS = """
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;color:#222}
h1{font-size:1.4em} h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:.5em 0}
td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left} th{background:#f4f4f4}
.meta{color:#555;font-size:.9em} .legend span{display:inline-block;padding:2px 8px;margin-right:6px;border-radius:3px}
.quote{font-style:italic}
"""


def view_spans(doc: Doc) -> list[Span]:
    """All stage spans under one key with display labels (timexes show their value)."""
    spans = []
    for key, label, _ in LAYERS:
        for span in doc.spans.get(key, []):
            text_label = label
            if key == "press_timexes" and span._.timex:
                text_label = f"{span.label_} {span._.timex.get('value') or ''}".strip()
            elif key == "press_quotes" and span._.quote:
                text_label = f"QUOTE ← {span._.quote.get('speaker') or '?'}"
            spans.append(Span(doc, span.start, span.end, label=text_label))
    return spans


def _table(title: str, header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    rows = list(rows)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    if not rows:
        return f"<h2>{html.escape(title)}</h2><p class='meta'>none found</p>"
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
        for row in rows
    )
    return f"<h2>{html.escape(title)} ({len(rows)})</h2><table><tr>{head}</tr>{body}</table>"


def render_page(doc: Doc, records: dict[str, list]) -> str:
    """Full HTML page for one processed release and its records."""
    doc.spans[VIEW_KEY] = view_spans(doc)
    colors = {}
    for span in doc.spans[VIEW_KEY]:
        for _, label, color in LAYERS:
            if span.label_.startswith(label) or (
                label == "TIMEX" and span.label_.split()[0] in ("DATE", "TIME", "DURATION", "SET")
            ):
                colors[span.label_] = color
    with warnings.catch_warnings():  # a release with nothing extracted is a valid page, not a warning
        warnings.simplefilter("ignore", UserWarning)
        body = displacy.render(
            doc, style="span", options={"spans_key": VIEW_KEY, "colors": colors}, page=False
        )
    d = records["documents"][0]
    names = {m.person_id: m.name for m in records.get("mentions", [])}
    legend = "".join(f"<span style='background:{c}'>{label}</span>" for _, label, c in LAYERS)
    parts = [
        f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>{html.escape(d.title or d.doc_id)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(d.title or d.doc_id)}</h1>",
        (
            f"<p class='meta'>doc_id {html.escape(d.doc_id)} · published {html.escape(d.published or 'unknown')} · "
            f"publisher {html.escape(d.publisher or 'unknown')} · source {html.escape(d.source)}</p>"
        ),
        f"<p class='legend'>{legend}</p>",
        _table(
            "Quotes",
            ["speaker → person", "cue", "kind", "quote"],
            [
                (
                    f"{q.speaker} → {names.get(q.person_id, q.person_id)}",
                    q.cue,
                    q.kind,
                    q.text if len(q.text) < 400 else q.text[:400] + " …",
                )
                for q in records.get("quotes", [])
            ],
        ),
        _table(
            "Agenda",
            ["date", "time", "end", "title", "day", "participants"],
            [
                (
                    a.date,
                    a.time,
                    a.end_time,
                    a.title,
                    a.day_label,
                    "; ".join(names.get(p, p) for p in a.participants),
                )
                for a in records.get("agenda", [])
            ],
        ),
        _table(
            "Events",
            ["name", "type", "start", "end", "location", "organizer", "motto", "recurrence"],
            [
                (e.name, e.type, e.start, e.end, e.location, e.organizer, e.motto, e.recurrence)
                for e in records.get("events", [])
            ],
        ),
        _table(
            "People and roles",
            ["person", "role as written", "role_norm", "portfolio", "organization", "jurisdiction", "level"],
            [
                (r.name, r.role_text, r.role_norm, r.portfolio, r.organization, r.jurisdiction, r.level)
                for r in records.get("roles", [])
            ],
        ),
        _table(
            "People",
            ["name", "honorific", "given", "family", "gender", "mentions"],
            [
                (m.name, m.honorific, m.given_name, m.family_name, m.gender, m.n_mentions)
                for m in records.get("mentions", [])
            ],
        ),
        "<h2>Text</h2>",
        body,
        _table(
            "Temporal expressions",
            ["text", "type", "value"],
            [(t.text, t.type, t.value) for t in records.get("timexes", [])],
        ),
        "</body></html>",
    ]
    return "\n".join(parts)
