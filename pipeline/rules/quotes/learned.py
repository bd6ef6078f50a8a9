"""Learned speaker attribution for direct quotes: candidate mentions ranked by a small logistic model.

The rules' speaker is one candidate (and a feature) beside the people and office mentions, the model's
PER/ORG entities, the pronouns "er"/"sie" and the previous quote's speaker in a window around the quote.
The weights (pressextract/resources/models/quote_speaker.json, trained on WIKINEWS: CC BY-NC-SA 4.0, see
its card) are read here and scored in plain Python: no scikit-learn at run time.

Example: "„Wir handeln.“ Das sagte Senatorin Kalayci am Montag." with the rules' speaker None ->
candidate "Senatorin Kalayci" (after the quote, subject of the cue) is chosen.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from pressextract.contract import Refs
from pressextract.resources.loader import word_set
from pressextract.rules.quotes.speakers import _org_before, _org_word, speaker_organization

MODEL_PATH = Path(__file__).resolve().parents[2] / "resources" / "models" / "quote_speaker.json"
_BEFORE = 400  # characters before the quote where a speaker candidate may stand
_AFTER = 250  # characters after it
_PRONOUNS = {"er", "sie"}
_SUBJECT = {"sb", "nsubj", "nsubj:pass"}
_GENERIC = word_set("quotes", "generic_speakers")
_DETS = word_set("quotes", "determiners") | word_set("quotes", "possessives")


@dataclass(slots=True)
class Candidate:
    """A speaker candidate of one quote: char span, the sources that proposed it and its features."""

    start: int
    end: int
    sources: set[str] = field(default_factory=set)
    features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SpeakerModel:
    """Logistic weights by feature name, an intercept and the least probability to give a speaker."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.3
    margin: float = 0.2  # how much more probable than the rules' speaker another candidate must be
    kinds: tuple[str, ...] = ("direct",)  # the quote kinds whose speakers the model chooses

    def score(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=4)
def load_speaker_model(path: str | None = None) -> SpeakerModel:
    """The shipped weights (or those at `path`); raises with the file name when they are unreadable."""
    file = Path(path) if path else MODEL_PATH
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return SpeakerModel(
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["bias"]),
            float(data.get("threshold", 0.3)),
            float(data.get("margin", 0.2)),
            tuple(data.get("kinds", ("direct",))),
        )
    except (OSError, KeyError, ValueError, TypeError) as exc:
        raise ValueError(f"{file}: not a quote speaker model ({exc})") from exc


_SPANS: dict[tuple[int, int, int], object] = {}


def _span(doc: Doc, start: int, end: int):
    """doc.char_span (expanded to tokens), remembered for the Doc being ranked (candidates repeat)."""
    key = (id(doc), start, end)
    if key not in _SPANS:
        _SPANS[key] = doc.char_span(start, end, alignment_mode="expand")
    return _SPANS[key]


def _add(cands: dict[tuple[int, int], Candidate], start: int, end: int, source: str) -> None:
    c = cands.setdefault((start, end), Candidate(start, end))
    c.sources.add(source)


