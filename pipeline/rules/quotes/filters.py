"""Filters for quoted text that is no statement: titles, names, scare quotes, naming blocks.

Example: "Der Titel „Aktuelle Stunde“ …" -> a title, no quote.
"""

from __future__ import annotations

import re

from pressextract.resources.loader import word_set
from pressextract.rules.quotes.context import (
    QuoteMatch,
    _clause_start,
    _Ctx,
    _is_boundary,
    _is_cap,
    _person_like,
    _span_text,
)
from pressextract.rules.quotes.grammar import _has_finite_verb, _is_subjunctive, _predicative, _reported_mood
from pressextract.rules.quotes.marks import ALL_MARKS, OPENERS, Marked
from pressextract.rules.quotes.speakers import (
    _np_after,
    _person_in,
    _prefer_person,
    _speaker_from_dep,
    speaker_organization,
)
from pressextract.rules.quotes.words import (
    _FUNCTION_WORDS,
    _SPEECH_PRONOUNS,
    DETERMINERS,
    PRONOUNS,
    _adverb_like,
)


def _title_context(ctx: _Ctx, open_tok: int) -> str | None:
    """Id of the title/naming word right before the opening mark ("unter dem Titel „…“"), else None."""
    doc = ctx.doc
    k, seen = open_tok - 1, 0
    while k >= 0 and seen < 3:
        t = doc[k]
        if _is_boundary(t) or t.text in (",", "(", ")") or ctx.inside[k] >= 0 or t.text in ALL_MARKS:
            break
        if t.text in (":", "-", "–"):
            k -= 1
            continue
        low = t.lower_
        if low in ctx.lex.context_words:
            return ctx.lex.context_words[low]
        # the title noun also in the genitive: "des Hospitationsprojektes „…“", "des Wettbewerbs „…“"
        stem = low[:-2] if low.endswith("es") else low.removesuffix("s")
        for suf in ctx.lex.title_suffixes:
            if (low.endswith(suf) or stem.endswith(suf)) and t.is_alpha:
                return ctx.lex.context_words[suf]
        seen += 1
        k -= 1
    return None


# "Der Text lautete: „Wir, die Demonstranten, sehen keine andere Lösung …“": after these naming words a
# long finished sentence is a statement, a short phrase a motto ("Das Motto lautet: „Berlin hilft!“").
_STATEMENT_TITLES = word_set("quotes", "statement_titles")


_LEADING_ELLIPSIS = re.compile(r"^\s*(?:[(\[]\s*(?:\.\.\.|…)\s*[)\]]|\.\.\.|…)\s*")


def _statement_shaped(content: str, *, min_words: int = 5) -> bool:
    """A finished sentence: capitalized start, at least `min_words` words, sentence-final punctuation.

    Example: "Es gilt, ein starkes Signal zu setzen." -> True; "Gemeinsam für Berlin" -> False (a motto).
    """
    body = _LEADING_ELLIPSIS.sub("", content).strip()
    return (
        body[:1].isupper()
        and len(re.findall(r"\w+", body)) >= min_words
        and body.rstrip("\"'“”«»’ ")[-1:] in (".!?…")
    )


def _in_naming_block(ctx: _Ctx, m: Marked) -> bool:
    """The quotation marks lie in a title, heading or one-line block, where quoted words name things."""
    return any(a <= m.open_start and m.close_end <= b for a, b in ctx.no_fragments)


_COLON_PREPOSITIONS = word_set("quotes", "prepositions") | word_set("quotes", "time_prepositions")


