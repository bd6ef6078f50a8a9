"""Learned indirect speech: sentences and clauses the rules pass over, proposed generously and kept
where a small logistic model (trained on WIKINEWS, see its card) says they report someone's words.

The rules propose a candidate for each sentence no quote covers that has a Konjunktiv verb, "soll(en)",
a "Demnach"/"Dabei" opener after a report, or a comma clause ("dass …", "ob …", "… zu …", a Konjunktiv
main clause) after a verb the speech lexicon does not hold ("Die Forscher fanden heraus, dass …").
The features are what the rules compute: mood, the verb's lemma, subject type, the distance to the
last attributed quote, paragraph start, whether the sentence before is a quote. The speaker is the
verb's subject for a clause, otherwise the speaker of the report the sentence continues (the speech
verb's subject in the sentence before, or the last quote's speaker nearby); a candidate without one
is not kept. Scoring is plain Python; scikit-learn is needed only to train.

Example: "Der Sprecher bestätigte den Einsatz. Die Feuerwehr habe zehn Fahrzeuge vor Ort." -> the
second sentence, speaker "Der Sprecher" (when the model's probability reaches its threshold).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from pressextract.resources.loader import word_set
from pressextract.rules.quotes.context import (
    _REPORT_SCOPES,
    QuoteMatch,
    QuoteOptions,
    _Ctx,
    _person_like,
    _span_text,
    new_context,
)
from pressextract.rules.quotes.continuation import (
    _ERSATZ_II,
    _last_attributed,
    _org_speaker,
    _para_between,
    _speech_before,
)
from pressextract.rules.quotes.grammar import _is_subjunctive, _passive, _trim_end, _verb_at
from pressextract.rules.quotes.marks import _PARA_BREAK, find_marked
from pressextract.rules.quotes.reported import _ZU_PARTICLES, _konj_i_form
from pressextract.rules.quotes.rules import QuoteLexicon, load_lexicon
from pressextract.rules.quotes.speakers import _person_noun, _speaker_around_verb
from pressextract.rules.quotes.words import PRONOUNS

CLAUSE_MODEL_PATH = Path(__file__).resolve().parents[2] / "resources" / "models" / "quote_clause.json"
FORMS = ("comp", "konj", "soll", "opener")  # rule ids indirect.learned.<form>

_HEARSAY = word_set("quotes", "hearsay")
_SUBORDINATORS = word_set("quotes", "subordinators")
_FIRST = word_set("quotes", "first_person")
_SECOND = word_set("quotes", "second_person")
_OPENERS = word_set("quotes", "learned_openers")
_COMPLEMENTIZERS = ("dass", "daß", "ob")


@dataclass(slots=True)
class ClauseCandidate:
    """A sentence or clause that may report speech: its chars, form, speaker, cue and features."""

    start: int
    end: int
    form: str
    speaker: tuple[str, int, int] | None = None
    cue: tuple[str, int, int] | None = None  # the verb of a comma clause: lemma, chars
    features: dict[str, float] = field(default_factory=dict)

    def match(self) -> QuoteMatch:
        s = self.speaker or (None, None, None)
        c = self.cue or (None, None, None)
        return QuoteMatch(self.start, self.end, "indirect", f"indirect.learned.{self.form}", *c, *s)


@dataclass(frozen=True, slots=True)
class ClauseModel:
    """Logistic weights by feature name, an intercept and the least probability to keep a candidate."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.5

    def score(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=4)
def load_clause_model(path: str | None = None) -> ClauseModel:
    """The shipped weights (or those at `path`); raises with the file name when they are unreadable."""
    file = Path(path) if path else CLAUSE_MODEL_PATH
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return ClauseModel(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["bias"]),
            float(data.get("threshold", 0.5)),
        )
    except (OSError, KeyError, ValueError, TypeError) as exc:
        raise ValueError(f"{file}: not a quote clause model ({exc})") from exc


def _context(doc: Doc, lex: QuoteLexicon, opts: QuoteOptions, text: str | None = None) -> _Ctx:
    """The token tables and quotation-mark spans the rules read (as find_quotes builds them)."""
    text = doc.text if text is None else text  # doc.text is rebuilt at every access
    marked = find_marked(text, max_paragraphs=opts.max_quote_paragraphs)
    return new_context(doc, lex, opts, scheme=opts.scheme, text=text, marked=marked)


