"""Berlin's speaker-line blocks ("Bezirksstadtrat …:" then a "bq. " paragraph): how many come out as a
direct quote with the speaker named in the line.

    python bench/quotes_speaker_lines.py [--n 150] [--seed 18] [--show 10]

Draws N releases with the pattern at random (seed printed; gold holdout ids excluded) from
shared/data/press/releases.jsonl.xz, prepares them like the engine (title block + normalized body),
runs the full pipeline and checks the first block of each release: right = a direct quote overlapping
the paragraph whose speaker lies in the speaker line. Not a test: a measurement for the issue's note.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import random
import re
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "press" / "releases.jsonl.xz"
_OPENERS = "„“”\"»«‚‘' \t"
_BLOCK = re.compile(r"(?m)^(?P<line>[^\n]{3,200}):[ \t]*\n+bq\.[ \t]+(?P<para>[^\n]{20,})")


def holdout_ids() -> set[str]:
    manifest = json.loads((ROOT / "corpus" / "gold" / "manifest.json").read_text(encoding="utf-8"))
    return {r["id"] for r in manifest["releases"] if r.get("split") == "holdout"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--show", type=int, default=10, help="print N misses")
    args = ap.parse_args()

    import pressextract
    from pressextract.engine import prepare
    from pressextract.ingest import iter_documents
    from pressextract.ingest.normalize import normalize_text

    skip = holdout_ids()
    found = []
    with lzma.open(DATA, "rt", encoding="utf-8") as fh:
        for line in fh:
            if "bq. " not in line:
                continue
            r = json.loads(line)
            if r["id"] not in skip and _BLOCK.search(r.get("text") or ""):
                found.append(r)
    sample = random.Random(args.seed).sample(found, min(args.n, len(found)))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        tmp.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sample))
    try:
        prepared = [prepare(d) for d in iter_documents([tmp.name]) if not hasattr(d, "error")]
    finally:
        os.unlink(tmp.name)
    nlp = pressextract.load()
    right = quoted = 0
    misses = []
    for r, p in zip(sample, prepared, strict=True):
        m = _BLOCK.search(r["text"])
        # the quote span leaves the marks out: look the paragraph up without its opening mark, normalized
        para = normalize_text(m.group("para")).lstrip(_OPENERS)[:60]
        line = normalize_text(m.group("line")).strip()
        doc = nlp(p.text)
        text = doc.text
        ps = text.find(para)
        ls = text.rfind(line[:40], 0, ps) if ps >= 0 else -1
        ok_q = ok_s = False
        got = None
        for s in doc.spans.get("press_quotes", []):
            q = s._.quote
            if q["kind"] == "direct" and ps >= 0 and s.start_char <= ps < s.end_char + 1:
                ok_q = True
                got = q.get("speaker")
                if q.get("speaker_start") is not None and ls >= 0:
                    ok_s = ls <= q["speaker_start"] and q["speaker_end"] <= ls + len(line)
                break
        quoted += ok_q
        right += ok_q and ok_s
        if not (ok_q and ok_s):
            misses.append((r["id"], line[:80], got))
    n = len(sample)
    print(
        f"{len(found)} releases with the pattern (holdout excluded); sample {n}, seed {args.seed}: "
        f"{quoted} direct quotes ({quoted / n:.1%}), {right} with the speaker of the line ({right / n:.1%})"
    )
    for miss in misses[: args.show]:
        print("miss:", *miss, sep=" | ")


if __name__ == "__main__":
    main()
