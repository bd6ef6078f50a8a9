"""HTML extraction: main text without site boilerplate; boilerplate rules are validated data."""

from __future__ import annotations

import json
import lzma
from itertools import islice
from pathlib import Path

import pytest

from pressextract.ingest.html import (
    BoilerplateConfigError,
    default_boilerplate,
    extract_html,
    load_boilerplate,
)

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "data" / "press" / "html-sample.jsonl.xz"


def page(main: str, *, aside: str = "", head: str = "") -> str:
    return (
        f"<html><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><ul><li><a href='/'>Startseite</a></li><li><a href='/presse'>Presse</a></li></ul></nav>"
        f"<main>{main}</main><aside>{aside}</aside><footer>Impressum · Datenschutz</footer></body></html>"
    )


BODY = (
    "<p>Die Bezirksverordnetenversammlung hat am Donnerstag den Haushalt für 2026 beschlossen. "
    "Er sieht Ausgaben von 1,2 Milliarden Euro vor.</p>"
    "<p>„Wir investieren vor allem in Schulen“, sagte Bezirksbürgermeister Jonas Weber.</p>"
)


@pytest.mark.parametrize(
    "main, absent",
    [
        (
            (
                f"<h1>Haushalt beschlossen</h1><div class='anker-jumptocontact'><a href='#k'>Direkt zur "
                f"Kontaktinformation</a></div>{BODY}"
            ),
            "Direkt zur Kontaktinformation",
        ),
        (
            f"<h1>Haushalt beschlossen</h1><p>Direkt zur Kontaktinformation</p>{BODY}",
            "Direkt zur Kontaktinformation",
        ),
        (
            f"<h1>Haushalt beschlossen</h1><p class='pressnumber'>Pressemitteilung Nr. 7/2025 vom 03.04.2025</p>{BODY}",
            "Pressemitteilung Nr.",
        ),
        (
            f"<h1>Haushalt beschlossen</h1><p>Pressemitteilung vom 03.04.2025</p>{BODY}",
            "Pressemitteilung vom",
        ),
        (
            (
                f"<h1>Haushalt beschlossen</h1><figure><img src='x.jpg'><figcaption>Das Rathaus am Abend</figcaption>"
                f"</figure>{BODY}"
            ),
            "Das Rathaus am Abend",
        ),
        (
            f"<h1>Haushalt beschlossen</h1><p class='image__copyright'>Bild: Bezirksamt / M. Muster</p>{BODY}",
            "Bild: Bezirksamt",
        ),
        (
            (
                f"<h1>Haushalt beschlossen</h1>{BODY}<div class='modul-contact'><h2>Kontakt</h2><p>Pressestelle, "
                "Tel. 030 1234</p></div>"
            ),
            "Pressestelle",
        ),
        (
            (
                f"<h1>Haushalt beschlossen</h1>{BODY}<section class='modul-download'><h2>Download</h2><p>Haushaltsplan "
                "(PDF, 2 MB)</p></section>"
            ),
            "Haushaltsplan",
        ),
        (
            f"<h1>Haushalt beschlossen</h1>{BODY}<h2 class='aural'>Weitere Informationen zu diesem Auftritt</h2>",
            "Weitere Informationen zu diesem Auftritt",
        ),
    ],
)
def test_boilerplate_removed(main: str, absent: str) -> None:
    result = extract_html(page(main))
    assert absent not in result.text
    assert result.title == "Haushalt beschlossen"
    assert result.text.startswith("Die Bezirksverordnetenversammlung hat am Donnerstag")
    assert "„Wir investieren vor allem in Schulen“, sagte Bezirksbürgermeister Jonas Weber." in result.text


