"""Crash-safe chunk store: rows go to OUT/.parts/<table>/part-NNNNN.jsonl, progress to OUT/.parts/progress.json.

A chunk counts as written only once progress.json lists it; every file is written to a temporary name
and moved into place with os.replace, so a kill at any instant leaves either the old or the new state.
At the end the parts are merged, in chunk order, into OUT/.parts/final/, and only when every table is
complete are they moved into OUT/<table>.csv|jsonl|parquet, run.json last. One run at a time may write
an output folder (OUT/.pressextract.lock). Failures of the output folder itself (no space, read-only,
no permission, -o names a file) raise OutputError, never an input error.
Example: OUT/.parts/quotes/part-00003.jsonl holds the quotes of input documents 1536..2047 (chunk size 512).
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from pressextract.engines.driver import Chunk
from pressextract.engines.rows import encode_outcome
from pressextract.records.export import FORMATS, OfficesAggregator, PeopleAggregator, TableWriter, row_of
from pressextract.records.schema import DOC_TABLES, PERSON_DOCS, TABLES

PART_TABLES = (*DOC_TABLES, "errors", PERSON_DOCS)
FORMAT_VERSION = 2  # 2: sidecars hold a content hash per input item
LOCK_NAME = ".pressextract.lock"


class ResumeError(RuntimeError):
    """--resume cannot continue this output folder (other input, other model, damaged progress)."""


class RunExists(RuntimeError):
    """The output folder holds an interrupted or finished run and neither resume nor overwrite was asked."""

    def __init__(self, state: str, detail: str) -> None:
        super().__init__(f"{detail}")
        self.state = state  # "interrupted" or "finished"


class OutputLocked(RuntimeError):
    """Another run is writing to the same output folder."""


class OutputError(RuntimeError):
    """The output folder cannot be written: no space, read-only, no permission, or -o names a file."""


_ENV_HINTS = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.ENOTDIR: "a path component is a file, not a folder",
    errno.EEXIST: "a file is in the way",
}


@contextmanager
def output_errors(where: Path) -> Iterator[None]:
    """Turn an OSError while writing the output folder into one clear OutputError line."""
    try:
        yield
    except OSError as exc:
        reason = _ENV_HINTS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
        raise OutputError(f"cannot write to {exc.filename or where}: {reason}") from exc


def atomic_write(path: Path, text: str, *, sync: bool = True) -> None:
    """Write a file so that readers (and a resumed run) see either nothing or all of it.

    Lone surrogates (file names that are not UTF-8) are written as JSON escapes (\\udcff): lossless for
    the JSON files of the store, whose json.loads gives the same string back.
    """
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", errors="backslashreplace", newline="") as fh:
        fh.write(text)
        if sync:
            fh.flush()
            os.fsync(fh.fileno())
    os.replace(tmp, path)


class OutputLock:
    """An exclusive flock on OUT/.pressextract.lock, released by the kernel when the process dies.

    Example: with OutputLock(out): ...  # a second run on `out` raises OutputLocked at once
    """

    def __init__(self, out_dir: Path) -> None:
        self.path = Path(out_dir) / LOCK_NAME
        self.fd: int | None = None

    def __enter__(self) -> Self:
        with output_errors(self.path):
            while True:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
                    os.close(fd)
                    raise OutputLocked(
                        f"another pressextract run (pid {holder}) is writing to {self.path.parent}; "
                        "wait for it to end or choose another -o"
                    ) from None
                try:
                    same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
                except FileNotFoundError:
                    same = False
                if same:
                    break
                os.close(fd)  # the previous holder removed the file between our open and flock: retry
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            try:
                self.path.unlink(missing_ok=True)
            except OSError:
                pass  # a read-only folder keeps the file; the lock itself goes with the descriptor
            os.close(self.fd)
            self.fd = None


def existing_tables(out_dir: Path) -> list[Path]:
    return [p for t in TABLES for f in FORMATS if (p := Path(out_dir) / f"{t}.{f}").exists()]


class ChunkStore:
    """The .parts folder of one output directory.

    Example: store = ChunkStore(out, fingerprint=fp); done = store.begin(resume=True, chunk_size=512)
    """

    def __init__(self, out_dir: Path, *, fingerprint: dict) -> None:
        self.out = Path(out_dir)
        self.root = self.out / ".parts"
        self.fingerprint = fingerprint
        self.progress: dict = {}
        self.redo: list[int] = []  # chunks listed as done whose files were missing or damaged

    @property
    def chunk_size(self) -> int:
        return int(self.progress["chunk_size"])

    def _part(self, table: str, index: int) -> Path:
        return self.root / table / f"part-{index:05d}.jsonl"

    def _sidecar(self, index: int) -> Path:
        return self.root / "chunks" / f"part-{index:05d}.json"

    def _read_progress(self) -> dict | None:
        """The progress of an earlier run; None when there is none; ResumeError when it is damaged."""
        path = self.root / "progress.json"
        if not path.exists():
            return None
        try:
            progress = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(progress, dict) or not isinstance(progress.get("chunks"), list):
                raise TypeError("no list of chunks")
            return progress
        except (OSError, ValueError, TypeError) as exc:
            raise ResumeError(
                f"{path} is damaged ({type(exc).__name__}: {exc}); the finished chunks cannot be "
                "trusted: start again with --overwrite"
            ) from None

    def state(self) -> tuple[str, str] | None:
        """("interrupted"|"finished", a line saying what) for a folder holding an earlier run, else None."""
        if self.root.exists():
            try:
                progress = self._read_progress()
            except ResumeError:
                return "interrupted", f"{self.out} holds an interrupted run whose progress.json is damaged"
            done = sum(c.get("inputs", 0) for c in (progress or {}).get("chunks", []))
            return "interrupted", f"{self.out} holds an interrupted run ({done} inputs saved)"
        tables = existing_tables(self.out)
        if (self.out / "run.json").exists() or tables:
            return "finished", f"{self.out} holds the tables of a finished run"
        return None

    def begin(self, *, resume: bool, chunk_size: int, overwrite: bool = False) -> list[dict]:
        """Open the store; with resume, return the chunks already written (with their sources and doc_ids).

        Without resume or overwrite, a folder holding an earlier run raises RunExists.
        """
        with output_errors(self.out):
            return self._begin(resume=resume, chunk_size=chunk_size, overwrite=overwrite)

    def _begin(self, *, resume: bool, chunk_size: int, overwrite: bool) -> list[dict]:
        if not resume and not overwrite:
            state = self.state()
            if state is not None:
                raise RunExists(*state)
        previous = self._read_progress() if resume else None
        if resume and previous is None:
            state = self.state()
            if state is not None and state[0] == "finished":  # nothing to resume; replacing needs --overwrite
                raise RunExists(*state)
        if previous is not None:
            if previous.get("format") != FORMAT_VERSION:
                raise ResumeError(
                    f"{self.root} was written by another version of pressextract; start again with --overwrite"
                )
            if previous.get("fingerprint") != self.fingerprint:
                diff = sorted(
                    k
                    for k in set(previous.get("fingerprint", {})) | set(self.fingerprint)
                    if previous.get("fingerprint", {}).get(k) != self.fingerprint.get(k)
                )
                raise ResumeError(
                    f"cannot resume: {', '.join(diff)} differ(s) from the interrupted run in "
                    f"{self.out}; run again with --overwrite to start over"
                )
            self.progress = previous
            self._clean_temporaries()
            for table in (*PART_TABLES, "chunks"):
                (self.root / table).mkdir(parents=True, exist_ok=True)
            done, kept = [], []
            for entry in self.progress["chunks"]:
                side = self._intact(entry)
                if side is None:
                    self.redo.append(entry.get("index"))
                    continue
                kept.append(entry)
                done.append({**entry, **{k: side[k] for k in ("sources", "doc_ids", "hashes")}})
            if self.redo:  # forget damaged chunks: the driver analyses them again
                self.progress["chunks"] = kept
                self._save()
            return done
        if self.root.exists():
            shutil.rmtree(self.root)
        if not resume:  # overwrite (or a fresh folder): the old tables must not pass for this run's
            for path in [*existing_tables(self.out), self.out / "run.json"]:
                path.unlink(missing_ok=True)
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

    def _intact(self, entry: dict) -> dict | None:
        """The sidecar of a chunk listed as done, if its sidecar and every part file are there."""
        try:
            index = int(entry["index"])
            side = json.loads(self._sidecar(index).read_text(encoding="utf-8"))
            if len(side["sources"]) != entry["inputs"] or len(side["hashes"]) != entry["inputs"]:
                return None
            if not all(self._part(t, index).is_file() for t in PART_TABLES):
                return None
            return side
        except (OSError, ValueError, KeyError, TypeError):
            return None

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
        with output_errors(self.root):
            self._commit(chunk)

    def _commit(self, chunk: Chunk) -> None:
        per_table: dict[str, list[str]] = {t: [] for t in PART_TABLES}
        ok = failed = 0
        for outcome in chunk.outcomes:
            outcome, lines = encode_outcome(outcome)
            if outcome.error is None:
                ok += 1
            else:
                failed += 1
            for table, table_lines in lines.items():
                per_table[table].extend(table_lines)
        for table, lines in per_table.items():  # empty parts too: they replace any stale file of a crash
            atomic_write(self._part(table, chunk.index), "".join(lines))
        atomic_write(
            self._sidecar(chunk.index),
            json.dumps(
                {
                    "index": chunk.index,
                    "sources": chunk.sources,
                    "doc_ids": chunk.doc_ids,
                    "hashes": chunk.hashes,
                },
                ensure_ascii=False,
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

    @property
    def _final(self) -> Path:
        return self.root / "final"

    def merge(self, *, formats: list[str]) -> dict[str, int]:
        """Merge all parts, in chunk order, into OUT/.parts/final/; returns rows per table."""
        with output_errors(self.root):
            return self._merge(formats=formats)

    def _merge(self, *, formats: list[str]) -> dict[str, int]:
        self.progress["state"] = "merging"
        self._save()
        shutil.rmtree(self._final, ignore_errors=True)
        self._final.mkdir()
        indices = sorted(c["index"] for c in self.progress["chunks"])
        rows: dict[str, int] = {}
        offices = OfficesAggregator()
        for table in TABLES:
            if table in ("people", "offices"):
                continue
            with TableWriter(self._final, table, formats) as writer:
                for index in indices:
                    text = self._part(table, index).read_text(encoding="utf-8")
                    if not text:
                        continue
                    # split on "\n" only: JSON escapes newlines, but str.splitlines() would also cut at U+2028
                    parsed = [json.loads(line) for line in text.split("\n") if line]
                    writer.write_rows(parsed, json_text=text)
                    for row in parsed:
                        if table == "documents":
                            offices.add_document(row["doc_id"], row.get("published"))
                        elif table == "roles":
                            offices.add_role(row)
            rows[table] = writer.rows
        people = PeopleAggregator()
        for index in indices:
            text = self._part(PERSON_DOCS, index).read_text(encoding="utf-8")
            for line in text.split("\n"):
                if line:
                    people.add(json.loads(line))
        persons = people.people()
        with TableWriter(self._final, "people", formats) as writer:
            writer.write_rows([row_of(p, "people") for p in persons])
        rows["people"] = writer.rows
        with TableWriter(self._final, "offices", formats) as writer:
            names = {p.person_id: p.name for p in persons}
            writer.write_rows([row_of(o, "offices") for o in offices.offices(names)])
        rows["offices"] = writer.rows
        return {t: rows[t] for t in TABLES}

    def publish(self, run_json: str) -> None:
        """Move the complete tables into OUT, run.json last, and remove .parts."""
        with output_errors(self.out):
            atomic_write(self._final / "run.json", run_json)
            names = sorted(p.name for p in self._final.iterdir() if p.name != "run.json")
            for name in [*names, "run.json"]:
                os.replace(self._final / name, self.out / name)
            self.remove()

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
