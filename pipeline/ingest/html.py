"""HTML press release -> main text, title, date, publisher (trafilatura + htmldate, boilerplate removed).

Paragraphs and headings become blank-line separated blocks, list items and <br> single lines,
the same shape as the plain-text releases, so layout rules see one format. Boilerplate is data:
`resources/patterns/html_boilerplate.jsonl` (landmarks, contact boxes, captions, press-number lines);
what it removes that a reader may still want (captions, contact, press number) is kept in `removed`.

Example: a berlin.de page -> title from its <h1>, published 2024-06-12 from
"Pressemitteilung vom 12.06.2024", body without "Direkt zur Kontaktinformation" and the contact box.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

_BLOCKS = {"p", "head", "list", "table", "quote", "code"}
_PATTERNS = ("patterns", "html_boilerplate.jsonl")
_KEEP = ("captions", "contact", "press_number")
_DATE_IN_LINE = re.compile(r"\bvom\s+(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")


class BoilerplateConfigError(ValueError):
    """A bad entry in html_boilerplate.jsonl (named by file and line)."""


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    rule_id: str
    kind: str  # "drop" (XPath of elements) or "line" (regex of a whole text block)
    pattern: str
    keep: str | None
    compiled: object


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    text: str
    title: str | None
    published: str | None
    publisher: str | None
    url: str | None
    removed: dict[str, list[str]] = field(default_factory=dict)


def load_boilerplate(text: str, *, source: str = "html_boilerplate.jsonl") -> tuple[BoilerplateRule, ...]:
    """Parse and validate the boilerplate rules; a bad line raises with file and line number.

    Example: '{"id": "line.x", "kind": "line", "pattern": "(unclosed"}' -> BoilerplateConfigError("…:1: …").
    """
    rules = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BoilerplateConfigError(f"{where}: not JSON: {exc.msg}") from exc
        if "_comment" in entry:
            continue
        rule_id, kind, pattern, keep = (
            entry.get("id"),
            entry.get("kind"),
            entry.get("pattern"),
            entry.get("keep"),
        )
        if not rule_id or not isinstance(pattern, str) or not pattern:
            raise BoilerplateConfigError(f"{where}: needs 'id' and 'pattern'")
        if keep is not None and keep not in _KEEP:
            raise BoilerplateConfigError(f"{where}: keep must be one of {_KEEP}, not {keep!r}")
        try:
            if kind == "drop":
                compiled: object = etree.XPath(pattern)
            elif kind == "line":
                compiled = re.compile(pattern, re.IGNORECASE)
            else:
                raise BoilerplateConfigError(f"{where}: kind must be 'drop' or 'line', not {kind!r}")
        except (etree.XPathSyntaxError, re.error) as exc:
            raise BoilerplateConfigError(f"{where}: bad {kind} pattern {pattern!r}: {exc}") from exc
        rules.append(BoilerplateRule(rule_id, kind, pattern, keep, compiled))
    return tuple(rules)


@lru_cache(maxsize=1)
def default_boilerplate() -> tuple[BoilerplateRule, ...]:
    ref = resources.files("pressextract.resources").joinpath(*_PATTERNS)
    return load_boilerplate(ref.read_text(encoding="utf-8"), source="/".join(_PATTERNS))


def _inline_text(el: etree._Element) -> str:
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in _BLOCKS:
            parts.append("\n" + _block_text(child) + "\n")
        else:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _block_text(el: etree._Element) -> str:
    if el.tag == "list":
        return "\n".join(_inline_text(item).strip() for item in el if item.tag == "item")
    if el.tag == "table":
        rows = []
        for row in el.iter("row"):
            rows.append("\t".join(_inline_text(cell).strip() for cell in row if cell.tag == "cell"))
        return "\n".join(r for r in rows if r.strip())
    return "\n".join(line.strip() for line in _inline_text(el).split("\n"))


def _clean(text: str) -> str:
    return " ".join(text.split())


def _page_title(page: etree._Element) -> str | None:
    """The release's own headline: the first <h1> inside the main landmark, else the first <h1>."""
    for path in ("//main//h1", "//*[@role='main']//h1", "//article//h1", "//h1"):
        for h1 in page.xpath(path):
            text = _clean("".join(h1.itertext()))
            if text:
                return text
    return None


_PUBLISHER_META = ("dcterms.publisher", "dc.publisher", "publisher")
_AUTHOR_META = ("author", "og:site_name")
_OFFICES = ("lexicons", "berlin_de_offices.tsv")
_GENERIC_CRUMBS = frozenset({"startseite", "home", "berlin.de", "start"})


