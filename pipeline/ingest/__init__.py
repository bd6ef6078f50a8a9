"""Readers for press-release archives: files, folders, zip, json/jsonl, html -> RawDocument."""

from pipeline.ingest.readers import IngestError, IngestOptions, RawDocument, iter_documents

__all__ = ["IngestError", "IngestOptions", "RawDocument", "iter_documents"]
