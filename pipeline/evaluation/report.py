"""One evaluation of every extractor: gold facts and P/R/F on our releases, plus the external benchmarks.

Parts (each can be chosen with `only`):
  gold   the seed release (all-or-nothing) and the dev gold releases (corpus/gold/berlin-pm-*.json)
  quotes quote detection and attribution on the German WIKINEWS quotation corpus, dev split
  timex  temporal expressions on WikiWarsDE (when pipeline/evaluation/wikiwars.py is there)
  ner    the backbone on held-out corpora it did not train on: GermEval 2014 dev, CoNLL-2003 German testa
         and UNER German-PUD (NER), UD GSD test (UPOS, lemmas, sentences)
Data under shared/data is read by path; a part whose data is missing is reported as skipped.

Example: evaluate(only=("gold",), out_dir=Path("reports/latest"))["gold"]["seed"]["line"]
-> "facts: 83/83 (100%)"
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import json
import lzma
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path

from spacy.language import Language

from pressextract.evaluation.gold import (
    PRF,
    Tables,
    merge_prf,
    prf_dict,
    score_facts,
    score_prf,
)
from pressextract.evaluation.render_gold import _f, render_gold_splits
from pressextract.paths import project_root, shared_data_dir

REPO = project_root()
# the reference release and its gold ship with the package, so `evaluate` works outside a checkout
PACKAGED_SEED = Path(__file__).resolve().parent / "seed"
GOLD_DIR = REPO / "corpus" / "gold" if (REPO / "corpus" / "gold").is_dir() else PACKAGED_SEED
SEED_TEXT = (
    REPO / "corpus" / "seed.txt" if (REPO / "corpus" / "seed.txt").is_file() else PACKAGED_SEED / "seed.txt"
)
DATA_DIR = shared_data_dir()
PARTS = ("gold", "quotes", "timex", "ner")

# Published figures to read our numbers against (not measured here; see the sources named).
ANCHORS = {
    "timex": {
        "source": "HeidelTime on WikiWarsDE (Strötgen & Gertz 2011, 'WikiWarsDE: A German Corpus of Narratives "
        "Annotated with Temporal Expressions')",
        "strict_f": 87.7,
        "lenient_f": 93.3,
        "value_f": 88.5,
    },
    "ner": {
        "source": "spaCy de_core_news_sm / md / lg model cards (their own German NER evaluation data, not "
        "GermEval 2014: read as orientation, not as a like-for-like comparison)",
        "ents_f": {"sm": 0.821, "md": 0.838, "lg": 0.849},
        "per_f": {"sm": 0.869, "md": 0.896, "lg": 0.905},
    },
    "quotes": {
        "source": "Petersen-Frey & Biemann (2024), German news quotation attribution (WIKINEWS): the rule-based "
        "baselines are precision-leaning with low recall; learned models reach far higher recall",
        "note": "precision-leaning, low recall",
    },
}


def data_available(data_dir: Path | None = None) -> bool:
    """Whether the shared corpora are present (they are never part of the repository)."""
    return (data_dir or DATA_DIR).is_dir()


# --- gold -------------------------------------------------------------------------------------


SPLITS = ("dev", "holdout")
# where the text of a gold release is, by the prefix of its id (under shared/data)
SOURCES = {
    "berlin-pm-": Path("press") / "releases.jsonl.xz",
    "other-": Path("press-other") / "releases.jsonl.xz",
}


def load_gold(gold_dir: Path = GOLD_DIR) -> tuple[dict, list[dict]]:
    """The seed gold and every release gold file (sorted by file name), each with `split`, `collection`, `kind`.

    The split and the publisher's kind come from the file or else from `manifest.json` beside it; a file
    the manifest does not name is dev. Example: seed, golds = load_gold(); golds[0]["split"] -> "dev"
    """
    seed_path = gold_dir / "seed.json" if (gold_dir / "seed.json").is_file() else PACKAGED_SEED / "seed.json"
    seed = json.loads(seed_path.read_text(encoding="utf-8"))
    manifest_path = gold_dir / "manifest.json"
    manifest = {}
    if manifest_path.exists():
        rows = json.loads(manifest_path.read_text(encoding="utf-8")).get("releases", [])
        manifest = {r["id"]: r for r in rows}
    golds = []
    for path in sorted(gold_dir.glob("*.json")):
        if path.name in ("seed.json", "manifest.json"):
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        meta = manifest.get(gold.get("document"), {})
        for key, default in (("split", "dev"), ("collection", None), ("kind", "")):
            if key not in gold:
                gold[key] = meta.get(key, default)
        if not gold.get("collection"):
            gold["collection"] = "berlin" if str(gold.get("document")).startswith("berlin-") else "other"
        if gold["split"] not in SPLITS:
            raise ValueError(f"{path}: split {gold['split']!r} is not one of {SPLITS}")
        golds.append(gold)
    return seed, golds


def source_of(doc_id: str) -> Path | None:
    """The corpus file (relative to shared/data) that holds a gold release's text.

    Example: source_of("other-bundesgerichtshof-3") -> Path("press-other/releases.jsonl.xz")
    """
    for prefix, path in SOURCES.items():
        if doc_id.startswith(prefix):
            return path
    return None


def read_releases(ids: Iterable[str], *, path: Path) -> list[dict]:
    """The corpus records with these ids, in the order asked (one pass over the compressed file, cached)."""
    ids = tuple(ids)
    return [dict(r) for r in _read_releases(ids, Path(path))]


@functools.lru_cache(maxsize=4)
def _read_releases(ids: tuple[str, ...], path: Path) -> tuple[dict, ...]:
    wanted = set(ids)
    found: dict[str, dict] = {}
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not wanted - found.keys():
                break
            if '"id"' not in line:
                continue
            rec = json.loads(line)
            if rec.get("id") in wanted:
                found[rec["id"]] = rec
    missing = wanted - found.keys()
    if missing:
        raise KeyError(f"releases not in {path}: {sorted(missing)}")
    return tuple(found[i] for i in ids)


def run_tables(nlp: Language, inputs: list[str]) -> Tables:
    """Run the pipeline over files (as `pressextract extract` reads them) and return plain row dicts.

    Besides the tables, `person_docs` keeps the per-document persons for people precision.
    """
    from pressextract.engine import prepare, process_batch
    from pressextract.ingest import IngestOptions, iter_documents
    from pressextract.records.export import aggregate_people
    from pressextract.records.schema import PersonMention

    raws = [r for r in iter_documents(inputs, options=IngestOptions()) if not hasattr(r, "error")]
    outcomes = process_batch(nlp, [prepare(r) for r in raws], {})
    tables: dict[str, list] = {}
    for outcome in outcomes:
        if outcome.records is None:
            continue
        for table, rows in outcome.records.items():
            tables.setdefault(table, []).extend(rows)
    mentions: list[PersonMention] = tables.get("person_docs", [])
    out: Tables = {
        t: [asdict(r) for r in tables.get(t, [])]
        for t in ("documents", "events", "agenda", "mentions", "roles", "quotes", "timexes")
    }
    out["people"] = [asdict(p) for p in aggregate_people(mentions)]
    out["person_docs"] = [asdict(m) for m in mentions]
    out["errors"] = [asdict(o.error) for o in outcomes if o.error is not None]
    return out


def write_jsonl(records: list[dict], path: Path) -> Path:
    """Write corpus records as JSON Lines, the way the ingest reads them (id, title, text, date, …)."""
    keys = ("id", "title", "text", "date", "publisher", "url")
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps({k: rec.get(k) for k in keys}, ensure_ascii=False) + "\n")
    return path


def run_gold(
    nlp: Language, *, dev: list[dict], data_dir: Path | None = None
) -> tuple[Tables, dict[str, Tables] | None]:
    """Tables of the seed and of each gold release (dev and holdout), each run on its own.

    One output per release is what the reference scorer sees for a single-release folder: the run-wide
    people table of a joint run would mix up namesakes from different releases (two Herrmanns).
    Releases whose corpus file is missing are left out (`score_gold` names them).
    """
    seed_tables = run_tables(nlp, [str(SEED_TEXT)])
    if not dev or data_dir is None:
        return seed_tables, None
    by_source: dict[Path, list[str]] = {}
    for g in dev:
        rel = source_of(str(g["document"]))
        if rel is not None and (data_dir / rel).exists():
            by_source.setdefault(data_dir / rel, []).append(g["document"])
    if not by_source:
        return seed_tables, None
    dev_tables: dict[str, Tables] = {}
    with tempfile.TemporaryDirectory(prefix="pressextract-gold-") as tmp:
        for path, ids in by_source.items():
            for rec in read_releases(ids, path=path):
                jsonl = write_jsonl([rec], Path(tmp) / f"{rec['id']}.jsonl")
                dev_tables[rec["id"]] = run_tables(nlp, [str(jsonl)])
    return seed_tables, dev_tables


def _score_set(golds: list[dict], tables: dict[str, Tables]) -> dict:
    """Facts and P/R/F over a set of gold releases (micro-averaged), with the per-release lines."""
    hit = total = 0
    per_table: dict[str, list[int]] = {}
    per_doc = []
    prf: PRF = {}
    forbidden_files = forbidden_taken = 0
    for gold in golds:
        doc = gold["document"]
        facts = score_facts(tables[doc], gold, doc_source=doc)
        if gold.get("people_forbidden_names"):
            forbidden_files += 1
            forbidden_taken += bool(facts.forbidden_extracted)
        hit += facts.hit
        total += facts.total
        for t, (h, n) in facts.per_table().items():
            acc = per_table.setdefault(t, [0, 0])
            acc[0] += h
            acc[1] += n
        per_doc.append(
            {
                "document": doc,
                "collection": gold.get("collection"),
                "kind": gold.get("kind"),
                "line": facts.line(),
                "hit": facts.hit,
                "total": facts.total,
                "misses": facts.misses,
                "forbidden_extracted": facts.forbidden_extracted,
            }
        )
        merge_prf(prf, score_prf(tables[doc], gold, doc_source=doc))
    pct = 100.0 * hit / total if total else 0.0
    return {
        "documents": len(golds),
        "line": f"facts: {hit}/{total} ({pct:.0f}%)",
        "hit": hit,
        "total": total,
        "per_table": per_table,
        "prf": prf_dict(prf),
        # releases whose people table holds a name the gold forbids (a building, a product …), of the releases
        # whose gold lists such names; the issue's bar is at most 2% of files
        "forbidden_people": {
            "files": len(golds),
            "files_with_list": forbidden_files,
            "files_extracted": forbidden_taken,
            "share": round(forbidden_taken / len(golds), 4) if golds else None,
        },
        "per_document": per_doc,
    }


def _breakdown(golds: list[dict], tables: dict[str, Tables], key: str) -> dict:
    """The same scores per group of releases (by `collection` or by publisher `kind`), without per-release lines."""
    groups: dict[str, list[dict]] = {}
    for g in golds:
        groups.setdefault(str(g.get(key) or "unknown"), []).append(g)
    out = {}
    for name, members in sorted(groups.items()):
        part = _score_set(members, tables)
        part.pop("per_document")
        out[name] = part
    return out


def score_gold(
    seed_tables: Tables, seed_gold: dict, dev_tables: dict[str, Tables] | None, dev: list[dict]
) -> dict:
    """Facts and P/R/F of the seed and of the dev and holdout gold sets, per table, per release and per
    kind of publisher."""
    seed_facts = score_facts(seed_tables, seed_gold)
    result: dict = {
        "seed": {
            "line": seed_facts.line(),
            "hit": seed_facts.hit,
            "total": seed_facts.total,
            "per_table": {t: list(v) for t, v in seed_facts.per_table().items()},
            "misses": seed_facts.misses,
        }
    }
    for split in SPLITS:
        members = [g for g in dev if g.get("split", "dev") == split]
        if dev and not members:
            result[split] = {"skipped": f"no {split} release chosen"}
            continue
        if dev_tables is None:
            result[split] = {"skipped": "shared/data/press and press-other not available"}
            continue
        missing = [g["document"] for g in members if g["document"] not in dev_tables]
        members = [g for g in members if g["document"] in dev_tables]
        if not members:
            result[split] = {"skipped": "no release of this split could be read", "missing": missing}
            continue
        part = _score_set(members, dev_tables)
        part["missing"] = missing
        part["by_collection"] = _breakdown(members, dev_tables, "collection")
        part["by_kind"] = _breakdown(members, dev_tables, "kind")
        part["errors"] = [e for g in members for e in dev_tables[g["document"]].get("errors", [])]
        result[split] = part
    return result


# --- external benchmarks -------------------------------------------------------------------------


def _call(fn: Callable, *args, **kwargs):
    """Call a colleague's evaluator with only the keyword arguments it accepts."""
    params = inspect.signature(fn).parameters
    return fn(*args, **{k: v for k, v in kwargs.items() if k in params})


