"""Inputs -> files: paths, folders (walked in sorted order) and globs, each file once.

FIFOs and devices are errors rows (never opened), unreadable folders are errors rows, link loops are
visited once, and symbolic links that leave an input folder are skipped unless `follow_symlinks`.
Example: expand_inputs(["archiv/", "extra/*.jsonl"], options=IngestOptions()) -> (files, errors, skipped).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable

from pressextract.ingest.documents import KNOWN, IngestError, IngestOptions, _suffixes, display_path
from pressextract.ingest.streams import _file_kind


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


class _Expansion:
    """Collects the files of all inputs: each file once, symlinks out of the tree not followed."""

    def __init__(self, options: IngestOptions, seen_files: set[tuple[int, int]] | None = None) -> None:
        self.options = options
        self.files: list[str] = []
        self.errors: list[IngestError] = []
        self.skipped: list[str] = []
        self.seen_files = seen_files if seen_files is not None else set()
        self.seen_dirs: set[tuple[int, int]] = set()

    def error(self, path: str, message: str) -> None:
        self.errors.append(IngestError(display_path(path), message))

    def add_file(self, path: str, st: os.stat_result, *, filtered: bool) -> None:
        if filtered and _suffixes(os.path.basename(path))[1] not in KNOWN:
            self.skipped.append(display_path(path))
            return
        key = (st.st_dev, st.st_ino)
        if key in self.seen_files:  # the same file named twice or reached through a link: read once
            return
        self.seen_files.add(key)
        self.files.append(path)

    def path(self, item: str) -> None:
        """An argument: a folder is walked, a file is taken (any type: an unknown one becomes an errors row)."""
        try:
            st = os.stat(item)
        except FileNotFoundError:
            self.error(item, "no such file or directory")
            return
        except OSError as exc:
            self.error(item, f"cannot read: {exc.strerror or exc}")
            return
        if stat.S_ISDIR(st.st_mode):
            self.walk(item)
        elif stat.S_ISREG(st.st_mode):
            self.add_file(item, st, filtered=False)
        else:
            self.error(item, f"{_file_kind(st.st_mode)}, not a regular file: refused without reading")

    def entries(self, folder: str) -> list[tuple[str, str, os.stat_result | None, bool]] | None:
        """(name, path, stat or None when broken, is a link) of a folder, sorted; unreadable -> errors row."""
        try:
            with os.scandir(folder) as it:
                names = sorted(e.name for e in it)
        except OSError as exc:
            self.error(folder.rstrip(os.sep) + os.sep, f"cannot read folder: {exc.strerror or exc}")
            return None
        out = []
        for name in names:
            full = os.path.join(folder, name)
            link = os.path.islink(full)
            try:
                st: os.stat_result | None = os.stat(full)
            except OSError:
                st = None
            out.append((name, full, st, link))
        return out

    def follows(self, path: str, root: str) -> bool:
        return self.options.follow_symlinks or _inside(os.path.realpath(path), root)

    def walk(self, top: str) -> None:
        """A folder, recursively in sorted order (files of a folder before its subfolders, like os.walk)."""
        root = os.path.realpath(top)
        stack = [top]
        while stack:
            folder = stack.pop()
            try:
                st = os.stat(folder)
            except OSError as exc:
                self.error(folder.rstrip(os.sep) + os.sep, f"cannot read folder: {exc.strerror or exc}")
                continue
            if (st.st_dev, st.st_ino) in self.seen_dirs:  # a link loop or a folder given twice
                continue
            self.seen_dirs.add((st.st_dev, st.st_ino))
            entries = self.entries(folder)
            if entries is None:
                continue
            subdirs = []
            for name, full, est, link in entries:
                is_dir = est is not None and stat.S_ISDIR(est.st_mode)
                shown = full + os.sep if is_dir else full
                if name.startswith(".") or (is_dir and name in self.options.exclude_dirs):
                    self.skipped.append(display_path(shown))
                elif link and (est is None or not self.follows(full, root)):
                    if est is None and _suffixes(name)[1] in KNOWN:
                        self.error(full, "broken symbolic link")
                    else:  # out of the input tree: not read unless --follow-symlinks
                        self.skipped.append(display_path(shown))
                elif est is None:
                    self.error(full, "cannot read: file vanished or is not accessible")
                elif is_dir:
                    subdirs.append(full)
                elif stat.S_ISREG(est.st_mode):
                    self.add_file(full, est, filtered=True)
                elif _suffixes(name)[1] in KNOWN:
                    self.error(
                        full, f"{_file_kind(est.st_mode)}, not a regular file: refused without reading"
                    )
                else:
                    self.skipped.append(display_path(full))
            stack.extend(reversed(subdirs))

    def glob(self, pattern: str) -> None:
        """`x/**/*.txt`: like glob.glob(recursive=True), but links are not followed out of the base
        folder, link loops are visited once and every file is taken once."""
        parts = pattern.rstrip(os.sep).split(os.sep)  # "x/*/" matches folders: they are walked anyway
        first = next(i for i, p in enumerate(parts) if _MAGIC.search(p))
        base = os.sep.join(parts[:first]) if first else ""
        if pattern.startswith(os.sep) and not base:
            base = os.sep
        rest = parts[first:]
        regex = _glob_regex(rest)
        max_depth = None if "**" in rest else len(rest)
        hidden_ok = any(p.startswith(".") for p in rest)
        start = base or "."
        root = os.path.realpath(start)
        matches: list[tuple[str, os.stat_result]] = []
        seen: set[tuple[int, int]] = set()
        stack: list[tuple[str, str, int]] = [(start, "", 0)]
        while stack:
            folder, rel, depth = stack.pop()
            try:
                st = os.stat(folder)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            entries = self.entries(folder)
            for name, full, est, link in entries or []:
                relpath = f"{rel}/{name}" if rel else name
                shown = os.path.join(base, *relpath.split("/")) if base else os.path.join(*relpath.split("/"))
                if est is None:
                    if link and regex.match(relpath) and _suffixes(name)[1] in KNOWN:
                        self.error(shown, "broken symbolic link")
                    continue
                if link and not self.follows(full, root):
                    if regex.match(relpath):
                        self.skipped.append(display_path(shown))
                    continue
                if regex.match(relpath):
                    matches.append((shown, est))
                if (
                    stat.S_ISDIR(est.st_mode)
                    and (max_depth is None or depth + 1 < max_depth)
                    and (hidden_ok or not name.startswith("."))
                ):
                    stack.append((full, relpath, depth + 1))
        if not matches:
            self.error(pattern, "no file matches this pattern")
        for path, st in sorted(matches):
            if stat.S_ISDIR(st.st_mode):
                self.walk(path)
            elif stat.S_ISREG(st.st_mode):
                self.add_file(path, st, filtered=True)
            elif _suffixes(path)[1] in KNOWN:
                self.error(path, f"{_file_kind(st.st_mode)}, not a regular file: refused without reading")


_MAGIC = re.compile(r"[*?[]")


def _glob_component(comp: str) -> str:
    """One path component of a glob as a regex that never crosses "/" (fnmatch rules otherwise)."""
    out = [] if comp.startswith(".") else [r"(?!\.)"]
    i = 0
    while i < len(comp):
        ch = comp[i]
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[":
            j = comp.find("]", i + 2 if comp[i + 1 : i + 2] in ("!", "]") else i + 1)
            if j < 0:
                out.append(r"\[")
            else:
                body = comp[i + 1 : j]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = j
        else:
            out.append(re.escape(ch))
        i += 1
    return "".join(out)


def _glob_regex(parts: list[str]) -> re.Pattern[str]:
    """`**` matches any number of (non-hidden) folders, as in glob.glob(recursive=True)."""
    out = ""
    for k, comp in enumerate(parts):
        last = k == len(parts) - 1
        if comp == "**":
            out += r"(?:(?!\.)[^/]+(?:/(?!\.)[^/]+)*)?" if last else r"(?:(?!\.)[^/]+/)*"
        else:
            out += _glob_component(comp) + ("" if last else "/")
    return re.compile(out + r"\Z", re.DOTALL)


def expand_inputs(
    inputs: Iterable[str], *, options: IngestOptions, seen_files: set[tuple[int, int]] | None = None
) -> tuple[list[str], list[IngestError], list[str]]:
    """Paths, folders (recursive) and globs -> (files in stable order, errors, skipped files).

    Each file is taken once however it is reached; a FIFO or device is an errors row, never opened;
    symbolic links that leave the input folder are skipped unless `options.follow_symlinks`.
    `seen_files` ((device, inode) of files taken) carries "each file once" across calls of one run.
    """
    exp = _Expansion(options, seen_files)
    for item in inputs:
        if item == "-":
            exp.files.append("-")
        elif _MAGIC.search(item) and not os.path.lexists(item):
            exp.glob(item)
        else:
            exp.path(item)
    return exp.files, exp.errors, exp.skipped
