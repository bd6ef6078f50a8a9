"""A review page for one release: the text as the reader sees it (title, headings, paragraphs, lines)
with every extracted span highlighted in place, and the extracted rows in a side panel next to it.

The page is built from `documents.text` and the rows' character offsets, never token by token, so
the original spacing survives ("Kassel." stays "Kassel.", not "Kassel ."). It works the same for a
release analysed on the spot and for rows read back from an extraction output folder. Every piece of
text on the page (release text, labels, table cells, tooltips) goes through `html.escape`; a Content
Security Policy allows only the page's own script (by hash), no inline handlers and no network.
Example: render_page(records) for the rows of "Senatorin Kalayci sagte: „Wir handeln.“" -> one HTML
file with the quote highlighted and a Quotes row that jumps to it when clicked.
"""

from __future__ import annotations

import base64
import bisect
import datetime as dt
import hashlib
import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from html import escape

from pressextract.rules.layout import find_blocks

# Highlight layers: key, label shown in the legend, the table whose rows they belong to.
LAYERS = (
    ("quote", "Quote", "quotes"),
    ("speaker", "Speaker", "quotes"),
    ("person", "Person", "people"),
    ("role", "Role", "roles"),
    ("timex", "Timex", "timexes"),
    ("agenda", "Agenda item", "agenda"),
    ("event", "Event", "events"),
)

