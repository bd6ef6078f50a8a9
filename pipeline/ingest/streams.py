"""Bounded byte streams: budgets (with a compression-bomb check), line splitting that never holds an
over-long line, UTF-16 -> UTF-8 transcoding, put-back for sniffing, and opening only regular files.

Example: a 2 MB .jsonl.gz holding one 2 GiB line -> InputTooLarge after 64 MiB ("compression bomb").
"""

from __future__ import annotations

import codecs
import io
import os
import stat
from collections.abc import Iterator
from typing import BinaryIO

from pressextract.ingest.documents import InputTooLarge

# A compressed stream that has produced this much and still expands more than max_zip_ratio:1 is a bomb.
_BOMB_CHECK_BYTES = 64 << 20
_CHUNK = 1 << 16


class _Refused(OSError):
    """A path that is not a regular file (FIFO, device, socket): refused before reading."""


def _file_kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


class _Counted(io.RawIOBase):
    """Counts the (compressed) bytes a decompressor takes from a file."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw, self.n = raw, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.n += len(data)
        return len(data)


class _Budget(io.RawIOBase):
    """A stream that raises InputTooLarge past `limit` bytes, or when it expands like a compression bomb."""

    def __init__(self, raw: BinaryIO, *, limit: int, compressed: _Counted | None, ratio: int) -> None:
        self.raw, self.limit, self.compressed, self.ratio, self.n = raw, limit, compressed, ratio, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.raw.read(min(len(buffer), _CHUNK))
        self.n += len(data)
        if self.n > self.limit:
            raise InputTooLarge(f"file larger than the limit of {self.limit} bytes (after decompression)")
        if (
            self.compressed is not None
            and self.n > _BOMB_CHECK_BYTES
            and self.n > self.ratio * max(1, self.compressed.n)
        ):
            raise InputTooLarge(
                f"decompresses at more than {self.ratio}:1 ({self.n} bytes from {self.compressed.n}): "
                "looks like a compression bomb"
            )
        buffer[: len(data)] = data
        return len(data)


def _read_all(stream: BinaryIO, limit: int, what: str) -> bytes:
    """Read to the end, refusing before more than `limit` bytes are held."""
    data = bytearray()
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return bytes(data)
        data += chunk
        if len(data) > limit:
            raise InputTooLarge(f"{what} larger than the limit of {limit} bytes")


def _open_regular(name: str) -> BinaryIO:
    """Open without blocking, then refuse anything but a regular file (a FIFO would block forever)."""
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _Refused(f"{_file_kind(st.st_mode)}, not a regular file: refused without reading")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class _Lines:
    """Lines of a byte stream, split on `sep`, none held beyond `limit` bytes (an over-long line is
    counted while it is skipped and comes out as its length)."""

    def __init__(self, stream: BinaryIO, sep: bytes, limit: int, head: bytes = b"") -> None:
        self.stream, self.sep, self.limit = stream, sep, limit
        self.buf = bytearray(head)
        self.pos = 0

    def __iter__(self) -> Iterator[bytes | int]:
        dropped = 0
        scan = 0
        while True:
            i = self.buf.find(self.sep, scan)
            if i >= 0:
                n = dropped + (i - self.pos)
                line = n if n > self.limit else bytes(self.buf[self.pos : i])
                dropped = 0
                self.pos = scan = i + len(self.sep)  # before the yield: rest() may be called meanwhile
                yield line
                continue
            if len(self.buf) - self.pos > self.limit:
                dropped += len(self.buf) - self.pos
                self.buf.clear()
            else:
                del self.buf[: self.pos]
            self.pos = 0
            scan = len(self.buf)
            chunk = self.stream.read(_CHUNK)
            if not chunk:
                if dropped or len(self.buf) > self.limit:
                    yield dropped + len(self.buf)
                elif self.buf:
                    yield bytes(self.buf)
                self.buf.clear()
                return
            self.buf += chunk

    def rest(self, limit: int) -> bytes:
        """What is not yet split, to the end of the stream (bounded)."""
        data = bytes(self.buf[self.pos :])
        self.buf.clear()
        self.pos = 0
        if len(data) > limit:
            raise InputTooLarge(f"JSON file larger than the limit of {limit} bytes")
        return data + _read_all(self.stream, limit - len(data), "JSON file")


class _Transcode(io.RawIOBase):
    """A UTF-16 byte stream as UTF-8 bytes, decoded incrementally."""

    def __init__(self, raw: BinaryIO, encoding: str) -> None:
        self.raw = raw
        self.decoder = codecs.getincrementaldecoder(encoding)("strict")
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        while not self.pending:
            data = self.raw.read(_CHUNK)
            self.pending = self.decoder.decode(data, final=not data).encode("utf-8")
            if not data:
                break
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n


class _Prefixed(io.RawIOBase):
    """A byte stream with some bytes already read put back in front (for sniffing a stream we cannot seek)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
