"""The one reader of the German rule files in resources/: tables, word lists and JSON Lines patterns.

Every error is a ResourceError whose message starts with "file:line"; regexes compile when a file
loads, so a bad pattern stops the start-up, never a batch.
Example: read_table(LEXICON_DIR / "months.tsv", columns=3) -> [(3, ["month.jan", "januar", "1"]), …].
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from pressextract.resources import LEXICON_DIR, PATTERN_DIR, RESOURCES_DIR

__all__ = [
    "LEXICON_DIR",
    "PATTERN_DIR",
    "RESOURCES_DIR",
    "ResourceError",
    "compile_regex",
    "data_lines",
    "read_jsonl",
    "read_rule_ids",
    "read_table",
    "read_words",
    "resource_ids",
    "word_set",
    "word_tuple",
]


class ResourceError(ValueError):
    """A German rule file in resources/ is malformed (file and line in the message)."""


def data_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line_no, line) of a resource file, without blank lines and '#' comments: what every reader reads."""
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.strip() and not raw.lstrip().startswith("#"):
            yield no, raw


def read_table(path: Path, *, columns: int, min_columns: int | None = None) -> list[tuple[int, list[str]]]:
    """Rows of a tab-separated resource file with '#' header comments, validated for column count.

    Example: "day.ord.1\\terster\\tordinal\\t1" -> (line_no, ["day.ord.1", "erster", "ordinal", "1"]).
    """
    rows: list[tuple[int, list[str]]] = []
    seen: set[str] = set()
    need = columns if min_columns is None else min_columns
    for no, raw in data_lines(path):
        cells = raw.split("\t")
        if len(cells) < need or len(cells) > columns:
            raise ResourceError(
                f"{path.name}:{no}: expected {columns} tab-separated columns, got {len(cells)}"
            )
        cells += [""] * (columns - len(cells))
        if cells[0] in seen:
            raise ResourceError(f"{path.name}:{no}: duplicate id {cells[0]!r}")
        seen.add(cells[0])
        rows.append((no, cells))
    return rows


def compile_regex(pattern: str, *, where: str, flags: int = 0) -> re.Pattern:
    """A compiled regex, or a ResourceError naming where it came from ("event_cues.jsonl:12")."""
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ResourceError(f"{where}: bad regex {pattern!r}: {exc}") from exc


def read_jsonl(path: Path) -> list[tuple[int, dict]]:
    """(line_no, object) of a JSON Lines file; blank lines and '#' comments are skipped."""
    out = []
    for no, raw in data_lines(path):
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ResourceError(f"{path.name}:{no}: {exc}") from exc
        if not isinstance(obj, dict):
            raise ResourceError(f"{path.name}:{no}: expected a JSON object")
        out.append((no, obj))
    return out


def read_rule_ids(stage: str) -> frozenset[str]:
    """The rule ids a stage's rules can emit, declared in resources/rules/<stage>.tsv.

    Example: read_rule_ids("roles") -> frozenset({"role.name_office", "role.office_name", …}).
    """
    path = RESOURCES_DIR / "rules" / f"{stage}.tsv"
    ids = frozenset(cells[0] for _, cells in read_table(path, columns=3))
    if not ids:
        raise ResourceError(f"{path.name}:1: declares no rule ids")
    return ids


def resource_ids() -> dict[str, str]:
    """Every row id of the resource files (first column of lexicons/*.tsv and rules/*.tsv, "id" of
    patterns/*.jsonl) -> "file:line" of its row; a ResourceError names both places of an id used twice.

    Example: resource_ids()["sv.sagen"] -> "speech_verbs.tsv:40".
    """
    seen: dict[str, str] = {}

    def add(rid: str, where: str) -> None:
        if rid in seen:
            raise ResourceError(f"{where}: id {rid!r} already used at {seen[rid]}")
        seen[rid] = where

    for path in sorted([*LEXICON_DIR.glob("*.tsv"), *(RESOURCES_DIR / "rules").glob("*.tsv")]):
        header = True
        for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if raw.strip() and not raw.lstrip().startswith("#"):
                rid = raw.split("\t", 1)[0]
                if not (header and rid == "id"):  # a column-name row ("id\tlemma\tforms…") is no entry
                    add(rid, f"{path.name}:{no}")
                header = False
    for path in sorted(PATTERN_DIR.glob("*.jsonl")):
        for no, obj in read_jsonl(path):
            if "id" in obj:
                add(obj["id"], f"{path.name}:{no}")
    return seen


@cache
def _word_sets(stage: str) -> dict[str, tuple[str, ...]]:
    path = LEXICON_DIR / f"words_{stage}.tsv"
    sets: dict[str, list[str]] = {}
    for no, (_rid, name, word) in read_table(path, columns=3):
        if not name or not word:
            raise ResourceError(f"{path.name}:{no}: a row needs a set name and a word")
        sets.setdefault(name, []).append(word)
    return {name: tuple(words) for name, words in sets.items()}


def word_tuple(stage: str, name: str) -> tuple[str, ...]:
    """The words of a named set in lexicons/words_<stage>.tsv, in file order.

    Example: word_tuple("quotes", "adj_end") -> ("e", "en", "er", "es", "em").
    """
    sets = _word_sets(stage)
    if name not in sets:
        raise ResourceError(f"words_{stage}.tsv: no set {name!r} (known: {', '.join(sorted(sets))})")
    return sets[name]


def word_set(stage: str, name: str) -> frozenset[str]:
    """The words of a named set in lexicons/words_<stage>.tsv. Example: "der" in word_set("quotes", "determiners")."""
    return frozenset(word_tuple(stage, name))


def read_words(path: Path) -> list[tuple[int, str]]:
    """(line_no, word) of a word list: "id<TAB>word" rows under '#' header comments.

    Example: day_headers.tsv "dayh.konferenztag\\tKonferenztag" -> (5, "Konferenztag").
    """
    return [(no, cells[1]) for no, cells in read_table(path, columns=2)]
