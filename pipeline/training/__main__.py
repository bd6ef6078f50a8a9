"""Train the bundled German pipeline ``models/de_pressextract``.

Usage::

    python -m pressextract.training [all|convert|vectors|silver|train-ud|train-lemma|train-ner|assemble|evaluate]
        [--data PATH] [--build PATH] [--out PATH] [--threads N]

``all`` (the default) runs every step in order. Intermediate files go to ``models/build/``
(git-ignored); the finished pipeline is written to ``models/de_pressextract/``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from pressextract.paths import shared_data_dir

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "models"
CONFIGS = MODELS / "configs"
DEFAULT_DATA = Path(os.environ.get("PRESSEXTRACT_DATA", ROOT.parent / "shared" / "data"))

#: the recipe of the shipped model (see models/README.md for the measured variants)
RECIPE = {
    "ud": {"config": "ud.cfg", "max_steps": 3000, "vectors": True},
    # separate small lemmatizer pipeline trained on gold + HanTa silver lemmas ("lemma"), or
    # "trainable" (the UD pipeline's own edit-tree lemmatizer) or "lookup" (spacy-lookups-data)
    "lemmatizer": "lemma",
    "lemma": {"config": "lemma.cfg", "max_steps": 3000, "vectors": True, "silver_sents": 12000},
    # silver PER sentences from the releases, found with the name lists (pipeline/training/silver_ner.py)
    "silver_people_sents": 3000,
    # v0.2: GermEval test twice (so that MISC, which only GermEval and Europarl have, is not drowned
    # out) + LER + SmartData + Europarl (MISC missing) + 8,000 WikiANN sentences (silver, capitalised O
    # words missing) + silver PER sentences from the releases (name lists); = variant "ep-wa8k-people"
    "ner": {
        "config": "ner.cfg",
        "max_steps": 5000,
        "vectors": True,
        "sets": [
            "ner_germeval_train",
            "ner_germeval_train",
            "ner_ler",
            "ner_smartdata",
            "ner_europarl",
            "ner_wikiann_sample",
            "ner_silver_people",
        ],
    },
}

_NER_V1_SETS = ["ner_germeval_train", "ner_germeval_train", "ner_ler", "ner_smartdata"]

#: NER variants measured for v0.2 (models/README.md, rows N9...); ``train-ner --variant NAME``
NER_VARIANTS = {
    # v0.1 data + Europarl (gold) + 8,000 WikiANN sentences (silver, capitalised O words missing)
    "ep-wa8k": {
        "config": "ner.cfg",
        "max_steps": 5000,
        "vectors": True,
        "sets": _NER_V1_SETS + ["ner_europarl", "ner_wikiann_sample"],
    },
    # v0.1 data + Europarl only (no silver WikiANN)
    "ep": {
        "config": "ner.cfg",
        "max_steps": 5000,
        "vectors": True,
        "sets": _NER_V1_SETS + ["ner_europarl"],
    },
    # WikiANN sample with every O kept (no masking of capitalised words)
    "ep-wa8k-o": {
        "config": "ner.cfg",
        "max_steps": 5000,
        "vectors": True,
        "sets": _NER_V1_SETS + ["ner_europarl", "ner_wikiann_sample_o"],
    },
    # longer training of "ep": 8,000 steps, patience 3,000
    "ep-long": {
        "config": "ner.cfg",
        "max_steps": 8000,
        "vectors": True,
        "sets": _NER_V1_SETS + ["ner_europarl"],
        "extra": ["--training.patience", "3000"],
    },
    # wider NER tok2vec (width 128, hash rows 10k/2k/5k/2.5k, NER hidden 96) on the "ep" data
    "ep-wide": {
        "config": "ner_wide.cfg",
        "max_steps": 8000,
        "vectors": True,
        "sets": _NER_V1_SETS + ["ner_europarl"],
    },
    # + silver PER sentences from the releases (office word + listed given and family name)
    "ep-wa8k-people": {
        "config": "ner.cfg",
        "max_steps": 5000,
        "vectors": True,
        "sets": _NER_V1_SETS + ["ner_europarl", "ner_wikiann_sample", "ner_silver_people"],
    },
}

META = {
    "name": "de_pressextract",
    "lang": "de",
    "version": "0.2.0",
    "description": (
        "Compact German CNN pipeline for press releases: UD morphologizer (UPOS+FEATS), edit-tree "
        "lemmatizer, UD dependency parser (sentences), NER PER/LOC/ORG/MISC. Trained on UD German-GSD "
        "dev + PUD (CC BY-SA), GermEval 2014 test, LER and SmartData v1 (CC BY 4.0), Europarl German NER "
        "(research distribution), WikiANN German (Wikipedia text, CC BY-SA) and silver PER spans found "
        "with name lists in Berlin press releases."
    ),
    "author": "pressextract",
    "license": "CC BY-SA 4.0",
    "sources": [
        {"name": "UD German-GSD (dev)", "license": "CC BY-SA 4.0"},
        {"name": "UD German-PUD", "license": "CC BY-SA 3.0"},
        {"name": "GermEval 2014 NER (test split)", "license": "CC BY 4.0"},
        {"name": "German Legal Entity Recognition (LER, dev+test)", "license": "CC BY 4.0"},
        {"name": "DFKI SmartData v1", "license": "CC BY 4.0 (annotations: research use only)"},
        {"name": "floret vectors trained on Berlin press releases (berlin.de)", "license": "n/a"},
        {"name": "HanTa silver lemmas on Berlin press-release sentences (lemmatizer only)", "license": "n/a"},
        {
            "name": "Europarl German NER (Faruqui & Padó 2010), all splits (NER only)",
            "license": "not stated; distributed by the authors for research",
        },
        {
            "name": "WikiANN German (Rahimi et al. 2019 split), 8,000 sampled sentences (NER only)",
            "license": "text from Wikipedia, CC BY-SA; annotation licence not stated",
        },
        {
            "name": "silver PER spans in Berlin press releases via Berlin given names (CC BY 3.0 DE, LABO "
            "Berlin) and GermaNER family names (Apache-2.0) (NER only)",
            "license": "n/a",
        },
    ],
}


def log(msg: str) -> None:
    print(f"[training {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def step_convert(data: Path, build: Path) -> None:
    from .convert import build_all

    stats = build_all(data, build / "corpus")
    log(f"converted corpora: {stats}")


def step_vectors(data: Path, build: Path, threads: int) -> None:
    from .vectors import build_vectors

    vec = build / "vectors" / "de_press_floret"
    if (vec / "vocab").exists() and not os.environ.get("PRESSEXTRACT_REBUILD_VECTORS"):
        log(f"vectors exist: {vec}")
        return
    build_vectors(data / "press" / "releases.jsonl.xz", build, threads=threads)


def spacy_train(
    config: Path,
    out: Path,
    train: Path,
    dev: Path,
    vectors: Path | None,
    max_steps: int,
    extra: list[str] | None = None,
) -> Path:
    # PRESSEXTRACT_MAX_STEPS caps every run (smoke tests of the recipe); unset for the real model
    if os.environ.get("PRESSEXTRACT_MAX_STEPS"):
        max_steps = min(max_steps, int(os.environ["PRESSEXTRACT_MAX_STEPS"]))
        extra = list(extra or []) + ["--training.eval_frequency", str(max(10, max_steps // 2))]
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(config),
        "-o",
        str(out),
        "--paths.train",
        str(train),
        "--paths.dev",
        str(dev),
        "--training.max_steps",
        str(max_steps),
    ]
    if vectors is not None:
        cmd += [
            "--paths.vectors",
            str(vectors),
            "--components.tok2vec.model.embed.include_static_vectors",
            "true",
        ]
    cmd += extra or []
    log(" ".join(cmd))
    subprocess.run(cmd, check=True)
    return out / "model-best"


def step_train_ud(build: Path) -> Path:
    r = RECIPE["ud"]
    vec = build / "vectors" / "de_press_floret" if r["vectors"] else None
    return spacy_train(
        CONFIGS / r["config"],
        build / "runs" / "ud",
        build / "corpus" / "ud_train.spacy",
        build / "corpus" / "ud_inner_dev.spacy",
        vec,
        r["max_steps"],
    )


def _make_set(folder: Path, files: list[Path]) -> Path:
    """A folder of symlinks: spaCy's Corpus reads every .spacy file below a folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for i, f in enumerate(files):
        (folder / f"{i:02d}_{f.name}").symlink_to(f.resolve())
    return folder


