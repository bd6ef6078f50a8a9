"""The one resource loader: every error is a ResourceError with file:line, comments and blank lines are skipped,
regexes compile when a file loads, word sets come from lexicons/words_<stage>.tsv."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressextract.resources.loader import (
    ResourceError,
    compile_regex,
    read_jsonl,
    read_table,
    read_words,
    word_set,
    word_tuple,
)
from pressextract.rules.common import LexiconError
from pressextract.rules.timexes import GrammarError


@pytest.mark.parametrize(
    "name, text, read, message",
    [
        (
            "offices.tsv",
            "# Columns: id\tform\noffice.x\tSenatorin\textra\n",
            lambda p: read_table(p, columns=2),
            r"offices.tsv:2: expected 2",
        ),
        (
            "levels.tsv",
            "# header\n\nlevel.a\tbund\n",
            lambda p: read_table(p, columns=3),
            r"levels.tsv:3: expected 3",
        ),
        ("cues.jsonl", '# header\n{"id": "a"}\n{"id": \n', read_jsonl, r"cues.jsonl:3:"),
        ("cues.jsonl", '["eine Liste"]\n', read_jsonl, r"cues.jsonl:1: expected a JSON object"),
        (
            "given.tsv",
            "# Columns: id\tword\ngiven.anna\tAnna\nAnna\n",
            read_words,
            r"given.tsv:3: expected 2",
        ),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, name, text, read, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ResourceError, match=message):
        read(path)


@pytest.mark.parametrize(
    "text, rows",
    [
        ("# Kommentar\n\nday.ord.1\terster\n", [(3, ["day.ord.1", "erster"])]),
        (
            "day.ord.1\terster\n# Kommentar\nday.ord.2\tzweiter\n",
            [(1, ["day.ord.1", "erster"]), (3, ["day.ord.2", "zweiter"])],
        ),
    ],
)
def test_comments_and_blank_lines_are_skipped(tmp_path: Path, text, rows):
    path = tmp_path / "days.tsv"
    path.write_text(text, encoding="utf-8")
    assert read_table(path, columns=2) == rows


@pytest.mark.parametrize("pattern, ok", [(r"\bSenat(?:s|es)?\b", True), (r"\bSenat(?:s|es\b", False)])
def test_regexes_compile_at_load(pattern, ok):
    if ok:
        assert compile_regex(pattern, where="levels.tsv:4").search("des Senats")
    else:
        with pytest.raises(ResourceError, match=r"levels.tsv:4: bad regex"):
            compile_regex(pattern, where="levels.tsv:4")


def test_one_error_class():
    assert LexiconError is ResourceError and GrammarError is ResourceError


@pytest.mark.parametrize(
    "stage, name, word, inside",
    [
        ("quotes", "determiners", "der", True),
        ("quotes", "determiners", "Senatorin", False),
        ("people", "particles", "von", True),
        ("roles", "article_prep", "beim", True),
    ],
)
def test_word_sets(stage, name, word, inside):
    assert (word in word_set(stage, name)) is inside


def test_word_tuple_keeps_file_order_and_unknown_sets_fail():
    assert word_tuple("quotes", "adj_end") == ("e", "en", "er", "es", "em")
    with pytest.raises(ResourceError, match=r"words_quotes.tsv: no set 'gibt_es_nicht'"):
        word_set("quotes", "gibt_es_nicht")
