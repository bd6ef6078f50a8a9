"""Small floret vectors trained on the unlabelled Berlin press releases.

floret stores only a hashed sub-word table (``bucket`` rows), so the table size is fixed and
small no matter how large the vocabulary is: 40,000 x 96 float32 = 15 MB.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .convert import iter_release_texts

FLORET_PARAMS = {
    "model": "cbow",
    "dim": 96,
    "minCount": 5,
    "minn": 4,
    "maxn": 5,
    "neg": 10,
    "hashCount": 2,
    "bucket": 40000,
    "epoch": 5,
    "lr": 0.05,
    "ws": 5,
}


def write_tokenized_text(releases: Path, out: Path, limit: int | None = None) -> int:
    """One paragraph per line, tokens separated by single spaces (spaCy's German tokenizer)."""
    import spacy

    nlp = spacy.blank("de")
    n_words = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    paras = (p.strip() for t in iter_release_texts(releases, limit) for p in t.split("\n") if p.strip())
    with open(out, "w", encoding="utf-8") as f:
        for doc in nlp.tokenizer.pipe(paras, batch_size=2000):
            words = [t.text for t in doc if not t.is_space]
            n_words += len(words)
            f.write(" ".join(words) + "\n")
    return n_words


def train_floret(text: Path, out_prefix: Path, threads: int = 1, **overrides) -> Path:
    import floret

    params = dict(FLORET_PARAMS, **overrides)
    model = floret.train_unsupervised(str(text), mode="floret", thread=threads, verbose=1, **params)
    model.save_floret_vectors(str(out_prefix) + ".floret")
    return Path(str(out_prefix) + ".floret")


def init_spacy_vectors(floret_file: Path, out_dir: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "init",
            "vectors",
            "de",
            str(floret_file),
            str(out_dir),
            "--mode",
            "floret",
        ],
        check=True,
    )
    return out_dir


def build_vectors(releases: Path, build: Path, threads: int = 1) -> Path:
    text = build / "vectors" / "releases.tok.txt"
    if not text.exists():
        n = write_tokenized_text(releases, text)
        print(f"[vectors] wrote {n:,} words of tokenized release text", flush=True)
    ff = train_floret(text, build / "vectors" / "press_floret", threads=threads)
    return init_spacy_vectors(ff, build / "vectors" / "de_press_floret")


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[2]
    build_vectors(
        Path(sys.argv[1]), root / "models" / "build", threads=int(sys.argv[2]) if len(sys.argv) > 2 else 1
    )
