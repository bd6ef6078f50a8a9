"""pressextract: information extraction for German press releases.

import pressextract
result = pressextract.extract(["corpus/"])
result.quotes.head()
result.write("out/")
"""

from pressextract.api import extract, load
from pressextract.result import Result

__all__ = ["Result", "extract", "load"]
