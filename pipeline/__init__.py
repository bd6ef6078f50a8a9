"""pressextract: information extraction for German press releases.

import pipeline
result = pipeline.extract(["corpus/"])
result.quotes.head()
result.write("out/")
"""

from pipeline.api import extract, load
from pipeline.result import Result

__all__ = ["Result", "extract", "load"]