def step_silver(data: Path, build: Path) -> None:
    from .silver import build_silver_lemmas

    out = build / "silver" / "silver_lemmas.spacy"
    if RECIPE["lemmatizer"] != "lemma":
        pass
    elif out.exists() and not os.environ.get("PRESSEXTRACT_REBUILD_SILVER"):
        log(f"silver lemmas exist: {out}")
    else:
        n = build_silver_lemmas(
            data / "press" / "releases.jsonl.xz", out, n_sents=RECIPE["lemma"]["silver_sents"]
        )
        log(f"silver lemmas for {n} press sentences")
    from .silver_ner import build_silver_people

    people = build / "corpus" / "ner_silver_people.spacy"
    if people.exists() and not os.environ.get("PRESSEXTRACT_REBUILD_SILVER"):
        log(f"silver people exist: {people}")
        return
    n = build_silver_people(
        data / "press" / "releases.jsonl.xz",
        data / "ner-extra" / "gazetteers",
        people,
        max_sents=RECIPE["silver_people_sents"],
    )
    log(f"silver PER spans in {n} press sentences (office/address word + listed given and family name)")


def step_train_lemma(build: Path) -> Path:
    r = RECIPE["lemma"]
    sets = _make_set(
        build / "sets" / "lemma",
        [build / "corpus" / "ud_train.spacy", build / "silver" / "silver_lemmas.spacy"],
    )
    vec = build / "vectors" / "de_press_floret" if r["vectors"] else None
    return spacy_train(
        CONFIGS / r["config"],
        build / "runs" / "lemma",
        sets,
        build / "corpus" / "ud_inner_dev.spacy",
        vec,
        r["max_steps"],
    )


