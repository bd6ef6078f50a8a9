"""Crash-safe chunk store: rows go to OUT/.parts/<table>/part-NNNNN.jsonl, progress to OUT/.parts/progress.json.

A chunk counts as written only once progress.json lists it; every file is written to a temporary name
and moved into place with os.replace, so a kill at any instant leaves either the old or the new state.
At the end the parts are merged, in chunk order, into OUT/<table>.csv|jsonl|parquet, and `people` is
aggregated from the per-document person mentions of all chunks.
Example: OUT/.parts/quotes/part-00003.jsonl holds the quotes of input documents 1536..2047 (chunk size 512).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from pipeline.engines.batch import Outcome
from pipeline.engines.driver import Chunk
from pipeline.records.export import PeopleAggregator, TableWriter, json_line, row_of
from pipeline.records.schema import DOC_TABLES, TABLES

PART_TABLES = (*DOC_TABLES, "errors", "mentions")
FORMAT_VERSION = 1


class ResumeError(RuntimeError):
    """--resume cannot continue this output folder (other input, other model, no progress)."""


def atomic_write(path: Path, text: str, *, sync: bool = True) -> None:
    """Write a file so that readers (and a resumed run) see either nothing or all of it."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
        if sync:
            fh.flush()
            os.fsync(fh.fileno())
    os.replace(tmp, path)


def outcome_rows(outcome: Outcome) -> dict[str, list]:
    """Records of one outcome as row dicts per part table."""
    if outcome.error is not None:
        return {"errors": [outcome.error]}
    return outcome.records or {}


class ChunkStore:
    """The .parts folder of one output directory.

    Example: store = ChunkStore(out, fingerprint=fp); done = store.begin(resume=True, chunk_size=512)
    """

    def __init__(self, out_dir: Path, *, fingerprint: dict) -> None:
        self.out = Path(out_dir)
        self.root = self.out / ".parts"
        self.fingerprint = fingerprint
        self.progress: dict = {}

    @property
    def chunk_size(self) -> int:
        return int(self.progress["chunk_size"])

    def _part(self, table: str, index: int) -> Path:
        return self.root / table / f"part-{index:05d}.jsonl"

    def _sidecar(self, index: int) -> Path:
        return self.root / "chunks" / f"part-{index:05d}.json"

    def existing(self) -> dict | None:
        path = self.root / "progress.json"
        if not path.exists():
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def begin(self, *, resume: bool, chunk_size: int) -> list[dict]:
        """Open the store; with resume, return the chunks already written (with their sources and doc_ids)."""
        previous = self.existing() if resume else None
        if resume and previous is not None:
            if previous.get("format") != FORMAT_VERSION:
                raise ResumeError(f"{self.root} was written by another version of pressextract; start again")
            if previous.get("fingerprint") != self.fingerprint:
                diff = sorted(
                    k
                    for k in set(previous.get("fingerprint", {})) | set(self.fingerprint)
                    if previous.get("fingerprint", {}).get(k) != self.fingerprint.get(k)
                )
                raise ResumeError(
                    f"cannot resume: {', '.join(diff)} differ(s) from the interrupted run in "
                    f"{self.out}; run again without --resume to start over"
                )
            self.progress = previous
            self._clean_temporaries()
            done = []
            for entry in self.progress["chunks"]:
                side = json.loads(self._sidecar(entry["index"]).read_text(encoding="utf-8"))
                done.append({**entry, "sources": side["sources"], "doc_ids": side["doc_ids"]})
            return done
        if self.root.exists():
            shutil.rmtree(self.root)
        for table in (*PART_TABLES, "chunks"):
            (self.root / table).mkdir(parents=True, exist_ok=True)
        self.progress = {
            "format": FORMAT_VERSION,
            "fingerprint": self.fingerprint,
            "chunk_size": chunk_size,
            "chunks": [],
            "timings": {},
            "state": "running",
        }
        self._save()
        return []

    def _clean_temporaries(self) -> None:
        for tmp in self.root.rglob(".*.tmp"):
            tmp.unlink(missing_ok=True)

    def _save(self) -> None:
        atomic_write(
            self.root / "progress.json", json.dumps(self.progress, ensure_ascii=False, indent=1) + "\n"
        )

    def set_timings(self, timings: dict[str, float]) -> None:
        self.progress["timings"] = {k: round(v, 3) for k, v in sorted(timings.items())}

    def commit(self, chunk: Chunk) -> None:
        """Write one finished chunk: its part files first, then its sidecar, then the progress entry."""
        per_table: dict[str, list[str]] = {t: [] for t in PART_TABLES}
        ok = failed = 0
        for outcome in chunk.outcomes:
            if outcome.error is None:
                ok += 1
            else:
                failed += 1
            for table, records in outcome_rows(outcome).items():
                per_table[table].extend(json_line(row_of(r, table)) for r in records)
        for table, lines in per_table.items():  # empty parts too: they replace any stale file of a crash
            atomic_write(self._part(table, chunk.index), "".join(lines))
        atomic_write(
            self._sidecar(chunk.index),
            json.dumps(
                {"index": chunk.index, "sources": chunk.sources, "doc_ids": chunk.doc_ids}, ensure_ascii=False
            )
            + "\n",
        )
        self.progress["chunks"].append(
            {
                "index": chunk.index,
                "inputs": len(chunk.sources),
                "ok": ok,
                "failed": failed,
                "rows": {t: len(lines) for t, lines in per_table.items()},
            }
        )
        self._save()

    def totals(self) -> dict:
        chunks = self.progress.get("chunks", [])
        return {
            "inputs": sum(c["inputs"] for c in chunks),
            "ok": sum(c["ok"] for c in chunks),
            "failed": sum(c["failed"] for c in chunks),
            "chunks": len(chunks),
        }

    def merge(self, *, formats: list[str]) -> dict[str, int]:
        """Merge all parts, in chunk order, into the final tables; returns rows per table."""
        self.progress["state"] = "merging"
        self._save()
        indices = sorted(c["index"] for c in self.progress["chunks"])
        rows: dict[str, int] = {}
        for table in TABLES:
            if table == "people":
                continue
            with TableWriter(self.out, table, formats) as writer:
                for index in indices:
                    text = self._part(table, index).read_text(encoding="utf-8")
                    if not text:
                        continue
                    # split on "\n" only: JSON escapes newlines, but str.splitlines() would also cut at U+2028
                    parsed = [json.loads(line) for line in text.split("\n") if line]
                    writer.write_rows(parsed, json_text=text)
            rows[table] = writer.rows
        people = PeopleAggregator()
        for index in indices:
            text = self._part("mentions", index).read_text(encoding="utf-8")
            for line in text.split("\n"):
                if line:
                    people.add(json.loads(line))
        with TableWriter(self.out, "people", formats) as writer:
            writer.write_rows([row_of(p, "people") for p in people.people()])
        rows["people"] = writer.rows
        return {t: rows[t] for t in TABLES}

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
