"""Evaluation against gold data and external benchmarks."""
