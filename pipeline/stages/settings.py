"""Factory settings written once: a stage's default_config comes from the defaults of its options dataclass.

Example: defaults(EventOptions) -> {"max_name_tokens": 14, "max_organizer_chars": 200}.
"""

from __future__ import annotations

import dataclasses
from typing import Any


def defaults(options: type, *names: str) -> dict[str, Any]:
    """The defaults of an options dataclass as a spaCy default_config (tuples become lists).

    `names`: the fields that are factory settings (all fields with a default when none given).
    """
    fields = {f.name: f for f in dataclasses.fields(options)}
    out: dict[str, Any] = {}
    for name in names or tuple(fields):
        f = fields[name]
        if f.default is not dataclasses.MISSING:
            value = f.default
        elif f.default_factory is not dataclasses.MISSING:
            value = f.default_factory()
        else:
            raise TypeError(f"{options.__name__}.{name} has no default")
        out[name] = list(value) if isinstance(value, tuple) else value
    return out