def evaluate_quotes_part(
    *, model: str | None, data_dir: Path, limit: int | None, learned: bool = True
) -> dict:
    try:
        from pressextract.evaluation.quotes_wikinews import evaluate_quotes, quote_nlp
    except ImportError as exc:
        return {"skipped": f"quote benchmark not available ({exc})"}
    path = data_dir / "quotes-wikinews"
    if not path.is_dir():
        return {"skipped": f"{path} not available"}
    nlp = None if learned else quote_nlp(model, quote_config={"learned_speakers": False})
    result = _call(evaluate_quotes, path, split="dev", model=model, limit=limit, nlp=nlp)
    result["sampled"] = f"first {limit} documents" if limit else "all documents"
    return result


def evaluate_timex_part(*, model: str | None, data_dir: Path) -> dict:
    try:
        from pressextract.evaluation.wikiwars import evaluate_wikiwars
    except ImportError as exc:
        return {"skipped": f"WikiWarsDE evaluator not available yet ({exc.name or exc})"}
    path = data_dir / "wikiwarsde"
    if not path.is_dir():
        return {"skipped": f"{path} not available"}
    return _call(evaluate_wikiwars, path, model=model)


def _extra_ner_sets(nlp, data_dir: Path, ner_limit: int | None) -> dict:
    """CoNLL-2003 German testa and UNER German-PUD (shared/data/ner-extra), scored by span and label."""
    from pressextract.training.convert import (
        bio_to_spans,
        make_ner_doc,
        read_conll2003,
        read_uner,
        spaces_from_text,
    )
    from pressextract.training.evaluate import NER_EVAL_SETS, score_ner_docs

    extra = data_dir / "ner-extra"
    files = {
        "conll_testa": extra / "conll2003-de" / "deu.testa.utf8.xz",
        "uner_pud": extra / "uner-de-pud" / "de_pud-ud-test.iob2.xz",
    }
    out: dict = {}
    for key, path in files.items():
        if "ner" not in nlp.pipe_names:
            out[key] = {"skipped": "the model has no NER component"}
            continue
        if not path.exists():
            out[key] = {"skipped": f"{path} not available"}
            continue
        with lzma.open(path, "rt", encoding="utf-8") as fh:
            if key == "conll_testa":
                docs = [make_ner_doc(nlp.vocab, w, bio_to_spans(t)) for w, t in read_conll2003(fh)]
            else:
                docs = [
                    make_ner_doc(nlp.vocab, w, bio_to_spans(t), spaces=spaces_from_text(w, text))
                    for w, t, text in read_uner(fh)
                ]
        if ner_limit:
            docs = docs[:ner_limit]
        out[key] = score_ner_docs(nlp, docs, labels=NER_EVAL_SETS[key][1])
    return out