def speaker_candidates(
    doc: Doc, quotes: list, *, refs: Refs, kinds: tuple[str, ...] = ("direct", "indirect")
) -> list[list[Candidate]]:
    """For each quote of `quotes` (objects with start, end, kind, speaker_start/end, cue_start, rule_id,
    in text order) its speaker candidates with features; quotes of other `kinds` get an empty list.
    Features of an indirect quote also come with the prefix "ind:" (own weights beside the shared ones).

    Example: "Kalayci sagte: „Wir handeln.“" -> [[Candidate(0, 7, {"person", "ent_per"}, …)]].
    """
    text = doc.text if refs.text is None else refs.text  # doc.text is rebuilt at every access
    mentions: list[tuple[int, int, str]] = [(p.start, p.end, "person") for p in refs.people]
    mentions += [(o.start, o.end, "office") for o in refs.offices if o.start >= 0]
    mentions += [
        (e.start_char, e.end_char, "ent_" + e.label_.lower()) for e in doc.ents if e.label_ in ("PER", "ORG")
    ]
    mentions += [(t.idx, t.idx + len(t), "pronoun") for t in doc if t.lower_ in _PRONOUNS and t.is_alpha]
    mentions.sort()
    last_names: dict[str, int] = {}
    for s, e, src in mentions:
        if src in ("person", "ent_per"):
            w = text[s:e].split()[-1].casefold() if text[s:e].split() else ""
            last_names[w] = last_names.get(w, 0) + 1
    starts = [m[0] for m in mentions]
    _SPANS.clear()
    genders = [(p.start, p.gender) for p in refs.people if p.gender]
    sents = _sentence_starts(doc)
    out: list[list[Candidate]] = []
    prev: tuple[int, int] | None = None
    for q in quotes:
        if q.kind not in kinds:
            out.append([])
            continue
        cands: dict[tuple[int, int], Candidate] = {}
        lo, hi = q.start - _BEFORE, q.end + _AFTER
        for s, e, src in mentions[bisect.bisect_left(starts, lo) : bisect.bisect_right(starts, hi)]:
            if e <= hi and (e <= q.start or s >= q.end):
                _add(cands, s, e, src)
        for s, e, src in _syntactic(doc, q, lo, min(hi, len(text))):
            _add(cands, s, e, src)
        rules_span = None
        if q.speaker_start is not None and q.speaker_end is not None:
            rules_span = (q.speaker_start, q.speaker_end)
            _add(cands, *rules_span, "rules")
        if prev is not None:
            _add(cands, *prev, "prev")
        listed = [_features(doc, q, c, rules_span, last_names, text) for c in cands.values()]
        _rank_features(listed, q)
        _context_features(doc, q, listed, genders=genders, sents=sents, text=text)
        _relative_features(listed, q, text)
        if q.kind != "direct":
            for c in listed:
                c.features.update({"ind:" + k: v for k, v in list(c.features.items())})
        out.append(listed)
        if rules_span is not None:
            prev = rules_span
    _SPANS.clear()  # no spans of this Doc kept beyond the call
    return out


_ABSTRACT = (
    "ung",
    "ungen",
    "heit",
    "keit",
    "tion",
    "tionen",
    "ität",
    "nis",
    "ment",
    "tum",
    "angaben",
    "bericht",
    "berichten",
    "aussage",
    "meinung",
    "ansicht",
    "zahlen",
    "daten",
    "grund",
    "frage",
    "ziel",
    "plan",
)
_ANIMATE = (
    "er",
    "erin",
    "in",
    "innen",
    "ent",
    "entin",
    "ist",
    "istin",
    "eur",
    "eurin",
    "ling",
    "ige",
    "iger",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "leiter",
    "leiterin",
    "minister",
    "ministerin",
)


def _head_features(doc: Doc, c: Candidate) -> None:
    """What the candidate's head noun is: entity type, proper or common noun, number, and whether its
    ending names a person ("Sprecherin") or an abstract thing ("Behandlungsmethoden", "Angaben")."""
    span = _span(doc, c.start, c.end)
    if span is None or not len(span):
        return
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")] if doc.has_annotation("POS") else []
    head = span.root if doc.has_annotation("DEP") else (nouns[-1] if nouns else span[-1])
    f = c.features
    if head.ent_type_:
        f["head_ent=" + head.ent_type_] = 1.0
    if head.pos_:
        f["head_pos=" + head.pos_] = 1.0
    if "Plur" in head.morph.get("Number"):
        f["head_plural"] = 1.0
    low = head.lower_
    if head.is_alpha and head.text[:1].isupper() and head.pos_ != "PROPN":
        if low.endswith(_ABSTRACT):
            f["head_abstract"] = 1.0
        elif low.endswith(_ANIMATE):
            f["head_animate"] = 1.0