def clause_candidates(
    doc: Doc,
    quotes: list[QuoteMatch],
    *,
    lexicon: QuoteLexicon | None = None,
    options: QuoteOptions | None = None,
    excluded: Iterable[tuple[int, int]] = (),
    text: str | None = None,
) -> list[ClauseCandidate]:
    """The candidates of a Doc whose quotes (direct and indirect) the rules have found: one per sentence
    that no quote overlaps and that is not in an excluded range (captions)."""
    from pressextract.rules.quotes.indirect import _sentences, reported_precision

    if not len(doc):
        return []
    ctx = _context(doc, lexicon or load_lexicon(), options or QuoteOptions(), text)
    excluded = list(excluded)
    direct = [q for q in quotes if q.kind == "direct"]
    indirect = [q for q in quotes if q.kind == "indirect"]
    out: list[ClauseCandidate] = []
    prev: tuple[int, int] | None = None
    prev_quoted = False
    for lo, hi in _sentences(ctx):
        end = _trim_end(doc, lo, hi)
        if end - lo < 4:
            continue
        s0, s1 = doc[lo].idx, doc[end - 1].idx + len(doc[end - 1])
        over = [q for q in quotes if q.start < s1 and s0 < q.end]
        quoted = bool(over)
        # quoted words inside the sentence ("Der Rücktritt sei ein „natürlicher Vorgang“.") leave it open
        inner = all(q.kind == "direct" and s0 < q.start and q.end - q.start < (s1 - s0) / 2 for q in over)
        if (not quoted or inner) and not any(a <= s0 and s1 <= b for a, b in excluded):
            c = _candidate(ctx, lo, end, prev, prev_quoted, direct, indirect)
            if c is not None:
                c.features["inner_quote"] = float(quoted)
            # the rules' precision filters hold for these rows too: decisions, topics, nobody as speaker,
            # the release's own voice ("Wir bitten um Verständnis, dass …"), agentless findings
            if c is not None and reported_precision(doc, [c.match()]) and not _narrative(ctx, c):
                out.append(c)
        prev, prev_quoted = (lo, hi), quoted
    return out