def _colon_statement(ctx: _Ctx, m: Marked, lo: int, o: int) -> QuoteMatch | None:
    """A statement after a colon whose intro has no speech verb: the speaker is the intro's subject."""
    if _in_naming_block(ctx, m):
        return None
    # "Termine, Orte und Preise: „…“" — an intro without a verb is a heading, no speaker in it
    clause = any(_has_finite_verb(ctx, k, o) for k in range(lo, o, 10))
    subj = _prefer_person(ctx, _sentence_subject(ctx, lo, o), lo, o) if clause else _person_in(ctx, lo, o)
    if subj is not None and ctx.lower[subj[0]] in _COLON_PREPOSITIONS:
        subj = None  # "Bis 13 Uhr werden die Ergebnisse vorgestellt: „…?“": a time, nobody speaks
    if (subj is None or not _person_like(ctx, subj)) and ctx.text[m.start : m.end].rstrip()[-1:] == "?":
        # a question after a colon with nobody to ask it is a topic, not a statement ("Fragen wie: „…?“")
        return None
    if subj is not None and ctx.lower[subj[0]] not in ("es", "man", "das", "dies"):
        # the subject also when it is a text or a source: "Der Text lautete: „…“", "Das Fazit war: „…“"
        return QuoteMatch(
            m.start, m.end, "direct", "direct.colon.statement", None, None, None, *_span_text(ctx.doc, subj)
        )
    return QuoteMatch(m.start, m.end, "direct", "direct.colon.statement")


_NON_STATEMENT = re.compile(r"^[\W\d_]+$|\.(?:de|com|net|org|eu)\b|^www\.|@")


def _context_fragment(ctx: _Ctx, m: Marked, lo: int, o: int, c: int, content: str) -> QuoteMatch | None:
    """A quoted phrase of 2+ words in running text with no cue of its own, unless it reads as a name.

    Example: "Lothar Nicht sprach von einer „Gefahr für Leib und Leben“." -> fragment, speaker from the
    sentence subject; "Die Organisation „Reporter ohne Grenzen“ warnt …" -> None (a name after its noun).
    The speaker is settled later (reported speech around it, the sentence subject, the last speaker).
    """
    doc = ctx.doc
    # "Allerdings sei das System „kaputt“": predicative words in reported speech are the source's words
    said = _predicative(ctx, o, c, content) and _reported_mood(ctx, lo, o, c)
    n_words = len(re.findall(r"\w+", content))
    if (n_words < 2 and not said) or _name_like(content) or _NON_STATEMENT.search(content):
        return None
    if _foreign(ctx, content) or (_inside_noun_group(ctx, o, c, content) and not said):
        return None  # "stellte die CD „Have a nice day“ vor": a title
    if _in_naming_block(ctx, m):
        return None  # titles, headings and one-line blocks name things, they do not quote anyone
    if _title_context(ctx, o):
        return None
    prev = doc[o - 1]
    # "die Organisation „Reporter ohne Grenzen“", "Laut „tagesschau.de“": a noun right before names it.
    # Except a person's name: "hält Spector „unter bestimmten Umständen“ für …" is wording about him.
    # After a noun a lowercase phrase is wording in reported speech ("Für Küng sei der Rücktritt „aus
    # vielen Gründen verständlich“") or when long; otherwise it names the noun: "Die Firma „con energy
    # ag“", "der Verein „kein Abseits! e.V.“", "die Strategie „global denken, lokal handeln“".
    if (
        _is_cap(prev)
        and prev.is_alpha
        and prev.lower_ not in _FUNCTION_WORDS
        and not (
            said
            or _wording(content, min_words=8)
            or (_wording(content, min_words=4) and _reported_mood(ctx, lo, o, c))
            or (_wording(content) and _person_in(ctx, o - 1, o))
        )
    ):
        return None
    # Enumerations and translations of names: "„E1“ und „E2“", "„Cast Lead“ („gegossenes Blei“)".
    before = doc[o - 2] if o >= 2 else None
    if prev.text == "(" or (
        prev.lower_ in (",", "und", "oder", "bzw") and before is not None and before.text in ALL_MARKS
    ):
        return None
    nxt = doc[c + 1] if c + 1 < len(doc) else None
    if nxt is not None and (
        nxt.text == "(" or (nxt.lower_ in ("und", "oder") and c + 2 < len(doc) and doc[c + 2].text in OPENERS)
    ):
        return None
    if nxt is not None and nxt.text == "," and c + 2 < len(doc) and doc[c + 2].text in OPENERS:
        return None
    subj = _sentence_subject(ctx, lo, o)
    if prev.text in (":", "-", "–") and (subj is None or not _person_like(ctx, subj)):
        return None  # "Termine und Orte: „…“" — a heading-like intro with no speaker
    if (subj is None or not _person_like(ctx, subj)) and content.lstrip()[:1].islower():
        # "Für den Theologen Hans Küng sei der Rücktritt „aus vielen Gründen verständlich“": a person
        # named in the clause before the quote owns the wording more often than an earlier speaker (not
        # for capitalized phrases: "Schauspielerin Eva Lind liest aus „Literarisches Frühstück“" names).
        pers = _person_in(ctx, lo, o)
        if pers is not None and ctx.lower[pers[1]] != "als":  # "ehrte Malwine Schindler als „…“": a label
            subj = pers
    if subj is not None and _person_like(ctx, subj):
        return QuoteMatch(
            m.start, m.end, "direct", "direct.fragment.subject", None, None, None, *_span_text(doc, subj)
        )
    if said:
        return QuoteMatch(m.start, m.end, "direct", "direct.fragment.reported")
    if subj is not None:
        return QuoteMatch(
            m.start, m.end, "direct", "direct.fragment.np", None, None, None, *_span_text(doc, subj)
        )
    return QuoteMatch(m.start, m.end, "direct", "direct.fragment.context")