def step_train_ner(build: Path, variant: str | None = None) -> Path:
    """Train the NER pipeline of the recipe, or of a measured variant (``runs/ner-<variant>``)."""
    r = NER_VARIANTS[variant] if variant else RECIPE["ner"]
    name = f"ner-{variant}" if variant else "ner"
    sets = _make_set(build / "sets" / name, [build / "corpus" / f"{n}.spacy" for n in r["sets"]])
    vec = build / "vectors" / "de_press_floret" if r["vectors"] else None
    return spacy_train(
        CONFIGS / r["config"],
        build / "runs" / name,
        sets,
        build / "corpus" / "ner_germeval_inner_dev.spacy",
        vec,
        r["max_steps"],
        extra=r.get("extra"),
    )


def assemble(
    ud_model: Path, ner_model: Path, out: Path, lemmatizer: str = "trainable", lemma_model: Path | None = None
) -> Path:
    """Combine the UD and the NER pipelines into one directory (the NER keeps its own tok2vec)."""
    import shutil

    import spacy

    nlp = spacy.load(ud_model)
    ner_nlp = spacy.load(ner_model)
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    if ner_nlp.vocab.vectors.shape != nlp.vocab.vectors.shape:
        if nlp.vocab.vectors.shape[0] == 0 or nlp.vocab.vectors.shape[1] == 0:
            nlp.vocab.vectors = ner_nlp.vocab.vectors
        else:
            raise SystemExit("UD and NER pipelines were trained with different vectors")
    nlp.add_pipe("ner", source=ner_nlp)
    if lemmatizer == "lemma":
        lem_nlp = spacy.load(lemma_model)
        lem_nlp.replace_listeners("tok2vec", "trainable_lemmatizer", ["model.tok2vec"])
        nlp.remove_pipe("trainable_lemmatizer")
        nlp.add_pipe("trainable_lemmatizer", source=lem_nlp, after="morphologizer")
    elif lemmatizer == "lookup":
        nlp.remove_pipe("trainable_lemmatizer")
        lem = nlp.add_pipe("lemmatizer", config={"mode": "lookup"}, after="morphologizer")
        lem.initialize()
    nlp.meta.update({k: v for k, v in META.items()})
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    return out


