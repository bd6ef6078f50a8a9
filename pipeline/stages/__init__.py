"""Extraction stages, one spaCy component per module. Importing this package registers the factories."""

from pressextract.stages import agenda, events, people, quotes, roles, timexes

__all__ = ["agenda", "events", "people", "quotes", "roles", "timexes"]