# Release blocks (labels of the layout rules) -> HTML element and class.
_BLOCK_TAGS = {
    "kicker": ("div", "kicker"),
    "title": ("h1", "title"),
    "lead": ("p", "lead"),
    "heading": ("h3", "heading"),
    "paragraph": ("p", "para"),
    "line": ("div", "line"),
    "list_item": ("div", "li"),
    "caption": ("div", "caption"),
}

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:10px 20px;background:#fff;border-bottom:1px solid #ddd}
header .meta{font-size:.85em;color:#555;margin:2px 0}
header .meta .k{color:#222;font-weight:600}
.legend{font-size:.85em;margin-top:6px}
.legend label{display:inline-block;margin-right:10px;padding:1px 6px;border-radius:3px;cursor:pointer}
.wrap{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:20px;padding:0 20px}
#text{background:#fff;padding:8px 28px 40px;border:1px solid #e3e3e3;margin:14px 0;line-height:1.6;font-size:16px}
#text p,#text div,#text h1,#text h3{white-space:pre-wrap;margin:0 0 .75em}
#text h1{font-size:1.5em;line-height:1.3;margin:.4em 0 .5em}
#text h3{font-size:1.08em;margin:1.1em 0 .35em}
#text .kicker{text-transform:uppercase;letter-spacing:.04em;font-size:.8em;color:#666;margin:.8em 0 0}
#text .lead{font-weight:600}
#text .line,#text .li{margin:0 0 .2em}
#text .li{padding-left:1.2em}
#text .caption{font-size:.85em;color:#777;border-left:3px solid #ddd;padding-left:8px}
#panel{position:sticky;top:0;max-height:100vh;overflow:auto;padding:14px 0 40px}
#panel section{background:#fff;border:1px solid #e3e3e3;margin-bottom:12px;padding:6px 10px;overflow-x:auto}
#panel h2{font-size:1em;margin:4px 0;display:flex;justify-content:space-between;align-items:center;gap:8px}
#panel h2 .n{color:#777;font-weight:400}
input.filter{font-size:.85em;padding:2px 6px;width:45%}
table{border-collapse:collapse;width:100%;font-size:.78em}
td,th{border-bottom:1px solid #eee;padding:3px 4px;vertical-align:top;text-align:left}
th{background:#f6f6f6;position:sticky;top:0}
tr[data-m]{cursor:pointer}
tr[data-m]:hover{background:#f0f6ff}
tr.focus{background:#dcebff !important}
td.off,td.src{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;color:#444}
td.src{white-space:pre-line;word-break:break-all;min-width:9em}
td.two{white-space:pre-line}
td.q{font-style:italic}
.none{color:#888;font-size:.85em;margin:2px 0 4px}
.m{border-radius:2px;cursor:pointer}
.l-agenda{background:#ffe3d6}
.l-event{text-decoration:underline;text-decoration-color:#7a6cff;text-decoration-thickness:2px}
.l-quote{background:#fff0a0}
.l-role{background:#c8f2c4}
.l-timex{background:#f3d2ff}
.l-person{box-shadow:inset 0 -3px 0 #2b8cc4;font-weight:600}
.l-speaker{box-shadow:inset 0 -3px 0 #d9822b}
.l-person.l-speaker{box-shadow:inset 0 -3px 0 #d9822b,inset 0 -6px 0 #2b8cc4}
.m.focus{outline:2px solid #e0245e;outline-offset:1px}
body.hide-agenda .l-agenda,body.hide-quote .l-quote,body.hide-role .l-role,body.hide-timex .l-timex{background:none}
body.hide-event .l-event{text-decoration:none}
body.hide-person .l-person{box-shadow:none;font-weight:inherit}
body.hide-speaker .l-speaker{box-shadow:none}
"""
_LEGEND_STYLE = {
    "quote": "background:#fff0a0",
    "speaker": "box-shadow:inset 0 -3px 0 #d9822b",
    "person": "box-shadow:inset 0 -3px 0 #2b8cc4",
    "role": "background:#c8f2c4",
    "timex": "background:#f3d2ff",
    "agenda": "background:#ffe3d6",
    "event": "text-decoration:underline #7a6cff 2px",
}

_JS = """(function(){
var text=document.getElementById('text');
function clear(){document.querySelectorAll('.focus').forEach(function(e){e.classList.remove('focus');});}
function sel(id){return '[data-m~="'+id+'"]';}
document.querySelectorAll('tr[data-m]').forEach(function(tr){
 tr.addEventListener('click',function(){
  clear();tr.classList.add('focus');
  var segs=text.querySelectorAll(sel(tr.getAttribute('data-m')));
  segs.forEach(function(s){s.classList.add('focus');});
  if(segs.length){segs[0].scrollIntoView({block:'center'});}
 });
});
text.addEventListener('click',function(ev){
 var seg=ev.target.closest('.m');if(!seg){return;}
 clear();seg.classList.add('focus');var first=null;
 seg.getAttribute('data-m').split(' ').forEach(function(id){
  document.querySelectorAll('tr[data-m="'+id+'"]').forEach(function(tr){tr.classList.add('focus');first=first||tr;});
 });
 if(first){first.scrollIntoView({block:'nearest'});}
});
document.querySelectorAll('input.filter').forEach(function(inp){
 inp.addEventListener('input',function(){
  var q=inp.value.toLowerCase(),n=0,body=document.getElementById(inp.getAttribute('data-for'));
  body.querySelectorAll('tr[data-m]').forEach(function(tr){
   var ok=tr.textContent.toLowerCase().indexOf(q)>=0;tr.hidden=!ok;if(ok){n++;}
  });
  document.getElementById(inp.getAttribute('data-for')+'-n').textContent=n;
 });
});
document.querySelectorAll('input.layer').forEach(function(cb){
 cb.addEventListener('change',function(){document.body.classList.toggle('hide-'+cb.value,!cb.checked);});
});
})();"""
_JS_HASH = base64.b64encode(hashlib.sha256(_JS.encode("utf-8")).digest()).decode("ascii")
# Only the page's own script (by hash) runs: no inline handlers, no network, no images from anywhere.
_CSP = (
    f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{_JS_HASH}'; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted character range of the text, tied to a table row (`row`, e.g. "q3")."""

    start: int
    end: int
    layer: str
    row: str
    label: str


def _plain(value: object) -> str:
    """A cell as the reader should see it: no None, nan or Python list/tuple reprs."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):  # typed columns read back from Parquet
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, str)):
        items = value.tolist() if hasattr(value, "tolist") else value
        if not isinstance(items, (list, tuple)):
            return _plain(items)
        return "; ".join(_plain(v) for v in items if _plain(v))
    if type(value).__name__ in ("NAType", "NaTType"):  # pandas' missing values
        return ""
    return str(value)


def as_rows(items: Iterable[object]) -> list[dict]:
    """Records (dataclasses) or row dicts -> plain dicts."""
    rows = []
    for item in items:
        if is_dataclass(item):
            rows.append({f.name: getattr(item, f.name) for f in fields(item)})
        else:
            rows.append(dict(item))
    return rows


def _int(value: object) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else int(number)


def _offsets(row: Mapping, start: str = "char_start", end: str = "char_end") -> str:
    s, e = _int(row.get(start)), _int(row.get(end))
    return f"{s}–{e}" if s is not None and e is not None else ""


def _src(row: Mapping) -> str:
    """rule_id and character offsets, one per line ("direct.before.colon" / "234–254")."""
    return "\n".join(v for v in (_plain(row.get("rule_id")), _offsets(row)) if v)


def _joined(row: Mapping, *names: str) -> str:
    """Several short fields in one cell, one per line ("Hessen" / "land"); empty ones left out."""
    return "\n".join(v for v in (_plain(row.get(n)) for n in names) if v)


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + " …"


@dataclass
class _Table:
    key: str
    title: str
    header: Sequence[str]
    rows: list[tuple[str, list[tuple[str, str]]]]  # (row id, [(css class, text)])


def _build(doc: Mapping, tables: Mapping[str, list[dict]], person_spans: Sequence[tuple[int, int, str]]):
    """Marks on the text and the side tables, from the rows of one document."""
    text = doc.get("text") or ""
    n = len(text)
    marks: list[Mark] = []

    def add(start: object, end: object, layer: str, row: str, label: str) -> None:
        s, e = _int(start), _int(end)
        if s is not None and e is not None and 0 <= s < e <= n:
            marks.append(Mark(s, e, layer, row, label))

    people = tables.get("people", [])
    names = {p.get("person_id"): _plain(p.get("name")) for p in people if p.get("person_id")}
    person_row = {p.get("person_id"): f"p{i}" for i, p in enumerate(people, 1) if p.get("person_id")}

    def who(pid: object) -> str:
        return names.get(pid, "") if pid else ""

    out: list[_Table] = []

    quote_rows = []
    for i, q in enumerate(tables.get("quotes", []), 1):
        rid = f"q{i}"
        speaker = _plain(q.get("speaker"))
        person = who(q.get("person_id"))
        shown = f"{speaker} → {person}" if speaker and person and person != speaker else speaker or person
        add(q.get("char_start"), q.get("char_end"), "quote", rid, f"Quote {i}: {shown or 'no speaker'}")
        add(q.get("speaker_start"), q.get("speaker_end"), "speaker", rid, f"Speaker of quote {i}: {speaker}")
        quote_rows.append(
            (
                rid,
                [
                    ("", str(i)),
                    ("", shown),
                    ("two", _joined(q, "cue", "kind")),
                    ("q", _short(_plain(q.get("text")))),
                    ("src", _src(q)),
                ],
            )
        )
    out.append(
        _Table(
            "quotes",
            "Quotes",
            ["#", "speaker → person", "cue / kind", "quote", "rule_id · chars"],
            quote_rows,
        )
    )

    people_rows = []
    has_offsets = any(p.get("char_start") is not None for p in people)
    for i, p in enumerate(people, 1):
        rid = f"p{i}"
        cells = [
            ("", _plain(p.get("name"))),
            ("", _plain(p.get("honorific"))),
            ("", _plain(p.get("gender"))),
            ("", _plain(p.get("n_mentions"))),
        ]
        if has_offsets:
            cells.append(("off", _offsets(p)))
        people_rows.append((rid, cells))
    for start, end, pid in person_spans:
        if pid in person_row:
            add(start, end, "person", person_row[pid], f"Person: {names.get(pid, '')}")
    if not person_spans:  # rows read back from tables: the fullest mention per person, where known
        for i, p in enumerate(people, 1):
            add(p.get("char_start"), p.get("char_end"), "person", f"p{i}", f"Person: {_plain(p.get('name'))}")
    header = ["name", "honorific", "gender", "mentions"] + (["chars"] if has_offsets else [])
    out.append(_Table("people", "People", header, people_rows))

    role_rows = []
    for i, r in enumerate(tables.get("roles", []), 1):
        rid = f"r{i}"
        add(r.get("char_start"), r.get("char_end"), "role", rid, f"Role: {_plain(r.get('role_norm'))}")
        role_rows.append(
            (
                rid,
                [
                    ("", _plain(r.get("name")) or who(r.get("person_id"))),
                    ("", _plain(r.get("role_text"))),
                    ("", _plain(r.get("role_norm"))),
                    ("two", _joined(r, "portfolio", "organization")),
                    ("two", _joined(r, "jurisdiction", "level")),
                    ("src", _src(r)),
                ],
            )
        )
    out.append(
        _Table(
            "roles",
            "Roles",
            [
                "person",
                "as written",
                "role_norm",
                "portfolio / organization",
                "jurisdiction / level",
                "rule_id · chars",
            ],
            role_rows,
        )
    )

    agenda_rows = []
    for i, a in enumerate(tables.get("agenda", []), 1):
        rid = f"a{i}"
        add(a.get("char_start"), a.get("char_end"), "agenda", rid, f"Agenda item {i}")
        participants = a.get("participant_names")
        if not _plain(participants):
            participants = [who(p) or p for p in (a.get("participants") or [])]
        agenda_rows.append(
            (
                rid,
                [
                    ("", _plain(a.get("date"))),
                    ("", _plain(a.get("time"))),
                    ("", _plain(a.get("end_time"))),
                    ("", _plain(a.get("title"))),
                    ("", _plain(a.get("day_label"))),
                    ("", _plain(participants)),
                    ("src", _src(a)),
                ],
            )
        )
    out.append(
        _Table(
            "agenda",
            "Agenda",
            ["date", "time", "end", "title", "day", "participants", "rule_id · chars"],
            agenda_rows,
        )
    )

    event_rows = []
    for i, e in enumerate(tables.get("events", []), 1):
        rid = f"e{i}"
        add(e.get("char_start"), e.get("char_end"), "event", rid, f"Event: {_plain(e.get('name'))}")
        event_rows.append(
            (
                rid,
                [
                    ("", _plain(e.get("name"))),
                    ("", _plain(e.get("type"))),
                    ("", _plain(e.get("start"))),
                    ("", _plain(e.get("end"))),
                    ("", _plain(e.get("location"))),
                    ("", _plain(e.get("organizer"))),
                    ("", _plain(e.get("motto"))),
                    ("", _plain(e.get("recurrence"))),
                    ("src", _src(e)),
                ],
            )
        )
    out.append(
        _Table(
            "events",
            "Events",
            [
                "name",
                "type",
                "start",
                "end",
                "location",
                "organizer",
                "motto",
                "recurrence",
                "rule_id · chars",
            ],
            event_rows,
        )
    )

    timex_rows = []
    for i, t in enumerate(tables.get("timexes", []), 1):
        rid = f"t{i}"
        add(
            t.get("char_start"),
            t.get("char_end"),
            "timex",
            rid,
            f"{_plain(t.get('type'))} {_plain(t.get('value'))}",
        )
        timex_rows.append(
            (
                rid,
                [
                    ("", _plain(t.get("text"))),
                    ("", _plain(t.get("type"))),
                    ("", _plain(t.get("value"))),
                    ("", _plain(t.get("mod"))),
                    ("src", _src(t)),
                ],
            )
        )
    out.append(
        _Table(
            "timexes",
            "Temporal expressions",
            ["text", "type", "value", "mod", "rule_id · chars"],
            timex_rows,
        )
    )
    return marks, out


def _blocks(text: str, title: str | None) -> list[tuple[str, int, int]]:
    """Layout blocks covering every non-blank character (a gap the rules leave becomes a paragraph)."""
    has_title = bool(title) and text.startswith(title or "")
    found = sorted((b.start, b.end, b.label) for b in find_blocks(text, has_title=has_title))
    blocks: list[tuple[str, int, int]] = []
    pos = 0
    for start, end, label in found:
        if start < pos:
            continue
        if text[pos:start].strip():
            blocks.append(("paragraph", pos, start))
        blocks.append((label, start, end))
        pos = end
    if text[pos:].strip():
        blocks.append(("paragraph", pos, len(text)))
    return blocks


def _segments(text: str, start: int, end: int, marks_by_pos: dict, cuts: list[int], active: dict) -> str:
    """HTML of text[start:end], split where highlights begin or end (original characters kept)."""
    parts = []
    inner = cuts[bisect.bisect_right(cuts, start) : bisect.bisect_left(cuts, end)]
    points = [start, *inner, end]
    for a, b in itertools.pairwise(points):
        for m in marks_by_pos.get(("end", a), ()):
            active.pop(m, None)
        for m in marks_by_pos.get(("start", a), ()):
            active[m] = None
        chunk = escape(text[a:b], quote=True)
        if not active:
            parts.append(chunk)
            continue
        ordered = sorted(active, key=lambda m: (m.start, -m.end, m.layer, m.row))
        layers = " ".join(f"l-{lay}" for lay in sorted({m.layer for m in ordered}))
        rows = " ".join(dict.fromkeys(m.row for m in ordered))
        tip = "\n".join(dict.fromkeys(m.label for m in ordered))
        parts.append(
            f'<span class="m {layers}" data-m="{escape(rows, quote=True)}" title="{escape(tip, quote=True)}">'
            f"{chunk}</span>"
        )
    return "".join(parts)


def _text_html(text: str, title: str | None, marks: list[Mark]) -> str:
    marks_by_pos: dict[tuple[str, int], list[Mark]] = defaultdict(list)
    cut_set: set[int] = set()
    for m in marks:
        marks_by_pos[("start", m.start)].append(m)
        marks_by_pos[("end", m.end)].append(m)
        cut_set.update((m.start, m.end))
    blocks = _blocks(text, title)
    cut_set.update(p for _, s, e in blocks for p in (s, e))
    cuts = sorted(cut_set)
    active: dict[Mark, None] = {}
    out = []
    pos = 0
    for label, start, end in blocks:
        # the blank lines between blocks: close and open highlights there without printing them
        for p in cuts[bisect.bisect_left(cuts, pos) : bisect.bisect_right(cuts, start)]:
            for m in marks_by_pos.get(("end", p), ()):
                active.pop(m, None)
            if p < start:
                for m in marks_by_pos.get(("start", p), ()):
                    active[m] = None
        tag, cls = _BLOCK_TAGS.get(label, ("p", "para"))
        body = _segments(text, start, end, marks_by_pos, cuts, active)
        out.append(f'<{tag} class="{cls}" data-chars="{start}-{end}">{body}</{tag}>')
        pos = end
    return "\n".join(out)


def _table_html(table: _Table) -> str:
    tid = f"tab-{table.key}"
    head = "".join(f"<th>{escape(h)}</th>" for h in table.header)
    n = len(table.rows)
    title = f'<h2><span>{escape(table.title)} <span class="n">(<span id="{tid}-n">{n}</span>)</span></span>'
    if not table.rows:
        return f'<section>{title}</h2><p class="none">none found</p></section>'
    body = "".join(
        f'<tr data-m="{escape(rid, quote=True)}">'
        + "".join(f'<td class="{c}">{escape(v)}</td>' if c else f"<td>{escape(v)}</td>" for c, v in cells)
        + "</tr>"
        for rid, cells in table.rows
    )
    search = f'<input class="filter" type="search" placeholder="filter {escape(table.title.lower())}" data-for="{tid}">'
    return f'<section>{title}{search}</h2><table><thead><tr>{head}</tr></thead><tbody id="{tid}">{body}</tbody></table></section>'


def render_page(
    records: Mapping[str, Iterable[object]],
    *,
    person_spans: Sequence[tuple[int, int, str]] = (),
    notice: str | None = None,
) -> str:
    """One self-contained HTML page for one document and its rows.

    `records`: table name -> rows (dataclasses or dicts) of one document; "documents" holds its one row,
    "people" (or the per-document "person_docs") the people named in it. `person_spans`: every mention
    as (char_start, char_end, person_id), when the analysed Doc is at hand.
    """
    tables = {name: as_rows(rows) for name, rows in records.items()}
    if "people" not in tables and "person_docs" in tables:
        tables["people"] = tables["person_docs"]
    docs = tables.get("documents") or [{}]
    doc = docs[0]
    text = _plain(doc.get("text"))
    doc_id = _plain(doc.get("doc_id"))
    title = _plain(doc.get("title")) or None
    marks, side = _build({**doc, "text": text}, tables, person_spans)
    counts = {layer: len({m.row for m in marks if m.layer == layer}) for layer, _, _ in LAYERS}

    def meta(name: str, value: object) -> str:
        return f'<span class="k">{escape(name)}</span> {escape(_plain(value) or "–")}'

    legend = "".join(
        f'<label style="{_LEGEND_STYLE[layer]}"><input type="checkbox" class="layer" value="{layer}" checked> '
        f"{escape(label)} ({counts[layer]})</label>"
        for layer, label, _ in LAYERS
    )
    info = " · ".join(
        [
            meta("doc_id", doc_id),
            meta("published", doc.get("published")),
            meta("publisher", doc.get("publisher")),
            meta("source", doc.get("source")),
        ]
    )
    url = _plain(doc.get("url"))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="de"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(_CSP, quote=True)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title or doc_id or 'pressextract review')}</title>",
        f"<style>{_CSS}</style></head><body>",
        "<header>",
        f'<div class="meta">{info}</div>',
        f'<div class="meta">{meta("url", url)}</div>' if url else "",
        f'<div class="meta notice">{escape(notice)}</div>' if notice else "",
        f'<div class="legend">Highlights (click a row or a highlight to jump; untick to hide): {legend}</div>',
        "</header>",
        '<div class="wrap">',
        f'<main id="text" lang="de">{_text_html(text, title, marks)}</main>',
        '<aside id="panel">' + "".join(_table_html(t) for t in side) + "</aside>",
        "</div>",
        f"<script>{_JS}</script>",
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p)


def person_spans_of(doc) -> list[tuple[int, int, str]]:
    """Every person mention of an analysed Doc as (char_start, char_end, person_id)."""
    spans = []
    for span in doc.spans.get("press_people", []):
        person = getattr(span._, "person", None) or {}
        if person.get("person_id"):
            spans.append((span.start_char, span.end_char, person["person_id"]))
    return spans
