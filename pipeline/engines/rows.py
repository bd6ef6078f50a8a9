"""What an outcome becomes on disk: its rows, each record checked to encode as UTF-8 on its own.

A record that cannot be written (a lone surrogate in an id or URL, a file name that is not UTF-8)
becomes one errors row, so one bad record never ends the run or a resumed run.
Example: a JSON record with "id": "pm-\\udfff" -> errors row (stage "export") with source "a.jsonl#pm-\\udfff".
"""

from __future__ import annotations

from pressextract.engines.batch import Outcome, message
from pressextract.records.export import json_line, row_of
from pressextract.records.schema import Error


def outcome_rows(outcome: Outcome) -> dict[str, list]:
    """Records of one outcome as row dicts per part table."""
    if outcome.error is not None:
        return {"errors": [outcome.error]}
    return outcome.records or {}


def safe_text(text: str | None) -> str | None:
    """The text made encodable: undecodable file-name bytes as \\xNN, other lone surrogates as \\udNNN.

    Example: "pm-\\udcff.txt" (byte 0xff of a Latin-1 file name) -> "pm-\\\\xff.txt".
    """
    if text is None:
        return None
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def encode_outcome(outcome: Outcome) -> tuple[Outcome, dict[str, list[str]]]:
    """The outcome and its JSON lines per table; an outcome that cannot be encoded becomes an errors row."""
    try:
        lines = {t: [json_line(row_of(r, t)) for r in recs] for t, recs in outcome_rows(outcome).items()}
        for table_lines in lines.values():
            "".join(table_lines).encode("utf-8")
        return outcome, lines
    except Exception as exc:  # noqa: BLE001  (any record that cannot be written is this document's errors row)
        source, doc_id = safe_text(outcome.source) or "", safe_text(outcome.doc_id)
        if outcome.error is not None:  # keep what went wrong; only make it writable
            err = Error(source, outcome.error.stage, safe_text(outcome.error.error) or "", doc_id)
        else:
            err = Error(
                source, "export", f"record cannot be written as UTF-8: {safe_text(message(exc))}", doc_id
            )
        return Outcome(source, error=err, doc_id=doc_id), {"errors": [json_line(row_of(err, "errors"))]}
