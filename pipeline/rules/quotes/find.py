"""find_quotes: the order in which the quote rules run over one Doc, and the speakers' persons.

Example: find_quotes(doc) on "„Wir handeln“, sagte Senatorin Kalayci." -> [QuoteMatch(kind="direct", …)].
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from pressextract.contract import PersonRef, Refs
from pressextract.resources.loader import word_set
from pressextract.rules.quotes.blocks import _with_interview_turns, _with_speaker_lines, _with_trailing_lines
from pressextract.rules.quotes.clauses import ClauseModel, learned_indirect
from pressextract.rules.quotes.context import QuoteMatch, QuoteOptions, new_context
from pressextract.rules.quotes.direct import _direct_quotes
from pressextract.rules.quotes.filters import _name_like, _not_a_statement, _quoted_names, narrative_report
from pressextract.rules.quotes.indirect import _indirect_quotes, reported_precision
from pressextract.rules.quotes.learned import SpeakerModel, rerank_speakers
from pressextract.rules.quotes.marks import find_marked
from pressextract.rules.quotes.passes import (
    _cue_subject,
    _fragment_speaker,
    _nearby_person,
    _quoted_in_reported,
)
from pressextract.rules.quotes.resolve import Mention, resolve_speaker
from pressextract.rules.quotes.rules import QuoteLexicon, QuoteRules, load_lexicon
from pressextract.rules.quotes.speakers import (
    court_body_subject,
    plural_pronoun,
    pronoun_organization,
    speaker_organization,
    spokesperson,
)

_GENERIC_SPEAKERS = word_set("quotes", "generic_speakers")
_SPEAKER_DETERMINERS = word_set("quotes", "determiners") | word_set("quotes", "possessives")


def _generic_speaker(speaker: str | None) -> bool:
    """A speaker that names nobody: "Erwachsene", "Zeugenaussagen", "seiner Aussage"."""
    if not speaker:
        return False
    words = [w for w in speaker.casefold().split() if w not in _SPEAKER_DETERMINERS]
    # "ersten Erkenntnissen", "den bisherigen Ermittlungen": adjectives before the noun name nobody either
    words = [
        w for w in words[:-1] if not (w.isalpha() and w.endswith(("e", "en", "er", "es", "em")))
    ] + words[-1:]
    return len(words) == 1 and words[0] in _GENERIC_SPEAKERS


def _quotes_of(
    doc: Doc,
    *,
    lexicon: QuoteLexicon | None = None,
    options: QuoteOptions | None = None,
    scheme: object | None = None,
    people: Iterable[PersonRef] = (),
    excluded: Iterable[tuple[int, int]] = (),
    no_fragments: Iterable[tuple[int, int]] = (),
    text: str | None = None,
) -> list[QuoteMatch]:
    """Direct and indirect quotes of a Doc, in text order.

    Example: "Staatsministerin Annette Widmann-Mauz unterstrich in Kassel: „Es ist gut, …“" -> direct,
    cue "unterstreichen", speaker "Staatsministerin Annette Widmann-Mauz".
    `people`: person-name spans of an earlier stage (help with "Sandra Scheeres: „…“");
    `excluded`: char ranges to ignore (captions); `no_fragments`: char ranges (titles, headings, lines)
    where a quoted phrase without a cue is a name, never a quote.
    """
    lex = lexicon or load_lexicon()
    opts = options or QuoteOptions()
    excluded = list(excluded)
    text = doc.text if text is None else text  # doc.text is rebuilt from the tokens at every access
    marked = [
        m
        for m in find_marked(text, max_paragraphs=opts.max_quote_paragraphs)
        if not any(a <= m.open_start and m.close_end <= b for a, b in excluded)
    ]
    ctx = new_context(doc, lex, opts, scheme=scheme, text=text, marked=marked)
    ctx.name_marks = frozenset(n for n, m in enumerate(marked) if _name_like(text[m.start : m.end]))
    person_ranges = [(p.start, p.end) for p in people]
    ctx.people = person_ranges
    ctx.no_fragments = list(no_fragments)
    direct = _direct_quotes(ctx, marked, person_ranges)
    direct = _with_speaker_lines(ctx, direct)
    direct = _with_trailing_lines(ctx, direct)
    direct = _with_interview_turns(ctx, direct)
    indirect = _indirect_quotes(ctx, direct, excluded) if opts.indirect else []
    # "Nach Zeugenaussagen soll er …", "Erwachsene vermuten, dass …": nobody in particular speaks;
    # an interviewer's turn ("Barenberg: … sagen, dass …") asks, it reports nobody's speech
    indirect = [
        q
        for q in indirect
        if not _generic_speaker(q.speaker) and not any(a <= q.start and q.end <= b for a, b in ctx.asked)
    ]
    direct += _quoted_in_reported(ctx, marked, direct, indirect)
    direct = [
        r
        for q in direct
        if (
            r := _fragment_speaker(q, direct, indirect, ctx.text)
            if q.speaker is None or q.rule_id.startswith("direct.fragment.")
            else q
        )
        is not None
    ]
    direct = [_cue_subject(ctx, q) if q.cue_start is not None else q for q in direct]
    indirect = [_cue_subject(ctx, q) if q.cue_start is not None else q for q in indirect]
    # "Es wird darauf hingewiesen, dass …", "…, mit der die Kuh behandelt wurde": nobody's words
    indirect = [q for q in indirect if not narrative_report(ctx, q)]
    # shouted or written words nobody is named for stay without speaker ("die Parole „…“ war zu lesen")
    direct = [q if q.speaker or q.rule_id == "direct.utterance" else _nearby_person(ctx, q) for q in direct]
    # „110“, the association's name quoted again and again: no statement
    names = _quoted_names(ctx, marked, direct)
    direct = [q for q in direct if not _not_a_statement(ctx, q, names)]
    return sorted(direct + indirect, key=lambda q: (q.start, q.end))


def find_quotes(
    doc: Doc,
    *,
    rules: QuoteRules,
    options: QuoteOptions,
    refs: Refs,
    speaker_model: SpeakerModel | None = None,
    clause_model: ClauseModel | None = None,
) -> list[QuoteMatch]:
    """Direct and indirect quotes of a Doc in text order, each speaker resolved to a person of the release.

    Example: "Staatsministerin Annette Widmann-Mauz unterstrich: „Es ist gut, …“" with the person found by
    press_people -> QuoteMatch(kind="direct", cue="unterstreichen", person_id=<Widmann-Mauz>).
    Reads refs.blocks (captions are skipped; titles, headings and lines hold no fragments), refs.people
    and refs.offices (speaker resolution); `speaker_model` (with options.learned_speakers) re-ranks the
    direct quotes' speakers.
    `clause_model` (with options.learned_speakers too) adds the indirect rows it keeps among the
    sentences the rules pass over (rules.quotes.clauses).
    """
    matches = _quotes_of(
        doc,
        lexicon=rules.lexicon,
        options=options,
        scheme=options.scheme,
        people=refs.people,
        excluded=refs.excluded(),
        no_fragments=refs.ranges(*options.fragment_free_blocks),
        text=refs.text,
    )
    # proposed from the rules' own rows (their speakers before the ranker), as the model was trained
    learned = (
        learned_indirect(
            doc,
            matches,
            model=clause_model,
            lexicon=rules.lexicon,
            options=options,
            excluded=refs.excluded(),
            text=refs.text,
        )
        if clause_model is not None and options.learned_speakers and options.indirect
        else []
    )
    if speaker_model is not None and options.learned_speakers:
        matches = rerank_speakers(doc, matches, refs=refs, model=speaker_model)
    if learned:
        matches = sorted([*matches, *learned], key=lambda q: (q.start, q.end))
    # after the ranker too: "ihren Angaben", "Dies", "Wirksamkeit" name nobody; decisions report nothing
    matches = reported_precision(doc, matches)
    people = _people_mentions(doc, refs.people)
    roles = [
        Mention(o.start, o.end, o.person_id, None, None, o.name, o.role, o.role_norm) for o in refs.offices
    ]
    genders = {p.person_id: p.gender for p in people if p.person_id}
    person_spans = [(p.start, p.end) for p in people]
    text = doc.text if refs.text is None else refs.text
    out: list[QuoteMatch] = []
    resolved: list[tuple[int, str, str | None, str]] = []
    for m in matches:
        # „… wichtig,“ sagt X: a comma inside the marks belongs to the sentence around, not the statement
        end = m.end
        while end > m.start and text[end - 1] in " \t\n,;":
            end -= 1
        if end != m.end:
            m = replace(m, end=end)
        if doc.char_span(m.start, m.end, alignment_mode="expand") is None:
            continue  # not on token edges of this Doc: no span to write, no speaker to remember
        pid = None
        # "Die Kammer folgte dem nicht. Sie führte aus, …": the pronoun continues the court, not a person before
        body = _court_antecedent(doc, m, people, text)
        if body is not None:
            m = replace(m, speaker=body[2], speaker_start=body[0], speaker_end=body[1])
        # "sagt Dr. Sven Baszio, Vorstand der Stiftung X. „…“": the person in whose apposition the
        # organization stands speaks, not the organization
        if m.speaker and speaker_organization(doc, m.speaker_start, m.speaker_end, text=text):
            who = spokesperson(doc, m.speaker_start, m.speaker_end, people=person_spans, text=text)
            if who is not None:
                m = replace(m, speaker=text[who[0] : who[1]], speaker_start=who[0], speaker_end=who[1])
        # "Die EKD hat … veröffentlicht. Darin fordert sie, …": the pronoun speaks for the organization
        org = (
            pronoun_organization(
                doc,
                m.speaker_start,
                m.speaker_end,
                plural=plural_pronoun(doc, m),
                people=person_spans,
            )
            if m.speaker and m.speaker.casefold() in ("er", "sie") and m.speaker_start is not None
            else None
        )
        if org is not None:
            m = replace(m, speaker_org=org[2])
        # an organization ("Power Shift Africa", "die Polizei") is nobody's person_id, nor a pronoun's antecedent
        if (
            org is None
            and m.speaker
            and not speaker_organization(doc, m.speaker_start, m.speaker_end, text=text)
            and not plural_pronoun(doc, m)
        ):
            pid = resolve_speaker(
                m.speaker,
                m.speaker_start,
                people=people,
                roles=roles,
                office_of=rules.office_of,
                previous=resolved,
            )
            if pid:
                resolved.append((m.speaker_start, pid, genders.get(pid), m.speaker))
                name = _holder_name(m, pid, people, roles, text)
                if name is not None:
                    m = replace(
                        m, speaker=text[name[0] : name[1]], speaker_start=name[0], speaker_end=name[1]
                    )
        out.append(replace(m, person_id=pid) if pid else m)
    return out


_SUBJECT_DEPS = frozenset(["sb", "nsubj", "nsubj:pass"])  # TIGER and UD labels of a subject


_NAME_ATTACHMENTS = frozenset(["appos", "flat", "flat:name", "pnc", "nk", "app"])


def _is_subject(tok) -> bool:
    """The token, or the noun its name hangs on ("Senator" in "Senator Max Weber besuchte …"), is a subject."""
    for _ in range(3):
        if tok.dep_ in _SUBJECT_DEPS:
            return True
        if tok.dep_ not in _NAME_ATTACHMENTS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return tok.dep_ in _SUBJECT_DEPS


def _people_mentions(doc: Doc, people: Iterable[PersonRef]) -> list[Mention]:
    """The person mentions with the parser's sentence and whether they are a subject (when there is a parse).

    Example: "Tobias Köck sprach mit Anna Berg." -> Köck subject=True, Berg subject=False, both sentence 0.
    """
    parsed = doc.has_annotation("DEP")
    sent_of = {s.start: n for n, s in enumerate(doc.sents)} if parsed else {}
    out = []
    for p in people:
        sentence, subject = None, False
        span = doc.char_span(p.start, p.end, alignment_mode="expand") if parsed else None
        if span is not None and len(span):
            sentence = sent_of.get(span[0].sent.start)
            subject = _is_subject(span.root)
        out.append(
            Mention(
                p.start,
                p.end,
                p.person_id,
                p.gender,
                p.family_name,
                p.name,
                sentence=sentence,
                subject=subject,
            )
        )
    return out


_NAME_GAP_BREAKS = ".!?,\n„“»«:;"  # a comma (apposition) or a sentence end between office and name


def _holder_name(
    m: QuoteMatch, pid: str, people: list[Mention], roles: list[Mention], text: str
) -> tuple[int, int] | None:
    """The name right after an office speaker that the roles stage gave that office to: "Das sagte der Präsident
    der Konferenz und Außenminister Sameh Shoukry" -> "Sameh Shoukry" (the office phrase introduces its holder).
    None when the speaker span holds a name itself, no role of that person lies in the span, or a comma or a
    sentence end comes before the name (an apposition keeps the office mention the text made the subject)."""
    s, e = m.speaker_start, m.speaker_end
    if s is None or e is None or any(p.start < e and s < p.end for p in people):
        return None
    if not any(r.person_id == pid and r.start < e and s < r.end for r in roles):
        return None
    for p in sorted(people, key=lambda p: p.start):
        if p.person_id == pid and e <= p.start <= e + 80:
            gap = text[e : p.start]
            return None if any(b in gap for b in _NAME_GAP_BREAKS) else (p.start, p.end)
    return None


_PRONOUN_ARTICLE = {"sie": "die", "er": "der", "es": "das"}


def _court_antecedent(doc, m: QuoteMatch, people: list[Mention], text: str) -> tuple[int, int, str] | None:
    """The court body a singular pronoun speaker continues: the last court body as subject in the same
    paragraph before it (at most 400 characters), of the pronoun's gender ("die Kammer" - "sie", "der
    Senat" - "er"), with no person named between.

    Example: "Die Kammer hielt die Angaben für widerlegt. Sie führte aus, dass …" -> "Die Kammer".
    """
    if not m.speaker or m.speaker_start is None or m.speaker.casefold() not in _PRONOUN_ARTICLE:
        return None
    if plural_pronoun(doc, m):
        return None
    lo = max(0, m.speaker_start - 400)
    para = text.rfind("\n\n", lo, m.speaker_start)
    lo = para + 2 if para >= 0 else lo
    body = court_body_subject(doc, lo, m.speaker_start, text=text)
    if body is None or body[2].split()[0].casefold() != _PRONOUN_ARTICLE[m.speaker.casefold()]:
        return None
    if any(body[1] <= p.start < m.speaker_start for p in people):
        return None  # "Die Kammer hörte die Zeugin Anna Berger. Sie sagte, …": the person speaks
    article = _PRONOUN_ARTICLE[m.speaker.casefold()]
    between = text[body[1] : m.speaker_start].split()
    if any(w.casefold() == article and n[:1].isupper() for w, n in itertools.pairwise(between)):
        return None  # "Die Kammer vernahm die Zeugin. Sie erklärte, …": another antecedent of that gender
    return body