def _wording(content: str, *, min_words: int = 3) -> bool:
    """A quoted phrase of several words that starts lowercase is somebody's wording, never a name.

    Example: "in 95 Prozent der Fälle nicht wirklich schadet" -> True; "Reporter ohne Grenzen" -> False.
    """
    body = _LEADING_ELLIPSIS.sub("", content).lstrip()
    # a hyphenated compound is one word: "in-Ovo-Selektion" is a term, not wording
    return body[:1].islower() and sum(bool(_LETTER.search(w)) for w in body.split()) >= min_words


def _sentence_subject(ctx: _Ctx, lo: int, o: int) -> tuple[int, int] | None:
    """The subject of the sentence a quote opens in: the parse's subject, else the mention it starts with."""
    doc = ctx.doc
    if ctx.has_dep and ctx.scheme is not None:
        root = doc[o].sent.root
        rng = _speaker_from_dep(ctx, root)
        if rng is not None:
            return rng
    if doc[lo].lower_ in PRONOUNS:
        return lo, lo + 1
    return _np_after(ctx, lo, o)


_NAME_JOINERS = word_set("quotes", "name_joiners")


# prepositions in names and titles: "Gesetz zur Änderung des Passgesetzes", "Allianz zur Europäischen
# Integration", "Gesetz über den Verfassungsschutz" (a statement has a verb or adjective in lowercase);
# never a name's first word ("„zur Kenntnis“ nehmen" is wording)
_NAME_PREPOSITIONS = word_set("quotes", "name_prepositions")


def _name_like(content: str) -> bool:
    """Only capitalized words, no sentence end: a name or title ("Berliner Zeitung", "Reporter ohne Grenzen")."""
    # a possessive "s" belongs to its name: "Heinz Rühmann´s Biographie in Bild und Ton"
    words = re.findall(r"[^\W\d_][\w-]*", re.sub(r"(?<=\w)[´'’`]s\b", "", content))
    return (
        bool(words)
        and content.rstrip()[-1:] not in ".!?"
        and all(w[0].isupper() or w.lower() in _NAME_JOINERS for w in words[:1])
        and all(w[0].isupper() or w.lower() in _NAME_JOINERS or w in _NAME_PREPOSITIONS for w in words[1:])
    )


_LABEL_WORDS = word_set("quotes", "label_words")


_DEFINITE = word_set("quotes", "definite")


def _inside_noun_group(ctx: _Ctx, o: int, c: int, content: str) -> bool:
    """The quoted words are part of a noun group, not wording: an adjective before its noun
    ("aufgrund der „drastischen“ Mehrwertsteuererhöhung") or a capitalized name after a definite article
    ("Teile des „Gesetzes über den Verfassungsschutz“", "Träger des „Sacharow-Preises“")."""
    doc = ctx.doc
    nxt = doc[c + 1] if c + 1 < len(doc) else None
    last = doc[c - 1] if c - 1 > o else None
    if (
        ctx.has_lemma
        and last is not None
        and last.pos_ == "ADJ"
        and nxt is not None
        and nxt.pos_ in ("NOUN", "PROPN")
        and _is_cap(nxt)
    ):
        return True
    body = content.strip()
    return (
        o > 0
        and ctx.lower[o - 1] in _DEFINITE
        and body[:1].isupper()
        and not _statement_shaped(body, min_words=4)
        and not _SPEECH_PRONOUNS.search(body)
    )