def evaluate_ner_part(*, model: str | None, data_dir: Path, ner_limit: int | None) -> dict:
    """Backbone scores on held-out data, through pressextract.training.evaluate (GermEval dev, CoNLL-2003
    testa, UNER PUD, UD GSD test)."""
    from spacy.tokens import DocBin

    from pressextract.backbone import load_backbone, model_info
    from pressextract.training.convert import bio_to_spans, make_ner_doc, read_conllu_docs, read_germeval
    from pressextract.training.evaluate import evaluate_ner, evaluate_ud

    nlp = load_backbone(model)
    out: dict = {"model": model_info(nlp)}
    germeval = data_dir / "germeval2014" / "NER-de-dev.tsv"
    gsd = data_dir / "ud-german-gsd" / "de_gsd-ud-test.conllu"
    with tempfile.TemporaryDirectory(prefix="pressextract-ner-") as tmp:
        if "ner" not in nlp.pipe_names:
            out["germeval_dev"] = {"skipped": "the model has no NER component"}
        elif not germeval.exists():
            out["germeval_dev"] = {"skipped": f"{germeval} not available"}
        else:
            with germeval.open(encoding="utf-8") as fh:
                sents = list(read_germeval(fh))
            if ner_limit:
                sents = sents[:ner_limit]
            db = DocBin(docs=[make_ner_doc(nlp.vocab, w, bio_to_spans(t)) for w, t in sents])
            db.to_disk(Path(tmp) / "germeval.spacy")
            res = evaluate_ner(nlp, Path(tmp) / "germeval.spacy")
            res["sentences"] = len(sents)
            out["germeval_dev"] = res
        out.update(_extra_ner_sets(nlp, data_dir, ner_limit))
        tagged = any(p in nlp.pipe_names for p in ("morphologizer", "tagger", "parser", "senter"))
        if not tagged:
            out["gsd_test"] = {"skipped": "the model has no tagger or parser"}
        elif not gsd.exists():
            out["gsd_test"] = {"skipped": f"{gsd} not available"}
        else:
            docs = read_conllu_docs(gsd, nlp.vocab, n_sents=10)
            DocBin(docs=docs, store_user_data=True).to_disk(Path(tmp) / "gsd.spacy")
            res = evaluate_ud(nlp, Path(tmp) / "gsd.spacy")
            res["sentences"] = sum(len(list(d.sents)) for d in docs)
            out["gsd_test"] = res
    return out