def replace_ner(base_model: Path, ner_model: Path, out: Path) -> Path:
    """Swap the NER of an assembled pipeline for a newly trained one, keeping the UD part and lemmas.

    How v0.2.0 was made: the v0.1.0 UD/lemma components with the v0.2 NER (``assemble-ner``).
    """
    import shutil
    import tempfile

    import spacy

    nlp = spacy.load(base_model)
    ner_nlp = spacy.load(ner_model)
    if ner_nlp.vocab.vectors.shape != nlp.vocab.vectors.shape:
        raise SystemExit("the base pipeline and the NER were trained with different vectors")
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.meta.update({k: v for k, v in META.items()})
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:  # base_model may be ``out`` itself
        nlp.to_disk(Path(tmp) / "model")
        if out.exists():
            shutil.rmtree(out)
        shutil.move(str(Path(tmp) / "model"), out)
    return out


def write_performance(model_dir: Path, res: dict) -> None:
    """Held-out scores into meta.json ("performance"), as spaCy's packaged models carry them."""
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    perf = {}
    ner = res.get("ner_germeval_dev") or {}
    perf.update({k: ner[k] for k in ("ents_p", "ents_r", "ents_f", "ents_per_type") if k in ner})
    perf.update(res.get("ud_gsd_test") or {})
    meta["performance"] = perf
    meta["performance_data"] = {"ner": "GermEval 2014 dev (held out)", "ud": "UD German-GSD test (held out)"}
    # the other NER evaluation sets (pipeline/training/evaluate.py NER_EVAL_SETS): F and per-type F
    meta["performance_ner_sets"] = {
        key: {"ents_f": round(r["ents_f"], 4), **{k: round(v["f"], 4) for k, v in r["ents_per_type"].items()}}
        for key, r in (res.get("ner_sets") or {}).items()
        if "ents_f" in r
    }
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pressextract.training", description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "step",
        nargs="?",
        default="all",
        choices=[
            "all",
            "convert",
            "vectors",
            "silver",
            "train-ud",
            "train-lemma",
            "train-ner",
            "assemble",
            "assemble-ner",
            "evaluate",
        ],
    )
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--build", type=Path, default=MODELS / "build")
    ap.add_argument("--out", type=Path, default=MODELS / "de_pressextract")
    ap.add_argument("--threads", type=int, default=2, help="threads for floret training")
    ap.add_argument("--base", type=Path, help="assemble-ner: pipeline whose UD part is kept (default --out)")
    ap.add_argument(
        "--variant", choices=sorted(NER_VARIANTS), help="train-ner: a measured variant, not the recipe"
    )
    args = ap.parse_args(argv)
    if not args.data.exists():
        fallback = shared_data_dir()  # ../shared/data beside the checkout found from the working folder
        if fallback.exists():
            args.data = fallback
        else:
            ap.error(f"data folder not found: {args.data} (set --data or PRESSEXTRACT_DATA)")
    t0 = time.time()
    build = args.build
    step = args.step
    if step in ("all", "convert"):
        step_convert(args.data, build)
    if step in ("all", "vectors") and (RECIPE["ud"]["vectors"] or RECIPE["ner"]["vectors"]):
        step_vectors(args.data, build, args.threads)
    if step in ("all", "silver"):
        step_silver(args.data, build)
    if step in ("all", "train-ud"):
        step_train_ud(build)
    if step in ("all", "train-lemma") and RECIPE["lemmatizer"] == "lemma":
        step_train_lemma(build)
    if step in ("all", "train-ner"):
        step_train_ner(build, args.variant)
    if step in ("all", "assemble"):
        assemble(
            build / "runs" / "ud" / "model-best",
            build / "runs" / "ner" / "model-best",
            args.out,
            RECIPE["lemmatizer"],
            build / "runs" / "lemma" / "model-best",
        )
        log(f"wrote {args.out}")
    if step == "assemble-ner":
        # --base: the pipeline whose UD part is kept (default: --out itself)
        ner_run = build / "runs" / (f"ner-{args.variant}" if args.variant else "ner") / "model-best"
        replace_ner(args.base or args.out, ner_run, args.out)
        log(f"wrote {args.out} (NER from {ner_run})")
    if step in ("all", "evaluate", "assemble-ner"):
        from .evaluate import evaluate_all

        res = evaluate_all(args.out, build / "corpus", build / "eval.json")
        log(json.dumps(res, indent=1))
        write_performance(args.out, res)
    log(f"done in {(time.time() - t0) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
