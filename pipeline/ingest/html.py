"""HTML press release -> main text, title, date, publisher (trafilatura + htmldate, boilerplate removed).

Paragraphs and headings become blank-line separated blocks, list items and <br> single lines,
the same shape as the plain-text releases, so layout rules see one format.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

_BLOCKS = {"p", "head", "list", "table", "quote", "code"}


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    text: str
    title: str | None
    published: str | None
    publisher: str | None
    url: str | None


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


def _title_from_page(tree: etree._Element | None) -> str | None:
    if tree is None:
        return None
    for h1 in tree.iter("h1"):
        text = " ".join("".join(h1.itertext()).split())
        if text:
            return text
    return None


def extract_html(html: str, *, url: str | None = None) -> HtmlExtract:
    """Main text and metadata of one page. Raises ValueError when no main text is found."""
    import trafilatura
    from lxml import html as lxml_html

    xml = trafilatura.extract(
        html, url=url, output_format="xml", with_metadata=True, include_comments=False,
        include_tables=True, include_formatting=False, include_links=False, deduplicate=False,
    )
    if not xml:
        raise ValueError("no main text found in HTML (empty page or boilerplate only)")
    root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True))
    main = root.find("main")
    blocks = []
    for el in (main if main is not None else root):
        text = _block_text(el).strip()
        if text:
            blocks.append(text)
    try:
        page = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        page = None
    title = _title_from_page(page) or root.get("title")
    if blocks and title and " ".join(blocks[0].split()) == " ".join(title.split()):
        blocks = blocks[1:]
    if not blocks:
        raise ValueError("no main text found in HTML (title only)")
    return HtmlExtract(
        text="\n\n".join(blocks),
        title=title,
        published=root.get("date"),
        publisher=root.get("sitename") or root.get("author"),
        url=root.get("url") or url,
    )
