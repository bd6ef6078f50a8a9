"""Extraction stages, one spaCy component per module. Importing this package registers the factories."""

import importlib

for _name in ("timexes", "people", "roles", "quotes", "events", "agenda"):
    try:
        importlib.import_module(f"pipeline.stages.{_name}")
    except ModuleNotFoundError as _exc:  # a stage not written yet; the others still run
        if _exc.name != f"pipeline.stages.{_name}":
            raise
