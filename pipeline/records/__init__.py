"""Records: typed rows per table, built from processed Docs, exported as CSV/JSONL/Parquet."""