_GERMAN_FUNCTION_WORDS = word_set("quotes", "german_function_words")


def _foreign(ctx: _Ctx, content: str) -> bool:
    """Quoted text with at least as many foreign as German function words: a title or name, not wording.

    Example: "Let it be" -> True; "Le Monde" -> True; "in dubio pro reo" -> True; "Wir bleiben" -> False.
    """
    words = re.findall(r"[^\W\d_]+", content.lower())
    n_foreign = sum(w in ctx.lex.foreign for w in words)
    return n_foreign > 0 and n_foreign >= sum(w in _GERMAN_FUNCTION_WORDS for w in words)


_LETTER = re.compile(r"[^\W\d_]")
_MAX_NAME_WORDS = 6


def _quoted_names(ctx: _Ctx, marked: list[Marked], quotes: list[QuoteMatch]) -> set[str]:
    """Short texts the release quotes more than once, at least once as no statement: a name or motto.

    Example: "Der Verein „Wir sind Musterstadt“ … betonte, „Wir sind Musterstadt“ stehe …" ->
    {"Wir sind Musterstadt"}; "„Wir handeln jetzt“, sagte sie. … wiederholte sie: „Wir handeln jetzt“"
    -> {} (both times a statement).
    """
    seen: dict[str, int] = {}
    named: set[str] = set()
    said = {(q.start, q.end) for q in quotes}
    for m in marked:
        content = ctx.text[m.start : m.end].strip()
        if len(content.split()) <= _MAX_NAME_WORDS and content[-1:] not in ".!?":
            seen[content] = seen.get(content, 0) + 1
            if (m.start, m.end) not in said and _naming_context(ctx.text, m.open_start):
                named.add(content)
    return {c for c in named if seen[c] > 1}


_WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)[ \t]*$")


def _naming_context(text: str, open_start: int) -> bool:
    """The word before the mark makes the quoted text a name: "Der Verein „…“", "die „…“"."""
    m = _WORD_BEFORE.search(text, max(0, open_start - 40), open_start)
    if m is None:
        return False
    word = m.group(1)
    return word.lower() in DETERMINERS or (word[:1].isupper() and word.lower() not in PRONOUNS)


def _not_a_statement(ctx: _Ctx, q: QuoteMatch, names: set[str]) -> bool:
    """A direct quote that is no statement: no letter in it („110“), a name quoted more than once, or a
    motto named right after it („Jeder Mensch hat einen Namen“ – unter diesem Motto …)."""
    content = ctx.text[q.start : q.end].strip()
    if q.rule_id.startswith("direct.fragment") and _own_voice(ctx, q):
        return True  # the release's own "ich"/"wir" putting words in marks: a term or scare quote
    if q.rule_id.startswith(("direct.fragment", "direct.in_reported")) and _scare_infinitive(
        ctx.text, q, content
    ):
        return True  # also inside reported speech: "Es sei wichtig, Kranke nicht nur zu „versorgen“"
    if (
        q.rule_id == "direct.fragment.np"
        and len(content.split()) <= _MAX_THING_PHRASE
        and _thing_speaker(ctx, q)
    ):
        # "Das Communitytreffen zeigt, dass OSM mehr ist als „nur eine Karte“": a thing as the sentence
        # subject says nothing; a short phrase in marks is a scare quote (longer ones are often somebody's
        # wording the text attributes elsewhere: WIKINEWS "… eine „kluge und komische Geschichte …“")
        return True
    return not _LETTER.search(content) or content in names or _named_after(ctx.text, q.end)


_ZU_BEFORE = re.compile(r"(?:^|\s)zu[ \t]*[„“”\"»«‚]*$")