def _page_meta(page: etree._Element, keys: tuple[str, ...]) -> str | None:
    """The first of `keys` the page declares in <meta> (in the order of `keys`)."""
    found: dict[str, str] = {}
    for meta in page.xpath("//meta[@content]"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        if key in keys and meta.get("content", "").strip():
            found.setdefault(key, _clean(meta.get("content")))
    return next((found[k] for k in keys if k in found), None)


def _page_publisher(page: etree._Element) -> str | None:
    """The issuing body as the page declares it in <meta> (Dublin Core publisher, author, site name)."""
    return _page_meta(page, _PUBLISHER_META + _AUTHOR_META)


def load_offices(text: str, *, source: str = "berlin_de_offices.tsv") -> tuple[tuple[str, str, str], ...]:
    """(id, URL path, publisher) rows; a bad row raises with file and line.

    Example: "office.ba-sz\tba-steglitz-zehlendorf\tBezirksamt Steglitz-Zehlendorf".
    """
    rows = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or not all(c.strip() for c in cells):
            raise BoilerplateConfigError(f"{source}:{lineno}: needs id, path and publisher (tab-separated)")
        oid, path, name = (c.strip() for c in cells)
        if path.startswith("/") or "*" in path[:-1]:
            raise BoilerplateConfigError(
                f"{source}:{lineno}: path {path!r}: no leading '/', '*' only at the end"
            )
        rows.append((oid, path, name))
    return tuple(rows)


@lru_cache(maxsize=1)
def default_offices() -> tuple[tuple[str, str, str], ...]:
    ref = resources.files("pressextract.resources").joinpath(*_OFFICES)
    return load_offices(ref.read_text(encoding="utf-8"), source="/".join(_OFFICES))


def _breadcrumb_home(page: etree._Element) -> str | None:
    """The first entry of the page's breadcrumb, the site section that issued it ("Steglitz-Zehlendorf")."""
    crumbs = page.xpath(
        "//nav[contains(@class, 'breadcrumb') or contains(@aria-label, 'Sie befinden sich')]//li"
        " | //ol[contains(@class, 'breadcrumb')]/li"
    )
    for li in crumbs:
        text = _clean("".join(li.itertext()).replace("\u00ad", ""))
        if text and text.lower() not in _GENERIC_CRUMBS:
            return text
    return None


def berlin_office(url: str | None, crumb: str | None) -> str | None:
    """The issuing office of a berlin.de page from its URL path (mapping) or its breadcrumb's first entry.

    Example: https://www.berlin.de/ba-steglitz-zehlendorf/aktuelles/... -> "Bezirksamt Steglitz-Zehlendorf";
    https://www.berlin.de/sen/web/presse/... -> the breadcrumb "Senatsverwaltung für Wirtschaft, …".
    """
    if not url:
        return None
    try:
        parsed = urlsplit(url)
    except ValueError:  # "http://[::1" and other broken URLs from metadata
        return None
    host = (parsed.hostname or "").lower()
    if host != "berlin.de" and not host.endswith(".berlin.de"):
        return None
    parts = [p for p in parsed.path.lower().split("/") if p]
    best: tuple[float, str] | None = None
    for _, path, name in default_offices():
        pattern = path.split("/")
        if pattern[-1] == "*":
            n = len(pattern) - 1
            hit, rank = len(parts) > n and parts[:n] == pattern[:n], n + 0.5
        else:
            hit, rank = parts[: len(pattern)] == pattern, float(len(pattern))
        if hit and (best is None or rank > best[0]):
            best = (rank, name)
    if best is None or best[1] == "{breadcrumb}":
        return crumb
    return best[1]


def _drop_boilerplate(
    page: etree._Element, rules: tuple[BoilerplateRule, ...], removed: dict[str, list[str]]
) -> None:
    """Remove boilerplate elements in place, keeping the text of those a reader may want."""
    total = len(_clean(" ".join(page.itertext()))) or 1
    for rule in rules:
        if rule.kind != "drop":
            continue
        for el in rule.compiled(page):  # type: ignore[operator]
            if el.getparent() is None or not isinstance(el.tag, str):
                continue
            text = "\n".join(t for t in (_clean(x) for x in el.itertext()) if t)
            # A class word like "contact" on a wrapper of the whole article would remove the release itself.
            if el.xpath(".//h1") or len(_clean(text)) > 0.5 * total:
                continue
            if rule.keep and text:
                removed.setdefault(rule.keep, []).append(text)
            el.getparent().remove(el)


def _date_from_press_number(lines: list[str]) -> str | None:
    for line in lines:
        m = _DATE_IN_LINE.search(line)
        if m:
            day, month, year = (int(g) for g in m.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


_BLOCK_TAGS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "dl",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "div",
        "section",
        "article",
        "header",
        "main",
        "address",
        "figure",
        "hr",
        "form",
        "fieldset",
        "details",
        "summary",
    }
)
_LIST_TAGS = frozenset({"ul", "ol", "dl"})
_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "button",
        "select",
        "input",
        "textarea",
        "svg",
        "iframe",
        "img",
        "video",
        "audio",
        "picture",
        "source",
        "map",
        "object",
    }
)


def _main_landmark(page: etree._Element) -> etree._Element | None:
    """The page's main content landmark (HTML5 <main>, ARIA role=main), if it has exactly one."""
    found = page.xpath("//main | //*[@role='main']")
    outer = [el for el in found if not any(anc in found for anc in el.iterancestors())]
    return outer[0] if len(outer) == 1 else None


