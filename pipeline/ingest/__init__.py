"""Readers for press-release archives: files, folders, zip, json/jsonl, html -> RawDocument."""

from pressextract.ingest.readers import DocIds, IngestError, IngestOptions, RawDocument, iter_documents

__all__ = ["DocIds", "IngestError", "IngestOptions", "RawDocument", "iter_documents"]