def test_structure_and_metadata() -> None:
    main = (
        "<h1>Haushalt beschlossen</h1><p class='pressnumber'>Pressemitteilung vom 03.04.2025</p>"
        f"{BODY}<h2>Die wichtigsten Posten</h2><ul><li>Schulbau: 210 Mio. Euro</li><li>Grünflächen: 35 Mio. Euro</li>"
        "</ul><p>Sprechzeiten:<br>Montag 9 bis 12 Uhr<br>Donnerstag 14 bis 18 Uhr</p>"
    )
    result = extract_html(
        page(
            main, head="<meta name='author' content='Bezirksamt Nord'>", aside="<p>Kontakt: Pressestelle</p>"
        )
    )
    assert result.published == "2025-04-03"
    assert result.publisher == "Bezirksamt Nord"
    assert result.text.split("\n\n")[2:] == [
        "Die wichtigsten Posten",
        "Schulbau: 210 Mio. Euro\nGrünflächen: 35 Mio. Euro",
        "Sprechzeiten:\nMontag 9 bis 12 Uhr\nDonnerstag 14 bis 18 Uhr",
    ]
    assert result.removed["press_number"] == ["Pressemitteilung vom 03.04.2025"]
    assert result.removed["contact"] == ["Kontakt: Pressestelle"]


def test_page_without_main_landmark_uses_trafilatura() -> None:
    html = (
        "<html><body><div id='menu'><a href='/'>Startseite</a> | <a href='/presse'>Presse</a></div>"
        "<div class='article'><h1>Haushalt beschlossen</h1>" + BODY * 3 + "</div></body></html>"
    )
    result = extract_html(html)
    assert result.title == "Haushalt beschlossen"
    assert "Bezirksbürgermeister Jonas Weber" in result.text and "Startseite" not in result.text


def test_a_wrapper_with_a_boilerplate_class_word_keeps_the_release() -> None:
    """A class like "contact-page" around the whole article must not remove the article."""
    html = page(f"<div class='contact-page'><h1>Haushalt beschlossen</h1>{BODY}</div>")
    assert "Bezirksbürgermeister Jonas Weber" in extract_html(html).text


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"id": "x", "kind": "line", "pattern": "(unclosed"}', "test.jsonl:2: bad line pattern"),
        ('{"id": "x", "kind": "drop", "pattern": "//*[@class="}', "test.jsonl:2: bad drop pattern"),
        ('{"id": "x", "kind": "replace", "pattern": "a"}', "test.jsonl:2: kind must be"),
        ('{"kind": "line", "pattern": "a"}', "test.jsonl:2: needs 'id' and 'pattern'"),
        (
            '{"id": "x", "kind": "line", "pattern": "a", "keep": "footer"}',
            "test.jsonl:2: keep must be one of",
        ),
        ("{kaputt", "test.jsonl:2: not JSON"),
    ],
)
def test_bad_boilerplate_rules_fail_at_load(line: str, message: str) -> None:
    with pytest.raises(BoilerplateConfigError, match=message):
        load_boilerplate('{"_comment": "header"}\n' + line, source="test.jsonl")


def test_shipped_boilerplate_rules_load() -> None:
    rules = default_boilerplate()
    assert {r.kind for r in rules} == {"drop", "line"}
    assert len({r.rule_id for r in rules}) == len(rules)


@pytest.mark.shared
def test_berlin_pages_from_the_html_sample() -> None:
    if not SAMPLE.exists():
        pytest.skip(f"{SAMPLE.parent} (shared/data) not available: berlin.de HTML sample")
    with lzma.open(SAMPLE, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in islice(fh, 12)]
    for rec in records:
        result = extract_html(rec["html"], url=rec["url"])
        assert result.title and result.published, rec["id"]
        assert result.removed.get("press_number"), rec["id"]
        for boilerplate in (
            "Direkt zur Kontaktinformation",
            "Pressemitteilung vom",
            "Verkehrsanbindungen",
            "Weitere Informationen zu diesem Auftritt",
            "Impressum",
        ):
            assert boilerplate not in result.text, (rec["id"], boilerplate)