def _candidate(
    ctx: _Ctx,
    lo: int,
    end: int,
    prev: tuple[int, int] | None,
    prev_quoted: bool,
    direct: list[QuoteMatch],
    indirect: list[QuoteMatch],
) -> ClauseCandidate | None:
    doc, lower, texts = ctx.doc, ctx.lower, ctx.texts
    inside = [k for k in range(lo, end) if ctx.inside[k] < 0]
    if len(inside) < 4:
        return None
    konj = [k for k in inside if _is_subjunctive(ctx, doc[k], allow_ii=False) or _konj_i_form(ctx, doc[k])]
    ersatz = [k for k in inside if lower[k] in _ERSATZ_II]
    soll = [k for k in inside if lower[k] in _HEARSAY]
    first_comma = next((k for k in inside if texts[k] == ","), end)
    comp = _complement(ctx, lo, end)
    opener = lower[lo] in _OPENERS
    f: dict[str, float] = {}
    para_start = lo == 0 or _para_between(ctx, prev[1], lo) if prev else True
    if comp is not None and any(k < comp[1] for k in konj):
        comp = None  # "Das Gehen bereite ihm Mühe, ärztlich seien …": a continued report, not a clause of its verb
    if comp is not None and any(lower[k] in _FIRST for k in range(lo, comp[1])):
        comp = None  # "Wir bitten um Verständnis, dass …": the release's own voice
    verb = _verb_at(ctx, doc[comp[0]], scopes=_REPORT_SCOPES) if comp is not None else None
    if comp is not None and verb is not None and _passive(ctx, comp[0], verb, lo):
        comp = None  # "Die Landeswahlleiterin wurde aufgefordert, …": the subject is addressed, not speaking
    if comp is not None and lower[comp[1]] in ("sei", "seien") and lower[comp[1] + 1] == "es":
        comp = None  # "…, sei es zu einem Spaziergang oder …": "whether … or", no report
    if comp is not None and not any(k >= comp[1] for k in konj):
        # no Konjunktiv in the clause: "stellten die Beamten fest, dass …", "Die Polizei bittet Zeugen, sich …
        # zu melden" (on press releases such clauses were narrative or the release's own notices; WIKINEWS
        # CV F 0.005 lower without them)
        comp = None
    if comp is not None:
        form = "comp"
        v, c_lo, kind = comp
        f[f"verb_gap={min(3, c_lo - 2 - v)}"] = 1.0
        f["speech_verb"] = float(ctx.verb_like[v])
        lemma = doc[v].lemma_.lower() if ctx.has_lemma else lower[v]
        f[f"lemma={lemma}"] = 1.0
        f[f"comp={kind}"] = 1.0
        f[f"comp={kind}&konj"] = float(any(k >= c_lo for k in konj))
        rng = _speaker_around_verb(ctx, v, lo, c_lo)
        speaker = _span_text(doc, rng) if rng else None
        spk_kind = _kind(ctx, rng) if rng else "none"
        if spk_kind in ("other", "none"):
            return None  # "erhärtete sich der Verdacht, dass …", "von solchem Gewicht, dass …": nobody speaks
        f[f"speech_verb={ctx.verb_like[v]}&spk={spk_kind}"] = 1.0
        start = c_lo
        cue = (lemma, doc[v].idx, doc[v].idx + len(doc[v]))
        f["verb_passive"] = float(
            any(lower[k] in ("wird", "werden", "wurde", "wurden") for k in range(lo, v))
        )
    elif konj or ersatz or soll or opener:
        form = "konj" if konj else "soll" if soll else "opener" if opener else "konj"
        start, cue = lo, None
        speaker, spk_kind, src = _continued_speaker(ctx, lo, prev, direct, indirect, para_start)
        f[f"src={src}"] = 1.0
        f["konj_main"] = float(any(k < first_comma for k in konj))
        f["konj_sub"] = float(any(k > first_comma for k in konj))
        f["konj_early"] = float(any(k < lo + 4 for k in konj))
        f["unambiguous"] = float(any(lower[k] in ctx.lex.subjunctive_i for k in konj))
        f["ersatz"] = float(bool(ersatz))
        f["ersatz_only"] = float(bool(ersatz) and not konj)
        f["soll"] = float(bool(soll))
        f["soll_perfect"] = float(bool(soll) and lower[end - 1] in ("haben", "sein"))
        f["soll_passive"] = float(bool(soll) and lower[end - 1] == "werden")
        f["opener"] = float(opener)
        if opener:
            f[f"opener={lower[lo]}"] = 1.0
        f["sub_start"] = float(lower[lo] in _SUBORDINATORS)
    else:
        return None
    f[f"form={form}"] = 1.0
    f[f"spk={spk_kind}"] = 1.0
    f[f"form={form}&spk={spk_kind}"] = 1.0
    f["para_start"] = float(para_start)
    f["prev_quoted"] = float(prev_quoted)
    f["first_person"] = float(any(lower[k] in _FIRST for k in inside))
    f["second_person"] = float(any(lower[k] in _SECOND for k in inside))
    f["has_marks"] = float(len(inside) < end - lo)
    f["question"] = float(texts[end] == "?" if end < len(doc) else False)
    f[f"len={min(4, (end - lo) // 8)}"] = 1.0
    last = _last_attributed(ctx.text, doc[lo].idx, direct, indirect, reach=None)
    if last is None:
        f["no_last"] = 1.0
    else:
        gap = doc[lo].idx - last.end
        paras = len(_PARA_BREAK.findall(ctx.text, last.end, doc[lo].idx))
        f[f"last_paras={min(paras, 3)}"] = 1.0
        f[f"last_gap={min(4, gap // 150)}"] = 1.0
        f[f"last_kind={last.kind}"] = 1.0
    if end - start < 3:
        return None
    a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return ClauseCandidate(a, b, form, speaker, cue, f)


def _narrative(ctx: _Ctx, c: ClauseCandidate) -> bool:
    """A candidate the rules would call narrative: a first-person or "man" speaker, or for a comma clause
    what narrative_report says of a dass-clause ("stellten die Beamten fest, dass …" in the indicative)."""
    from pressextract.rules.quotes.filters import narrative_report

    if c.speaker is not None and c.speaker[0].casefold() in _OWN_VOICE:
        return True
    return c.form == "comp" and narrative_report(ctx, replace(c.match(), rule_id="indirect.dass"))


_OWN_VOICE = _FIRST | {"man"}


def _kind(ctx: _Ctx, rng: tuple[int, int]) -> str:
    """The speaker's type: pronoun, person, organization or other noun phrase."""
    if rng[1] - rng[0] == 1 and ctx.lower[rng[0]] in PRONOUNS:
        return "pronoun"
    if _person_like(ctx, rng) or any(_person_noun(t) for t in ctx.doc[rng[0] : rng[1]]):
        return "person"  # … or a person noun: "Die Mutter", "Die Forscher", "der 45-Jährige"
    if _org_speaker(ctx, rng):
        return "org"
    return "other"