def _ner_sets_markdown(n: dict) -> list[str]:
    """The three NER evaluation sets side by side (exact span and label; per-type F)."""
    names = {
        "germeval_dev": "GermEval 2014 dev (outer level)",
        "conll_testa": "CoNLL-2003 German testa",
        "uner_pud": "UNER German-PUD (PER/LOC/ORG; predicted MISC ignored)",
    }
    lines = [
        "NER on three held-out sets (none used for training or model selection):",
        "",
        "| set | sentences | P | R | F1 | PER F1 | LOC F1 | ORG F1 | MISC F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, name in names.items():
        r = n.get(key) or {}
        if "skipped" in r or not r:
            lines.append(f"| {name} | skipped: {r.get('skipped', 'not run')} | | | | | | | |")
            continue
        t = r.get("ents_per_type") or {}
        per_type = " | ".join(_f((t.get(lab) or {}).get("f")) for lab in ("PER", "LOC", "ORG", "MISC"))
        lines.append(
            f"| {name} | {r.get('sentences')} | {_f(r.get('ents_p'))} | {_f(r.get('ents_r'))} "
            f"| {_f(r.get('ents_f'))} | {per_type} |"
        )
    lines += [
        "",
        (
            "CoNLL-2003 calls derived adjectives and nationalities MISC (`deutschen`), GermEval and this "
            "model do not: read its MISC and all-type F with that in mind."
        ),
        "",
    ]
    return lines


# --- the whole evaluation ------------------------------------------------------------------------


def evaluate(
    *,
    only: Iterable[str] = PARTS,
    model: str | None = None,
    out_dir: Path | None = Path("reports/latest"),
    data_dir: Path | None = None,
    gold_dir: Path = GOLD_DIR,
    quotes_limit: int | None = None,
    ner_limit: int | None = None,
    without: Iterable[str] = (),
    learned_quotes: bool = True,
    splits: Iterable[str] = SPLITS,
    log: Callable[[str], None] = lambda _: None,
) -> dict:
    """Run the chosen parts, write OUT_DIR/evaluation.json and OUT_DIR/evaluation.md, return the results.

    Example: evaluate(only=["gold"], model="blank")["gold"]["dev"]["prf"]["quotes"]["span"]["f"]
    `without`: extraction stages left out of the gold run (["press_quotes"]), to see what a stage is worth or
    to show that the quality gate catches a broken one. `learned_quotes=False`: quote speakers by the rules
    alone (--no-learned-quotes).
    """
    from pressextract.api import package_version
    from pressextract.backbone import model_info
    from pressextract.engine import build_nlp

    parts = [p for p in only]
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise ValueError(f"unknown part(s) {sorted(unknown)}; choose from {', '.join(PARTS)}")
    data = data_dir or DATA_DIR
    have_data = data_available(data)
    started = time.perf_counter()
    result: dict = {
        "package": "pressextract",
        "version": package_version(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "parts": parts,
        "data_available": have_data,
        "anchors": ANCHORS,
        "seconds": {},
    }
    if "gold" in parts:
        t0 = time.perf_counter()
        from pressextract.engine import STAGE_ORDER

        skip = {w if w.startswith("press_") else f"press_{w}" for w in without}
        settings = () if learned_quotes else (("press_quotes", "learned_speakers", False),)
        stages = [s for s in STAGE_ORDER if s not in skip] if skip else None
        nlp = build_nlp(model, stages=stages, settings=settings)
        result["model"] = model_info(nlp)
        result["without"] = sorted(skip)
        result["learned_quotes"] = learned_quotes
        seed_gold, dev = load_gold(gold_dir)
        # `splits=("dev",)` while writing rules: the holdout is then neither run nor shown
        dev = [g for g in dev if g["split"] in set(splits)]
        n_hold = sum(g["split"] == "holdout" for g in dev)
        log(f"gold: seed + {len(dev) - n_hold} dev + {n_hold} holdout releases")
        seed_tables, dev_tables = run_gold(nlp, dev=dev, data_dir=data if have_data else None)
        result["gold"] = score_gold(seed_tables, seed_gold, dev_tables, dev)
        result["seconds"]["gold"] = round(time.perf_counter() - t0, 1)
    if "quotes" in parts:
        t0 = time.perf_counter()
        log("quotes: WIKINEWS dev")
        result["quotes"] = (
            evaluate_quotes_part(model=model, data_dir=data, limit=quotes_limit, learned=learned_quotes)
            if have_data
            else {"skipped": f"{data} not available"}
        )
        result["seconds"]["quotes"] = round(time.perf_counter() - t0, 1)
    if "timex" in parts:
        t0 = time.perf_counter()
        log("timex: WikiWarsDE")
        result["timex"] = (
            evaluate_timex_part(model=model, data_dir=data)
            if have_data
            else {"skipped": f"{data} not available"}
        )
        result["seconds"]["timex"] = round(time.perf_counter() - t0, 1)
    if "ner" in parts:
        t0 = time.perf_counter()
        log("ner: GermEval 2014 dev, CoNLL-2003 testa, UNER PUD, UD GSD test")
        result["ner"] = (
            evaluate_ner_part(model=model, data_dir=data, ner_limit=ner_limit)
            if have_data
            else {"skipped": f"{data} not available"}
        )
        result["seconds"]["ner"] = round(time.perf_counter() - t0, 1)
    result["seconds"]["total"] = round(time.perf_counter() - started, 1)
    if out_dir is not None:
        write_report(result, out_dir)
    return result


def write_report(result: dict, out_dir: Path) -> list[Path]:
    """OUT_DIR/evaluation.json (everything) and OUT_DIR/evaluation.md (the tables a reader needs)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    js = out_dir / "evaluation.json"
    js.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    md = out_dir / "evaluation.md"
    md.write_text(render_markdown(result), encoding="utf-8")
    return [js, md]


def render_markdown(result: dict) -> str:
    """The report as Markdown: one section per part, anchors beside our figures."""
    m = result.get("model") or {}
    lines = [
        f"# pressextract {result['version']} — evaluation",
        "",
        (
            f"{result['date']} · model {m.get('name', '?')} {m.get('version') or ''} · parts {', '.join(result['parts'])}"
            f" · {result['seconds'].get('total', 0)} s"
        ),
        "",
    ]
    gold = result.get("gold")
    if gold:
        s = gold["seed"]
        lines += [
            "## Gold releases",
            "",
            f"**Seed release** (`corpus/seed.txt`, gate: all facts): {s['line']}",
            "",
        ]
        if s["misses"]:
            lines += ["Missed seed facts:", ""] + [f"- {x}" for x in s["misses"][:40]] + [""]
        lines += render_gold_splits(gold)
    q = result.get("quotes")
    if q is not None:
        a = ANCHORS["quotes"]
        lines += ["## Quotes — WIKINEWS dev", ""]
        if "skipped" in q:
            lines += [f"Skipped: {q['skipped']}", "", f"Anchor: {a['source']}.", ""]
        else:
            lines += [
                f"{q.get('documents')} documents ({q.get('sampled')}).",
                "",
                "| kind | match | P | R | F1 | speaker acc | cue acc |",
                "|---|---|---:|---:|---:|---:|---:|",
            ]
            for k in ("direct", "indirect", "any"):
                for mode in ("overlap", "exact"):
                    c = q[k][mode]
                    extra = (
                        f"{_f(q[k]['speaker_acc'])} | {_f(q[k]['cue_acc'])}" if mode == "overlap" else " | "
                    )
                    lines.append(f"| {k} | {mode} | {_f(c['p'])} | {_f(c['r'])} | {_f(c['f'])} | {extra} |")
            lines += ["", f"Anchor: {a['source']}.", ""]
    t = result.get("timex")
    if t is not None:
        a = ANCHORS["timex"]
        lines += ["## Temporal expressions — WikiWarsDE", ""]
        if "skipped" in t:
            lines += [f"Skipped: {t['skipped']}", ""]
        else:
            if "strict_f" in t:
                lines += [
                    f"{t.get('documents')} documents, {t.get('gold')} gold expressions.",
                    "",
                    "| | strict P | strict R | strict F | lenient P | lenient R | lenient F | value |",
                    "|---|---:|---:|---:|---:|---:|---:|---:|",
                ]
                for name, row in (("ours", t), ("HeidelTime (published)", t.get("heideltime") or {})):
                    cells = [
                        row.get(k)
                        for k in (
                            "strict_p",
                            "strict_r",
                            "strict_f",
                            "lenient_p",
                            "lenient_r",
                            "lenient_f",
                            "value_acc",
                        )
                    ]
                    lines.append(f"| {name} | " + " | ".join(_f(c) for c in cells) + " |")
                lines.append("")
            else:
                lines += [
                    "```json",
                    json.dumps(t, ensure_ascii=False, indent=1, default=str)[:4000],
                    "```",
                    "",
                ]
        lines += [
            (
                f"Anchor: {a['source']}: strict F {a['strict_f']}, lenient F {a['lenient_f']}, "
                f"value F {a['value_f']}."
            ),
            "",
        ]
    n = result.get("ner")
    if n is not None:
        a = ANCHORS["ner"]
        lines += ["## Backbone on held-out corpora", ""]
        if "skipped" in n:
            lines += [f"Skipped: {n['skipped']}", ""]
        else:
            g = n.get("germeval_dev", {})
            if "skipped" in g:
                lines += [f"GermEval 2014 dev NER: skipped ({g['skipped']}).", ""]
            else:
                per = (g.get("ents_per_type") or {}).get("PER", {})
                lines += [
                    f"GermEval 2014 dev ({g.get('sentences')} sentences, outer level, PER/LOC/ORG/MISC):",
                    "",
                    "| | P | R | F1 | PER F1 |",
                    "|---|---:|---:|---:|---:|",
                    (
                        f"| ours | {_f(g.get('ents_p'))} | {_f(g.get('ents_r'))} | {_f(g.get('ents_f'))} "
                        f"| {_f(per.get('f'))} |"
                    ),
                ]
                for size in ("sm", "md", "lg"):
                    lines.append(
                        f"| de_core_news_{size} (anchor) | | | {a['ents_f'][size]} | {a['per_f'][size]} |"
                    )
                lines += ["", f"Anchor: {a['source']}.", ""]
            lines += _ner_sets_markdown(n)
            u = n.get("gsd_test", {})
            if "skipped" in u:
                lines += [f"UD GSD test: skipped ({u['skipped']}).", ""]
            else:
                lines += [
                    f"UD German-GSD test ({u.get('sentences')} sentences): "
                    + ", ".join(f"{k} {_f(v)}" for k, v in u.items() if k != "sentences"),
                    "",
                ]
    lines += ["## Time", "", ", ".join(f"{k} {v} s" for k, v in result["seconds"].items()), ""]
    return "\n".join(lines)