def _scare_infinitive(text: str, q: QuoteMatch, content: str) -> bool:
    """One lowercase word in marks after "zu": a verb set off as a scare quote, nobody's statement.

    Example: "Hilfsbedürftige nicht nur zu „versorgen“", "die Kunst mit den Händen zu „begreifen“".
    """
    before = text[max(0, q.start - 8) : q.start]
    return " " not in content and content[:1].islower() and _ZU_BEFORE.search(before) is not None


_FIRST_PERSON_SPEAKERS = word_set("quotes", "first_person_speakers")


_MAX_THING_PHRASE = 4


def _thing_speaker(ctx: _Ctx, q: QuoteMatch) -> bool:
    """The speaker mention names neither a person or office nor an organization: "Das Fest", "Die
    Preisänderungsklausel der Beklagten" ("Die Union" and "Der Verband" stay)."""
    if q.speaker_start is None or q.speaker_end is None:
        return False
    span = ctx.doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
    if span is None or _person_like(ctx, (span.start, span.end)):
        return False
    return speaker_organization(ctx.doc, q.speaker_start, q.speaker_end, text=ctx.text) is None


def _own_voice(ctx: _Ctx, q: QuoteMatch) -> bool:
    """The speaker is the release's author: a first-person pronoun outside quotation marks ("Wir hoffen,
    dass …" in a newsletter, "Ich glaube, …" in a letter), not a quoted person's "ich"."""
    if not q.speaker or q.speaker.strip().casefold() not in _FIRST_PERSON_SPEAKERS or q.speaker_start is None:
        return False
    span = ctx.doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
    return span is not None and ctx.inside[span.start] < 0


_NAMING_NOUNS_AFTER = word_set("quotes", "naming_nouns_after")
_NAMED_AFTER = re.compile(
    r"[„“”\"»«.!?]{1,3}[ \t]*[–—-][ \t]*(?:unter|so[ \t]+lautet|lautet|so[ \t]+heißt|heißt)[ \t]+"
    r"(?:dem|diesem|das|der|die)[ \t]+(\w+)(?:[ \t]+(\w+))?"
)


def _named_after(text: str, end: int) -> bool:
    """ "„Jeder Mensch hat einen Namen“ – unter diesem Motto …", "„…“ – so lautet der Titel …": the
    quoted words are the motto or title of what follows, nobody's statement."""
    m = _NAMED_AFTER.match(text, end)
    # "unter diesem Motto", "unter dem diesjährigen Motto"
    return m is not None and (m.group(1) in _NAMING_NOUNS_AFTER or m.group(2) in _NAMING_NOUNS_AFTER)


# reported-speech forms whose content is a subordinate or infinitive clause after the cue
_CLAUSE_FORMS = (
    "indirect.dass",
    "indirect.clause",
    "indirect.question",
    "indirect.infinitive",
    "indirect.konj",
)
_WERDEN_FORMS = word_set("quotes", "werden")
_PASSIVE_AGENTS = word_set("quotes", "passive_agents")
# cues whose agentless passive states a finding or a notice of the release, not somebody's words
# ("Es wird befürchtet, dass …" stays: an opinion reported without its holder)
_NARRATIVE_PASSIVE_CUES = word_set("quotes", "narrative_passive_cues")
_RELATIVE_FORMS = word_set("quotes", "relative_pronouns") | word_set("quotes", "relative_forms")
_CLAUSE_PREPOSITIONS = word_set("quotes", "prepositions") | word_set("quotes", "relative_prepositions")


def _own_voice_cue(ctx: _Ctx, q: QuoteMatch) -> bool:
    """No speaker found, but "ich"/"wir" stands right before or after the cue outside quotation marks:
    "Wir hoffen, dass …", "Deshalb fordern wir, …" (the rules without a parse take no pronoun subject)."""
    if q.speaker is not None or q.cue_start is None or q.cue_end is None:
        return False
    cue = ctx.doc.char_span(q.cue_start, q.cue_end, alignment_mode="expand")
    if cue is None or ctx.inside[cue.start] >= 0:
        return False
    v = cue.start
    return any(
        0 <= k < len(ctx.doc) and ctx.lower[k] in _FIRST_PERSON_SPEAKERS and ctx.inside[k] < 0
        for k in (v - 1, v + 1)
    )