def _sentence_starts(doc: Doc) -> list[int]:
    """Char offsets where the parser's sentences start (empty without a parse)."""
    if not (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
        return []
    return [s.start_char for s in doc.sents]


def _sent_index(starts: list[int], char: int) -> int:
    return bisect.bisect_right(starts, char) - 1


def _context_features(
    doc: Doc, q, cands: list[Candidate], *, genders: list[tuple[int, str]], sents: list[int], text: str
) -> None:
    """Features beyond one candidate: same sentence as the quote's edge, a pronoun's antecedent,
    generic and organization heads, and conjunctions of source with position.

    Example: "sie" after "Senatorin Kalayci" (f) -> "pron_antecedent" = 1.
    """
    for c in cands:
        f = c.features
        before = c.end <= q.start
        if sents:
            edge = q.start if before else max(q.start, q.end - 1)
            f["same_sent"] = float(_sent_index(sents, c.start) == _sent_index(sents, edge))
            if q.kind != "direct":
                f["same_sent_start"] = float(_sent_index(sents, c.start) == _sent_index(sents, q.start))
        words = text[c.start : c.end].split()
        low = [w.casefold().strip(".,:;()") for w in words]
        if low and low[-1] in _GENERIC:
            f["generic"] = 1.0
        head = next((w for w in words if w[:1].isupper() and w.casefold() not in _DETS), None)
        if head is not None and _org_word(head):
            f["org_head"] = 1.0
        if _org_before(text, c.start):
            f["org_before"] = 1.0  # "der Umweltorganisation Power Shift Africa": a name of an organization
        lead = text[max(0, c.start - 12) : c.start].split()
        if lead and lead[-1].casefold() in ("von", "vom"):
            f["after_von"] = 1.0  # "Mohamed Adow von Power Shift Africa": whose, not who
        if "pronoun" in c.sources and low:
            want = "f" if low[0] == "sie" else "m"
            near = [g for s, g in genders if s < c.start and c.start - s < 600]
            f["pron_antecedent"] = float(bool(near) and near[-1] == want)
            f["pron_capital"] = float(words[0][:1].isupper())
        _head_features(doc, c)
        side = "b" if before else "a"
        for src in c.sources:
            f[f"src={src}&{side}"] = 1.0
        if f.get("subj_of_cue"):
            f["subj_of_cue&" + side] = 1.0


_PREPS = {"in", "im", "laut", "nach", "zufolge", "auf", "von", "vom", "bei", "beim", "aus"}
# which kind of source a preposition names: a document or place ("in dem Antrag"), a source ("laut X",
# "seiner Ansicht nach"), an organization ("aus dem Senat", "bei der Polizei")
_PREP_GROUP = {
    "in": "pp_in",
    "im": "pp_in",
    "auf": "pp_in",
    "laut": "pp_laut",
    "nach": "pp_laut",
    "zufolge": "pp_laut",
    "bei": "pp_bei",
    "beim": "pp_bei",
    "aus": "pp_bei",
}
_MAX_PHRASE = 12
# "nach" before its noun names a source only with these nouns ("nach Angaben der Polizei"); after it,
# always ("seiner Ansicht nach")
_NACH_SOURCES = word_set("quotes", "nach_sources")


def _syntactic(doc: Doc, q, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Noun phrases in the sentences around a quote that may be its source: subjects ("die Polizei
    teilte mit: …") and objects of "in/laut/nach …" ("heißt es in einer Erklärung: …"); needs a parse."""
    if not doc.has_annotation("DEP"):
        return []
    span = doc.char_span(max(0, lo), hi, alignment_mode="contract")
    if span is None:
        return []
    out = []
    for t in span:
        if q.start <= t.idx < q.end or t.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        left, right = t.left_edge.i, t.right_edge.i + 1
        prep = None
        if t.dep_ in _SUBJECT:
            src = "subj"
        elif t.dep_ == "nk" and t.head.lower_ in _PREPS:
            src = "pp"  # TIGER: the noun hangs on the preposition
        elif (case := next((c for c in t.children if c.dep_ == "case"), None)) is not None:
            # UD: the preposition hangs on the noun ("in dem Antrag heißt es", "seiner Ansicht nach")
            if case.lower_ not in _PREPS or case.lower_ in ("von", "vom"):
                continue  # "Mohamed Adow von der Umweltorganisation X": whose, not who
            if case.lower_ == "nach" and case.i < t.i and t.lemma_.lower() not in _NACH_SOURCES:
                continue  # "Erst nach unserem Schreiben teilte diese mit": a time, not a source
            src = "pp"
            if left <= case.i < t.i:
                left = case.i + 1  # the noun phrase after the preposition, not "Erst nach"
            prep = _PREP_GROUP.get(case.lower_)
        else:
            continue
        # the mention, not its apposition, relative clause or the quote it introduces: "Johannes
        # Wieczorek, Staatssekretär, …", "mit den Worten: „…“"
        right = next(
            (
                k
                for k in range(t.i + 1, right)
                if doc[k].text in (",", "(", ":") or doc[k].idx >= q.start > t.idx
            ),
            right,
        )
        if right - left > _MAX_PHRASE:
            left, right = max(left, t.i - 3), min(right, t.i + 4)
        if any(doc[k].pos_ in ("VERB", "AUX") for k in range(left, right)):
            continue  # "Eintreffen der Polizeibeamten wurde im Hotel die 24-Jährige festgestellt": a clause
        a, b = doc[left].idx, doc[right - 1].idx + len(doc[right - 1])
        if b <= q.start or a >= q.end:
            out.append((a, b, src))
            if src == "pp" and prep:
                out.append((a, b, prep))
    return out


def _features(doc: Doc, q, c: Candidate, rules_span, last_names: dict[str, int], text: str) -> Candidate:
    f = c.features
    for src in c.sources:
        f["src=" + src] = 1.0
    f["rules_none"] = float(rules_span is None)
    if (
        rules_span is not None
        and "rules" not in c.sources
        and c.start < rules_span[1]
        and rules_span[0] < c.end
    ):
        f["overlaps_rules"] = 1.0
    if "rules" in c.sources:
        family = ".".join(q.rule_id.split(".")[:2])
        f["rules_fam=" + family] = 1.0
    before = c.end <= q.start
    f["before"] = float(before)
    gap = text[c.end : q.start] if before else text[q.end : c.start]
    dist = len(gap)
    f["log_dist"] = math.log1p(dist) / 6.0
    f["near20"] = float(dist <= 20)
    f["near80"] = float(dist <= 80)
    f["newline_between"] = float("\n" in gap)
    f["sent_between"] = min(2, sum(gap.count(ch) for ch in ".!?")) / 2.0
    if before and gap.strip(' „“"»«”') in (":", ""):
        f["colon_before"] = float(":" in gap)
    cue = q.cue_start
    if cue is not None:
        f["cue_between"] = float((c.end <= cue <= q.start) if before else (q.end <= cue <= c.start))
        span = _span(doc, c.start, c.end)
        cue_tok = _span(doc, cue, cue + 1)
        if span is not None and cue_tok is not None and len(cue_tok):
            ct = cue_tok[0]
            heads = {t.head.i for t in span if t.dep_ in _SUBJECT}
            f["subj_of_cue"] = float(ct.i in heads or any(h.i in heads for h in (ct.head,)))
            if doc.has_annotation("DEP"):
                root = span.root
                # the candidate hangs on the cue verb (or on its auxiliary): its relation says how
                if root.head.i in (ct.i, ct.head.i) and root.i != ct.i:
                    f["cue_dep=" + root.dep_] = 1.0
            f["cue_same_sent"] = (
                float(span[0].sent.start == ct.sent.start) if doc.has_annotation("DEP") else 0.0
            )
    else:
        f["no_cue"] = 1.0
    words = text[c.start : c.end].split()
    f["lower_start"] = float(text[c.start : c.start + 1].islower())
    f["has_digit"] = float(any(ch.isdigit() for ch in text[c.start : c.end]))
    f["n_words"] = min(len(words), 6) / 6.0
    if words:
        f["salience"] = math.log1p(last_names.get(words[-1].casefold(), 0)) / 3.0
    at_line_start = q.start <= 1 or "\n" in text[max(0, q.start - 3) : q.start]
    f["quote_line_start"] = float(at_line_start)
    return c


_PERSONLIKE = {"person", "office", "ent_per", "pronoun"}


def _rank_features(cands: list[Candidate], q) -> None:
    """Nearest candidate before and after the quote, nearest person-like one on each side, and whether
    a candidate is (or overlaps) a person-like mention ("Folgendes" as the rules' speaker is not)."""
    people = [c for c in cands if c.sources & _PERSONLIKE]
    for c in cands:
        like = bool(c.sources & _PERSONLIKE) or any(p.start < c.end and c.start < p.end for p in people)
        c.features["personlike"] = float(like)
        if "rules" in c.sources:
            c.features["rules_personlike" if like else "rules_not_personlike"] = 1.0
    for side in (True, False):
        group = [c for c in cands if (c.end <= q.start) == side]
        if not group:
            continue
        key = (lambda c: q.start - c.end) if side else (lambda c: c.start - q.end)
        group.sort(key=key)
        group[0].features["nearest_" + ("before" if side else "after")] = 1.0
        people = [c for c in group if c.sources & {"person", "ent_per", "office", "rules"}]
        if people:
            people[0].features["nearest_person_" + ("before" if side else "after")] = 1.0


_POSSESSIVE = re.compile(r"(?:sein|ihr|unser|mein|dein|eue?r)(?:e|er|es|en|em)?", re.IGNORECASE)
_TAG_GAP = re.compile(r"^[\s„“”\"»«‚‘’']*,?\s*(?:[a-zäöüß]+\s+){1,2}$")


def _relative_features(cands: list[Candidate], q, text: str) -> None:
    """Features that compare a candidate with the others of its quote, or read the words between it and
    the quote: another person-like subject of the cue verb ("Die Arbeit … von Angela Merkel … lobte er
    mit den Worten: „…“": "er", not "Angela Merkel"), a thing owned by someone ("Seine Zuversicht
    gründet sich auf …: „…“"), the tag right after the quote ("„…“, sagte er", "„…“ freut sich X").
    """
    subjects = [c for c in cands if c.features.get("subj_of_cue") and c.features.get("personlike")]
    for c in cands:
        f = c.features
        words = text[c.start : c.end].split()
        if words and "pronoun" not in c.sources and _POSSESSIVE.fullmatch(words[0].strip("(")):
            f["poss_det"] = 1.0  # "Ihre Forderungen": what someone has, not who speaks
        if not f.get("subj_of_cue") and any(not (s.start < c.end and c.start < s.end) for s in subjects):
            f["other_subj_cue"] = 1.0
            if "rules" in c.sources:
                f["rules&other_subj_cue"] = 1.0
        if c.start >= q.end and _TAG_GAP.match(text[q.end : c.start]):
            f["tag_after"] = 1.0  # "„…“, sagte sie" / "„…“ betont Dr. X"
            if "pronoun" in c.sources:
                f["tag_after&pronoun"] = 1.0
        if "pronoun" in c.sources and f.get("subj_of_cue"):
            f["pronoun&subj_of_cue"] = 1.0


def choose_speaker(
    cands: list[Candidate],
    rules_span: tuple[int, int] | None,
    model: SpeakerModel,
    *,
    require_person: bool = False,
) -> tuple[int, int] | None:
    """The speaker span the model picks among `cands`: the rules' span unless another candidate is more
    probable by the model's margin; without a rules' span the best candidate reaching the threshold
    (with `require_person`, only a person-like one: for rows whose rule names nobody, such as a
    Konjunktiv sentence with no speech verb, picks like "Dieser Entwicklung" or "den Mindestsätzen der
    HOAI" came up on press releases)."""
    if not cands:
        return rules_span
    scored = [(model.score(c.features), c) for c in cands]
    p, best = max(scored, key=lambda pc: pc[0])
    if rules_span is None:
        if require_person and not best.features.get("personlike"):
            return None
        return (best.start, best.end) if p >= model.threshold else None
    p_rules = max((s for s, c in scored if (c.start, c.end) == rules_span), default=0.0)
    rules_c = next((c for c in cands if (c.start, c.end) == rules_span), None)
    if rules_c is not None and rules_c.features.get("personlike") and not best.features.get("personlike"):
        return rules_span  # a person the rules found is not traded for a thing or an organization
    if best.start < rules_span[1] + 3 and rules_span[0] < best.end + 3:
        # … or its apposition next to it ("Jörn Oltmann, Dezernent für Stadtentwicklung:"): one person
        # the same speaker, wider or narrower ("Wieczorek, Staatssekretär", "Max Mustermann" in
        # "Bezirksstadtrat Max Mustermann"): keep the rules' mention
        return rules_span
    return (best.start, best.end) if p - p_rules > model.margin else rules_span


_INHERITING = ("indirect.free",)
_CONTINUED = ("direct.continued",)


def continued_span(
    rule_id: str, rules_span: tuple[int, int] | None, chosen: tuple[int, int] | None, prev: tuple | None
) -> tuple[int, int] | None:
    """The speaker of a quote after the model's `chosen` one: a continued quote the model leaves with the
    speaker the rules copied from the quote before takes the mention that quote was finally given, as
    WIKINEWS marks it ("„…“, sagte er. „…“": "er" for both), not the rules' first pick; a continuation
    the model moves to a person named since ("„…“ Dirk Wiese kritisierte … „…“") keeps the model's pick.
    `prev` is (rules' span, chosen span) of the direct quote before.

    Example: ("direct.continued", (0, 15), (0, 15), ((0, 15), (40, 42))) -> (40, 42).
    """
    if (
        rule_id.startswith(_CONTINUED)
        and prev is not None
        and rules_span is not None
        and chosen == rules_span
        and prev[0] == rules_span
        and prev[1] is not None
    ):
        return prev[1]
    return chosen


_NOBODY_RULES = ("indirect.free_konj",)  # rules that name no speaker themselves


def _person_for_org(
    doc: Doc, cands: list[Candidate], rules_span: tuple[int, int], span: tuple[int, int]
) -> bool:
    """The model's pick is an organization and the rules' speaker a person mention: keep the person."""
    rules_c = next((c for c in cands if (c.start, c.end) == rules_span), None)
    if rules_c is None or not rules_c.sources & {"person", "ent_per"}:
        return False
    text = doc.text
    return bool(speaker_organization(doc, span[0], span[1], text=text)) and not speaker_organization(
        doc, rules_span[0], rules_span[1], text=text
    )


def rerank_speakers(doc: Doc, quotes: list, *, refs: Refs, model: SpeakerModel) -> list:
    """The quotes with each direct quote's speaker chosen by the model among its candidates.

    Example: rules speaker "seiner Aussage" vs. person "Max Muster" before the colon -> "Max Muster".
    """
    out = []
    text = doc.text if refs.text is None else refs.text
    chain: tuple | None = None  # (inherited span, span it went to) of the last continuation
    prev_direct: tuple | None = None  # (rules' span, chosen span) of the last direct quote
    prev_rules: tuple[int, int] | None = None
    for q, cands in zip(quotes, speaker_candidates(doc, quotes, refs=refs), strict=True):
        if out and out[-1].kind == "direct":
            last = out[-1]
            prev_direct = (prev_rules, (last.speaker_start, last.speaker_end) if last.speaker else None)
        rules_span = (q.speaker_start, q.speaker_end) if q.speaker_start is not None else None
        prev_rules = rules_span
        # a continuation ("Man müsse handeln.") takes the speaker of the statement it continues: the
        # names nearer to it are what that speaker talks about ("Frontier Economics"), not who speaks
        inherits = q.rule_id.startswith(_INHERITING) and rules_span is not None
        span = (
            choose_speaker(cands, rules_span, model, require_person=q.rule_id.startswith(_NOBODY_RULES))
            if q.kind in model.kinds
            else rules_span
        )
        if q.kind == "direct" and q.kind in model.kinds:
            span = continued_span(q.rule_id, rules_span, span, prev_direct)
        if inherits and span != rules_span:
            # … unless the pick is a person named since ("stellte Professor X dar. Die Prognosen seien falsch.")
            pick = next((c for c in cands if (c.start, c.end) == span), None)
            if pick is None or not pick.sources & {"person", "ent_per"}:
                span = rules_span
        if inherits and span == rules_span and chain is not None and chain[0] == rules_span:
            span = chain[1]  # the next continuation stays with the person the previous one went to
        chain = (rules_span, span) if inherits and span != rules_span else (chain if inherits else None)
        if span is None or span == rules_span:
            out.append(q)
            continue
        if rules_span is not None and _person_for_org(doc, cands, rules_span, span):
            out.append(
                q
            )  # "Regula Lüscher, Senatsbaudirektorin bei der Senatsverwaltung …:" speaks, not the office
            continue
        out.append(_with_span(q, span, text))
    return out


def _with_span(q, span: tuple[int, int] | None, text: str):
    """The quote with `span` as its speaker mention (unchanged when `span` is None or the same)."""
    if span is None or span == (q.speaker_start, q.speaker_end):
        return q
    return replace(q, speaker=text[span[0] : span[1]], speaker_start=span[0], speaker_end=span[1])
