"""HTML publisher from the page (issue 19 point 6): <meta> publisher, else the berlin.de office from the
URL path or the breadcrumb, never the portal name "Berlin.de"."""

from __future__ import annotations

import pytest

from pressextract.ingest.html import BoilerplateConfigError, extract_html, load_offices

BODY = (
    "<p>Das Bezirksamt lädt am Samstag, dem 14. Juni 2025, zum Sommerfest in den Bürgerpark ein. "
    "Es gibt Musik, Spiele und Stände der Vereine aus dem ganzen Bezirk.</p>"
)


def page(*, crumb: str = "", meta: str = "") -> str:
    nav = (
        f'<nav aria-label="Sie befinden sich hier" class="breadcrumb"><ol><li><a href="/x/">{crumb}</a></li>'
        '<li><a href="/x/aktuelles/">Aktuelles</a></li></ol></nav>'
        if crumb
        else ""
    )
    return (
        f'<html lang="de"><head><title>Sommerfest - Berlin.de</title>{meta}'
        '<meta property="og:site_name" content="Berlin.de"></head>'
        f"<body>{nav}<main><h1>Sommerfest im Bürgerpark</h1>{BODY}</main></body></html>"
    )


@pytest.mark.parametrize(
    "url, crumb, meta, publisher",
    [
        (
            "https://www.berlin.de/ba-steglitz-zehlendorf/aktuelles/pressemitteilungen/2020/pressemitteilung.1.php",
            "Steglitz-Zehlendorf",
            "",
            "Bezirksamt Steglitz-Zehlendorf",
        ),
        (
            "https://www.berlin.de/ba-neukoelln/aktuelles/pressemitteilungen/2021/pressemitteilung.2.php",
            "",
            "",
            "Bezirksamt Neukölln",
        ),
        (  # a Senate department: the breadcrumb names it as of the page's day
            "https://www.berlin.de/sen/web/presse/pressemitteilungen/2022/pressemitteilung.3.php",
            "Senats\u00adverwaltung für Wirtschaft, Energie und Betriebe",
            "",
            "Senatsverwaltung für Wirtschaft, Energie und Betriebe",
        ),
        (
            "https://www.berlin.de/rbmskzl/aktuelles/pressemitteilungen/2023/pressemitteilung.4.php",
            "Der Regierende Bürgermeister - Senatskanzlei",
            "",
            "Der Regierende Bürgermeister – Senatskanzlei",
        ),
        (  # the page's own publisher statement wins
            "https://www.berlin.de/ba-mitte/aktuelles/pressemitteilung.5.php",
            "Mitte",
            '<meta name="dcterms.publisher" content="Bezirksamt Mitte von Berlin">',
            "Bezirksamt Mitte von Berlin",
        ),
        (  # not berlin.de: author, then site name, as before
            "https://www.example.org/presse/6.html",
            "Presse",
            '<meta name="author" content="Stadtverwaltung Musterstadt">',
            "Stadtverwaltung Musterstadt",
        ),
        ("https://www.example.org/presse/7.html", "", "", "Berlin.de"),
    ],
)
def test_publisher_from_the_page(url: str, crumb: str, meta: str, publisher: str) -> None:
    assert extract_html(page(crumb=crumb, meta=meta), url=url).publisher == publisher


def test_office_table_is_validated() -> None:
    with pytest.raises(BoilerplateConfigError, match="x.tsv:2"):
        load_offices("# id\tpath\tpublisher\noffice.x\t/ba-mitte\tBezirksamt Mitte\n", source="x.tsv")