_PERCEPTION_CUES = word_set("quotes", "perception_cues")


def _adverb_speaker(speaker: str) -> bool:
    """ "Abschließend", "Zusammenfassend": an adverb the rules took for the subject of "muss festgestellt werden"."""
    words = speaker.split()
    return len(words) == 1 and _adverb_like(words[0].casefold())


def _named_speaker(ctx: _Ctx, q: QuoteMatch) -> bool:
    """The speaker is a named person or an office holder ("Senatorin Kalayci", "Der Bürgermeister"), not
    "die Beamten", "die 88-Jährige" or an adverb the rules took for a subject."""
    if q.speaker_start is None or q.speaker_end is None:
        return False
    span = ctx.doc.char_span(q.speaker_start, q.speaker_end, alignment_mode="expand")
    if span is None or (len(span) == 1 and span[0].lower_ in PRONOUNS):
        return False
    return _person_like(ctx, (span.start, span.end))


def narrative_report(ctx: _Ctx, q: QuoteMatch) -> bool:
    """An indirect row that reports nobody's words.

    An agentless passive of a finding or notice: "Im Rahmen der Ermittlungen wurde festgestellt, dass …", "Es wird
    darauf hingewiesen, dass …", "Zusammenfassend kann festgestellt werden, dass …" (police and court
    narrative; "Vom Senat wurde mitgeteilt, dass …" names its source and stays). A relative clause read
    as a reported one: "bestätigte einen Verstoß aufgrund der Rohheit, mit der die Kuh behandelt wurde".
    The release's own voice: "Wir hoffen, dass Sie …" (a first-person speaker outside quotation marks).
    A finding in the indicative by nobody named: "Eine Stunde später bemerkte die 88-Jährige, dass …",
    "stellten die Beamten fest, dass das Profil abgefahren war" ("Der Bürgermeister stellte fest, dass die
    Anforderungen gestiegen seien" is a statement: Konjunktiv, and an office holder speaks).
    """
    if q.kind != "indirect":
        return False
    form = q.rule_id.split(":", 1)[0]
    if form not in _CLAUSE_FORMS:
        return False
    if _own_voice(ctx, q) or _own_voice_cue(ctx, q):
        return True  # "Wir hoffen, dass Sie …": the publisher writing, nobody quoted
    doc = ctx.doc
    if (
        (q.speaker is None or _adverb_speaker(q.speaker))
        and q.cue in _NARRATIVE_PASSIVE_CUES
        and q.cue_start is not None
        and q.cue_end is not None
    ):
        cue = doc.char_span(q.cue_start, q.cue_end, alignment_mode="expand")
        if cue is not None:
            v = cue.start
            lo = _clause_start(ctx, v, stop_at_comma=True)
            hi = min(len(doc), v + 4)
            aux = any(ctx.lower[k] in _WERDEN_FORMS for k in range(lo, hi) if k != v)
            agent = any(ctx.lower[k] in _PASSIVE_AGENTS for k in range(lo, v))
            if aux and not agent:
                return True
    if (
        q.cue in _PERCEPTION_CUES
        and form in ("indirect.dass", "indirect.question")
        and not _named_speaker(ctx, q)
    ):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None and not any(_is_subjunctive(ctx, t, allow_ii=True) for t in span):
            return True  # "Bei der Unfallaufnahme stellten die Beamten fest, dass das Profil abgefahren war"
    if form == "indirect.clause":
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if (
            span is not None
            and len(span) > 2
            and ctx.lower[span.start] in _CLAUSE_PREPOSITIONS
            and ctx.lower[span.start + 1] in _RELATIVE_FORMS
            # "in der Ortschaft … seien fünf Personen verletzt worden": an article before its noun
            and not _is_cap(doc[span.start + 2])
            and not any(_is_subjunctive(ctx, t, allow_ii=False) for t in span)
        ):
            return True
    return False