def _landmark_blocks(root: etree._Element) -> list[str]:
    """Blocks of a landmark in reading order: paragraphs and headings alone, list items one a line.

    Example: <p>Eins<br>Zwei</p><ul><li>A</li><li>B</li></ul> -> ["Eins\nZwei", "A\nB"].
    """
    blocks: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = "\n".join(_clean(line) for line in "".join(buf).split("\n"))
        text = re.sub(r"\n{2,}", "\n", text).strip("\n")
        if text.strip():
            blocks.append(text)
        buf.clear()

    def walk(el: etree._Element) -> None:
        if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
            buf.append(el.tail or "")
            return
        if el.tag == "br":
            buf.append("\n")
        elif el.tag in _LIST_TAGS:
            flush()
            items = []
            for item in el:
                if isinstance(item.tag, str) and item.tag in ("li", "dt", "dd"):
                    sub = _landmark_blocks(item)
                    if sub:
                        items.append("\n".join(sub))
            if items:
                blocks.append("\n".join(items))
        elif el.tag in _BLOCK_TAGS:
            flush()
            buf.append(el.text or "")
            for child in el:
                walk(child)
            flush()
        else:
            buf.append(el.text or "")
            for child in el:
                walk(child)
        buf.append(el.tail or "")

    buf.append(root.text or "")
    for child in root:
        walk(child)
    flush()
    return blocks


# Above this much markup trafilatura skips its fallback extractors: justext's neighbour search is
# quadratic in the number of blocks (7 MiB of <div>s took 314 s; with fast=True see bench_hostile_inputs).
FAST_MARKUP_CHARS = 1_000_000


def _trafilatura_blocks(
    source: str | etree._Element, *, url: str | None, fast: bool = False
) -> tuple[list[str], etree._Element | None]:
    import trafilatura

    xml = trafilatura.extract(
        source,
        url=url,
        fast=fast,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        include_links=False,
        include_images=False,
        deduplicate=False,
        favor_recall=True,
    )
    if not xml:
        return [], None
    root = etree.fromstring(
        xml.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True)
    )
    main = root.find("main")
    blocks = [t for t in (_block_text(el).strip() for el in (main if main is not None else root)) if t]
    return blocks, root


def extract_html(
    html: str,
    *,
    url: str | None = None,
    rules: tuple[BoilerplateRule, ...] | None = None,
    use_landmark: bool = True,
) -> HtmlExtract:
    """Main text and metadata of one page. Raises ValueError when no main text is found.

    The main landmark (<main>, role=main), cleaned of boilerplate, is read as it stands when the page
    has one (`use_landmark`); otherwise trafilatura finds the main text. Trafilatura always supplies
    the metadata (date, site name) the page itself does not state.
    """
    rules = default_boilerplate() if rules is None else rules
    removed: dict[str, list[str]] = {}
    try:
        page = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        page = None
    title = _page_title(page) if page is not None else None
    publisher = _page_meta(page, _PUBLISHER_META) if page is not None else None
    author = _page_meta(page, _AUTHOR_META) if page is not None else None
    crumb = _breadcrumb_home(page) if page is not None else None  # before boilerplate removal drops <nav>
    source: str | etree._Element = html
    candidate: list[str] = []
    if page is not None:
        _drop_boilerplate(page, rules, removed)
        source = page
        landmark = _main_landmark(page) if use_landmark else None
        if landmark is not None:
            candidate = _landmark_blocks(landmark)
    traf_blocks, meta_root = _trafilatura_blocks(source, url=url, fast=len(html) > FAST_MARKUP_CHARS)
    raw_blocks = candidate or traf_blocks
    blocks = []
    line_rules = [r for r in rules if r.kind == "line"]
    for text in raw_blocks:
        rule = next((r for r in line_rules if r.compiled.fullmatch(_clean(text))), None)  # type: ignore[attr-defined]
        if rule is not None:
            if rule.keep:
                removed.setdefault(rule.keep, []).append(_clean(text))
            continue
        blocks.append(text)
    meta = meta_root if meta_root is not None else etree.Element("doc")
    title = title or meta.get("title")
    if blocks and title and _clean(blocks[0]) == _clean(title):
        blocks = blocks[1:]
    if not blocks:
        raise ValueError("no main text found in HTML (empty page, boilerplate or title only)")
    published = _date_from_press_number(removed.get("press_number", [])) or meta.get("date")
    page_url = meta.get("url") or url
    # berlin.de names no publisher in <meta>; "Berlin.de" (site name) is the portal, not the office
    publisher = publisher or berlin_office(page_url, crumb) or author
    sitename = meta.get("sitename")
    # trafilatura falls back to a part of <title> for the site name; that is the headline, not a publisher.
    if sitename and title and (_clean(sitename) in _clean(title) or _clean(title) in _clean(sitename)):
        sitename = None
    return HtmlExtract(
        text="\n\n".join(blocks),
        title=title,
        published=published,
        publisher=publisher or sitename or meta.get("author"),
        url=page_url,
        removed=removed,
    )
