"""Generated German press releases (good) and damaged inputs (bad) for the scale and reliability tests.

Everything is written into a tmp folder; nothing from /work/shared/data is copied.
"""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import random
import zipfile
from pathlib import Path

_PEOPLE = [
    ("Annette", "Widmann-Mauz", "Staatsministerin"),
    ("Klaus", "Lederer", "Senator für Kultur"),
    ("Dilek", "Kalayci", "Senatorin für Gesundheit"),
    ("Michael", "Müller", "Regierender Bürgermeister"),
    ("Ramona", "Pop", "Senatorin für Wirtschaft"),
    ("Andreas", "Geisel", "Senator für Inneres"),
]
_PLACES = [
    "im Roten Rathaus",
    "in der Urania",
    "im Abgeordnetenhaus",
    "in Kassel",
    "im Haus der Kulturen der Welt",
]
_TOPICS = [
    "die Fête de la Musique",
    "den Tag der offenen Tür",
    "die Lange Nacht der Museen",
    "die Integrationskonferenz",
    "den Wissenschaftstag",
]
_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober"]


def release(i: int) -> tuple[str, str]:
    """(title, text) of a small but realistic release; every i gives a different text."""
    given, family, office = _PEOPLE[i % len(_PEOPLE)]
    place, topic = _PLACES[i % len(_PLACES)], _TOPICS[(i // 3) % len(_TOPICS)]
    day, month, year = 1 + i % 28, _MONTHS[i % len(_MONTHS)], 2015 + i % 8
    title = f"{topic[4:].strip().capitalize()} {year} – Meldung {i}"
    text = (
        f"{office} {given} {family} eröffnet am {day}. {month} {year} um 10:00 Uhr {place} {topic}.\n\n"
        f"„Wir freuen uns auf viele Gäste“, sagte {family}. Die Veranstaltung findet jährlich statt.\n\n"
        f"Programm:\n{day}. {month} {year}, 11:30 Uhr: Begrüßung durch {given} {family}\n"
        f"{day}. {month} {year}, 14:00 Uhr: Podiumsdiskussion (Nummer {i})\n\n"
        f"Pressekontakt: Senatskanzlei Berlin, Telefon 030 9026-{1000 + i}"
    )
    return title, text


def write_jsonl(path: Path, ids: range, *, prefix: str = "pm") -> list[str]:
    """A JSON Lines archive of good releases; returns their doc_ids."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in ids:
            title, text = release(i)
            fh.write(
                json.dumps(
                    {
                        "id": f"{prefix}-{i}",
                        "title": title,
                        "text": text,
                        "date": "2019-05-17",
                        "publisher": "Senatskanzlei",
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    return [f"{prefix}-{i}" for i in ids]


def write_corpus(root: Path, *, n_good_files: int = 60, n_good_lines: int = 80) -> dict[str, set[str]]:
    """A folder mixing good releases with >= 200 damaged inputs.

    Returns {"good": sources expected once in documents, "bad": sources expected once in errors}.
    """
    rng = random.Random(7)
    root.mkdir(parents=True, exist_ok=True)
    good: set[str] = set()
    bad: set[str] = set()

    def put(name: str, data: bytes, kind: set[str], source: str | None = None) -> Path:
        path = root / name
        path.write_bytes(data)
        kind.add(source or str(path))
        return path

    # good plain-text releases, some in cp1252, some gzipped, some with soft hyphens and zero-width spaces
    for i in range(n_good_files):
        title, text = release(1000 + i)
        body = f"{title}\n\n{text}"
        if i % 5 == 1:
            put(f"good-{i:03d}.txt", body.encode("cp1252", "replace"), good)
        elif i % 5 == 2:
            put(f"good-{i:03d}.txt", body.replace("Gäste", "Gäs\u00adte\u200b").encode(), good)
        elif i % 5 == 3:
            put(f"good-{i:03d}.txt.gz", gzip.compress(body.encode()), good)
        else:
            put(f"good-{i:03d}.txt", body.encode("utf-8"), good)

    # a JSON Lines archive: good lines with bad lines mixed in (each bad line is one errors row)
    lines: list[str] = []
    jsonl = root / "archive.jsonl"
    for i in range(n_good_lines):
        title, text = release(i)
        if i % 7 == 3:  # null bytes and C1 controls inside a JSON string: normalization drops them
            text = text.replace("Programm", "Pro\x00gramm\x85")
        lines.append(
            json.dumps(
                {"id": f"pm-{i}", "title": title, "text": text, "date": "2019-05-17"}, ensure_ascii=False
            )
        )
        good.add(f"{jsonl}#pm-{i}")
        if i % 2 == 0:
            n = len(lines) + 1
            kind = (i // 2) % 5
            if kind == 0:
                lines.append('{"id": "broken-' + str(i) + '", "text": "Der Senat')  # truncated JSON
                bad.add(f"{jsonl}#L{n}")
            elif kind == 1:
                lines.append(json.dumps({"id": f"notext-{i}", "title": "Nur ein Titel"}))
                bad.add(f"{jsonl}#notext-{i}")
            elif kind == 2:
                lines.append(json.dumps([1, 2, 3]))
                bad.add(f"{jsonl}#L{n}")
            elif kind == 3:
                lines.append(json.dumps({"id": f"blank-{i}", "text": "\u200b\u00ad \x00 \u00a0"}))
                bad.add(f"{jsonl}#blank-{i}")  # nothing left after normalization
            else:
                lines.append(json.dumps({"id": f"huge-{i}", "text": "Wort " * 9000}))  # > --max-doc-bytes
                bad.add(f"{jsonl}#L{n}")  # refused by line length, before the JSON is parsed
    jsonl.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))

    # damaged files: one errors row each
    n = 0
    while len(bad) < 230:
        kind = n % 12
        name = f"bad-{n:03d}"
        title, text = release(5000 + n)
        raw = f"{title}\n\n{text}".encode()
        if kind == 0:
            put(f"{name}.txt", b"", bad)  # empty
        elif kind == 1:
            put(f"{name}.txt", bytes(rng.randrange(256) for _ in range(3000)) + b"\x00\x00", bad)  # binary
        elif kind == 2:
            put(f"{name}.txt", raw + b"\xff\xfe\xc3(" + raw, bad)  # broken UTF-8
        elif kind == 3:
            put(
                f"{name}.txt", ("Zeile " * 400_000).encode(), bad
            )  # one line of megabytes, over the size limit
        elif kind == 4:
            data = gzip.compress(raw * 20)
            put(f"{name}.txt.gz", data[: len(data) // 2], bad)  # truncated gzip
        elif kind == 5:
            data = lzma.compress(raw * 20)
            put(f"{name}.txt.xz", data[: len(data) // 2], bad)  # truncated xz
        elif kind == 6:
            put(f"{name}.txt.bz2", bz2.compress(raw)[:-30], bad)  # truncated bz2
        elif kind == 7:
            put(
                f"{name}.html",
                b"<html><head><script>alert('x')</script></head><body><script>var a=1;</script>"
                b"<iframe src='http://example.org'></iframe></body></html>",
                bad,
            )  # scripts only
        elif kind == 8:
            put(
                f"{name}.html",
                b"<html><body>" + b"<div>" * 30_000 + b"<p>Text</p>" + b"</div>" * 30_000 + b"</body></html>",
                bad,
            )  # deeply nested markup
        elif kind == 9:
            put(f"{name}.json", b'{"id": "x", "text": "unterbrochen', bad)  # malformed JSON
        elif kind == 10:
            path = root / f"{name}.zip"
            with zipfile.ZipFile(path, "w") as zf:
                zf.writestr("../../etc/evil.txt", raw)  # path traversal
            bad.add(f"{path}!../../etc/evil.txt")
        else:
            path = root / f"{name}.zip"
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr("bomb.txt", b"0" * 1_500_000)  # zip bomb: 1.5 MB of zeros in ~1.5 KB
            bad.add(f"{path}!bomb.txt")
        n += 1
    return {"good": good, "bad": bad}