def _continued_speaker(
    ctx: _Ctx,
    lo: int,
    prev: tuple[int, int] | None,
    direct: list[QuoteMatch],
    indirect: list[QuoteMatch],
    para_start: bool,
) -> tuple[tuple[str, int, int] | None, str, str]:
    """The speaker of the report a sentence continues: the speech verb's subject in the sentence before
    (same paragraph), else the speaker of the last quote (previous paragraph at most, 400 characters)."""
    if prev is not None and not para_start:
        said = _speech_before(ctx, prev)
        if said is not None:
            rng = said[2]
            return _span_text(ctx.doc, rng), _kind(ctx, rng), "prev_verb"
    last = _last_attributed(ctx.text, ctx.doc[lo].idx, direct, indirect)
    if last is not None and last.speaker_start is not None:
        span = ctx.doc.char_span(last.speaker_start, last.speaker_end, alignment_mode="expand")
        kind = _kind(ctx, (span.start, span.end)) if span is not None else "other"
        return (last.speaker, last.speaker_start, last.speaker_end), kind, f"last_{last.kind}"
    return None, "none", "none"


def _complement(ctx: _Ctx, lo: int, end: int) -> tuple[int, int, str] | None:
    """A verb of the main clause and the clause after its comma that may hold what was said, found, feared
    or demanded: "fanden heraus, dass …" (dass), "forderte sie auf, … zu …" (zu), "befürchtete, man wolle
    …" (konj). (verb index, clause start, kind) or None."""
    doc, lower, texts = ctx.doc, ctx.lower, ctx.texts
    if not ctx.has_lemma:
        return None
    for c in range(lo + 2, end - 3):
        if texts[c] != "," or ctx.inside[c] >= 0:
            continue
        verbs = [k for k in range(lo, c) if doc[k].pos_ in ("VERB", "AUX") and ctx.inside[k] < 0]
        if not verbs or lower[lo] in _SUBORDINATORS or lower[lo] in _CLAUSE_NOT:
            return None  # "Um … zu gehen, habe er …": the part before the comma is no main clause
        v = next((k for k in verbs if doc[k].pos_ == "VERB"), verbs[0])
        nxt = lower[c + 1]
        if nxt in _COMPLEMENTIZERS:
            return v, c + 1, "dass" if nxt != "ob" else "ob"
        if _relative(doc[c + 1]) or (
            doc[c + 1].pos_ == "ADP" and nxt in _RELATIVE_AFTER or nxt in _CLAUSE_NOT
        ):
            continue  # "…, die zum ersten Mal kandidiert hatte, …", "…, um … zu …", "…, weil …": no report
        stop = next((k for k in range(c + 1, end) if texts[k] == ","), end)
        if any(
            (lower[k] == "zu" and k + 1 < stop and doc[k + 1].pos_ in ("VERB", "AUX"))
            or _zu_infinitive(doc[k])
            for k in range(c + 1, stop)
        ):
            return v, c + 1, "zu"
        if any(
            _is_subjunctive(ctx, doc[k], allow_ii=False) or _konj_i_form(ctx, doc[k])
            for k in range(c + 1, end)
        ):
            return v, c + 1, "konj"
        return None
    return None


def _zu_infinitive(tok) -> bool:
    """A separable verb's zu-infinitive written as one word: "niederzulegen", "aufzunehmen"."""
    low = tok.lower_
    return (
        tok.text.islower()
        and low.endswith(("en", "ern", "eln"))
        and any(low.startswith(p + "zu") and len(low) > len(p) + 5 for p in _ZU_PARTICLES)
    )


def _relative(tok) -> bool:
    """A relative pronoun opens the clause: "…, die … kandidiert hatte" (not the article of "die Entdeckung")."""
    return "Rel" in tok.morph.get("PronType") or (
        tok.lower_ in _RELATIVE_PRONOUNS and tok.pos_ == "PRON" and not tok.text[:1].isupper()
    )


_RELATIVE_PRONOUNS = word_set("quotes", "relative_pronouns")
_RELATIVE_AFTER = ("in", "an", "mit", "bei", "von", "für", "auf", "aus", "nach", "zu", "über", "unter")
_CLAUSE_NOT = (_SUBORDINATORS - {"dass", "daß", "ob"}) | word_set("quotes", "learned_not_openers")


def learned_indirect(
    doc: Doc,
    quotes: list[QuoteMatch],
    *,
    model: ClauseModel,
    lexicon: QuoteLexicon | None = None,
    options: QuoteOptions | None = None,
    excluded: Iterable[tuple[int, int]] = (),
    text: str | None = None,
) -> list[QuoteMatch]:
    """The rows the model adds to the rules' quotes: candidates with a speaker whose probability reaches
    the model's threshold (the quotes themselves are not returned)."""
    cands = clause_candidates(doc, quotes, lexicon=lexicon, options=options, excluded=excluded, text=text)
    return [c.match() for c in keep(cands, model)]


def keep(cands: list[ClauseCandidate], model: ClauseModel) -> list[ClauseCandidate]:
    """The candidates with a speaker whose probability reaches the model's threshold."""
    return [c for c in cands if c.speaker is not None and model.score(c.features) >= model.threshold]
