"""Reported speech around a cue: the speaker and extent of "so X", "wie X betonte", "X sagte, dass …".

Example: "Die Stadt sei gut aufgestellt, so der Bürgermeister." -> report with speaker "der Bürgermeister".
"""

from __future__ import annotations

from pressextract.resources.loader import word_set, word_tuple
from pressextract.rules.quotes.context import (
    _REPORT_SCOPES,
    QuoteMatch,
    _clause_start,
    _Ctx,
    _cued,
    _is_cap,
    _person_like,
    _span_text,
)
from pressextract.rules.quotes.grammar import (
    _DEGREE,
    _WERDEN,
    _WERDEN_SEIN,
    _has_finite_verb,
    _is_subjunctive,
    _passive,
    _trim_end,
    _verb_at,
)
from pressextract.rules.quotes.rules import SpeechVerb
from pressextract.rules.quotes.speakers import (
    _OBJECT_ARTICLES,
    _np_after,
    _np_before,
    _speaker_around_verb,
    _speaker_from_dep,
)
from pressextract.rules.quotes.words import _ADJ_END, DETERMINERS, PRONOUNS

_SO_TAIL = word_set("quotes", "so_tail")


def _konj_i_form(ctx: _Ctx, tok) -> bool:
    """A third-person singular Konjunktiv I the tagger may have read as indicative: the verb's stem + "e"
    ("resultiere" of resultieren, "halte" of halten, "ändere" of ändern), not after or before "ich"
    ("ich halte"). A weak preterite ("sagte" of sagen) is stem + "te", never stem + "e"; a verb the
    lemmatizer does not know (lemma = the form) counts when it ends in "-e" but not "-te".

    Example: "Kramer sagte, die Besorgnis resultiere aus …" -> True at "resultiere".
    """
    if not (ctx.has_lemma and ctx.inside[tok.i] < 0 and tok.is_alpha and tok.text.islower()):
        return False
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    # a plural finite verb never ends in "-e": "die Entdeckung werfe" tagged as plural is the tagger's
    # guess at a form it rarely saw, a Konjunktiv I all the same
    if "Plur" in tok.morph.get("Number") and not (tok.lower_.endswith("e") and not tok.lower_.endswith("te")):
        return False
    if "1" in tok.morph.get("Person") or "Imp" in tok.morph.get("Mood"):
        return False
    lemma, low = tok.lemma_.lower(), tok.lower_
    if low.endswith("te") and "Past" in tok.morph.get("Tense"):
        return False  # "überprüfte" (lemma read as "überprüften"): a weak preterite the tagger saw as one
    stem = lemma[:-1] if lemma.endswith(("ern", "eln")) else lemma[:-2] if lemma.endswith("en") else ""
    # the stem + "e"; or, where the lemmatizer does not know the verb, an "-e" that is not a "-te"
    if not (
        low == stem + "e" or (lemma == low and len(low) > 3 and low.endswith("e") and not low.endswith("te"))
    ):
        return False
    doc = ctx.doc
    near = {doc[k].lower_ for k in (tok.i - 1, tok.i + 1) if 0 <= k < len(doc)}
    return "ich" not in near


def _so_attribution(ctx: _Ctx, lo: int, end: int) -> QuoteMatch | None:
    """ "Die Lage sei ernst, so die Polizei." / "Der Plan, so Wegner weiter, werde …" (", so X" attributes)."""
    doc, lower, texts = ctx.doc, ctx.lower, ctx.texts
    for k in range(lo + 2, end - 1):
        if lower[k] != "so" or texts[k - 1] != "," or ctx.inside[k] >= 0:
            continue
        j = k + 1
        verb = None
        if texts[j].islower() and (verb := _verb_at(ctx, doc[j], scopes=_REPORT_SCOPES)) is not None:
            j += 1  # "…, so betont auch die Polizei, …"
            while j < end and lower[j] in _SO_TAIL:
                j += 1
        if not (lower[j] in DETERMINERS or lower[j] in PRONOUNS or _is_cap(doc[j])):
            continue  # "…, so definieren sie …": a consecutive clause
        rng = _np_after(ctx, j, end)
        if rng is None or rng[0] != j:
            continue
        t = rng[1]
        while t < end and lower[t] in _SO_TAIL:
            t += 1
        if t < end and texts[t] != ",":
            continue
        # "Dennoch, so Nacke, habe er …": one word before, the statement goes on after the speaker
        goes_on = t < end and sum(ctx.inside[x] < 0 for x in range(t + 1, end)) >= 4
        if sum(ctx.inside[x] < 0 for x in range(lo, k - 1)) < (1 if goes_on else 3):
            continue  # „…“, so X: a direct quote, attributed there (not "Der Iran müsse „…“ beenden, so X")
        q_hi = end if t < end else _trim_end(doc, lo, k - 1)
        if q_hi - lo < 3:
            continue
        c = doc[j - 1] if verb is not None else doc[k]
        return QuoteMatch(
            doc[lo].idx,
            doc[q_hi - 1].idx + len(doc[q_hi - 1]),
            "indirect",
            "indirect.so",
            verb.lemma if verb is not None else "so",
            doc[k].idx,
            c.idx + len(c),
            *_span_text(doc, rng),
            cue_id=verb.id if verb is not None else "cue.so",
        )
    return None


def _reported_after(ctx: _Ctx, v: int, verb: SpeechVerb, lo: int, end: int) -> QuoteMatch | None:
    """X betonte, dass … / X betonte, man müsse … / Wie X mitteilte, … ."""
    doc = ctx.doc
    comma = None
    for k in range(v + 1, min(end, v + 14)):
        if ctx.inside[k] >= 0 and ctx.inside[k] not in ctx.name_marks:
            return None  # a quote between verb and clause is that quote's cue ("sagte der „Zeitung“" is fine)
        if doc[k].text == ",":
            comma = k
            break
    if comma is None or comma + 2 >= end:
        return None
    comma = _past_apposition(ctx, comma, end)
    first = doc[comma + 1]
    clause_start = _clause_start(ctx, v, stop_at_comma=True)
    wie = _wie_start(ctx, v, lo, clause_start)
    strict = verb.scope in ("embedded", "report")  # only a dass/ob or Konjunktiv clause reports
    opener = ctx.lower[clause_start]
    if opener in ("auch", "selbst", "nur", "gerade", "sogar") and clause_start + 1 < v:
        opener = ctx.lower[clause_start + 1]  # "Auch wenn … beschrieben worden ist, so …"
    if (
        wie is None
        and (opener in _SUBORDINATORS or ctx.lower[clause_start] in _V1_CONDITIONS)
        and not _als_phrase(ctx, clause_start, v, comma)
    ):
        return None  # "Da ein großer Andrang erwartet wird, öffnen …": the main clause reports nothing
    if any(
        ctx.lower[k] == "bitte" or (ctx.texts[k] == "Sie" and k > lo and not ctx.boundary[k - 1])
        for k in range(clause_start, comma)
    ):
        return None  # "Bitte teilen Sie uns mit, ob …": a request to the reader, nobody is quoted
    if wie is None and _negated(ctx, verb, clause_start, v, comma):
        return None  # "Die Kläger haben nicht substantiiert dargelegt, dass …": a denied claim, no statement
    if verb.lemma in _AUF_CUES and not any(
        ctx.lower[k] in ("auf", "darauf") for k in range(clause_start, comma)
    ):
        return (
            None  # "verwies die Sache zur Klärung, ob …, an das Gericht zurück": no pointing to a statement
        )
    if first.lower_ in ("dass", "daß") and (
        ctx.lower[comma - 1] in _DEGREE
        or ctx.lower[comma - 1] == "so"
        or (comma - 2 > v and ctx.lower[comma - 2] == "so")
    ):
        return None  # "schätzen die Bibliotheken so sehr, dass …": a consequence, not a report
    if verb.lemma == "bitten" and v + 1 < comma and ctx.lower[v + 1] == "um":
        return None  # "Wir bitten um Verständnis, dass …": a request, not a statement
    if strict and first.lower_ in _SUBORDINATORS and first.lower_ not in ("dass", "daß", "ob"):
        return None  # "hatte sich dagegen entschieden, weil … gewesen wären": a reason, not a report
    passive = _passive(ctx, v, verb, lo)
    if wie is not None:
        if verb.scope == "report":
            return None
        rule = "indirect.wie"
        rng = _speaker_from_dep(ctx, doc[v]) or _wie_speaker(ctx, wie, v)
    elif first.lower_ in ("dass", "daß") or (first.lower_ == "ob" and verb.scope != "report"):
        rule = "indirect.dass"
        rng = _speaker_around_verb(ctx, v, clause_start, comma)
    elif any(
        _is_subjunctive(ctx, doc[k], allow_ii=True) or _konj_i_form(ctx, doc[k])
        for k in range(comma + 1, min(end, comma + 9))
    ):
        rule = "indirect.konj"
        rng = _speaker_around_verb(ctx, v, clause_start, comma)
    elif strict:
        return None
    elif first.lower_ in _WH_WORDS:
        if first.lower_ == "wie" and comma + 2 < end and ctx.texts[comma + 2][:1].isupper():
            return None  # "informiert über Einrichtungen, wie Krankenhäuser …": an example list, no question
        if _relative_welche(ctx, comma + 1, end):
            return None  # "Zeugen haben sich gemeldet, welche zeitnah vernommen werden": a relative clause
        rule = "indirect.question"  # "Sie erklärte, warum …"
        rng = _speaker_around_verb(ctx, v, clause_start, comma)
    elif _zu_infinitive(ctx, comma + 1, end):
        if first.lower_ in _PURPOSE_OPENERS:
            return None  # "… kommen nie zu Ihnen nach Hause, um Geld in Sicherheit zu bringen": a purpose
        if passive and _agent(ctx, lo, v) is None:
            return None  # "Die Anwohner werden aufgefordert, …": the subject is addressed, nobody speaks
        rule = "indirect.infinitive"  # "Er kündigte an, das Gesetz zu ändern."
        rng = _speaker_around_verb(ctx, v, clause_start, comma)
    elif (
        ctx.opts.indicative_clauses
        and _main_clause_start(ctx, comma + 1, end)
        and not _relative_clause(ctx, clause_start)
        and _colon_at(ctx, comma + 1, end) is None
        and _has_finite_verb(ctx, comma + 1, end)
    ):
        if ctx.has_morph and "Inf" in doc[v].morph.get("VerbForm"):
            return None  # "ob Zeitung lesen, Notizen schreiben oder …, sind …": an infinitive says nothing
        rule = "indirect.clause"  # "Der Sprecher teilte mit, Blair steht bereit …"
        rng = _speaker_around_verb(ctx, v, clause_start, comma)
    else:
        return None
    if (
        rng is not None
        and verb.scope == "directive"
        and rng[0] > v
        and ctx.lower[v - 1] in ("und", "oder", ",")
    ):
        rng = None  # "… schlossen ihre Lokale und forderten die Fans auf, …": the subject came before
    if rng is not None and verb.scope == "directive" and rng[0] > v and not _subject_shaped(ctx, rng):
        rng = None  # "Der Bezirk ruft Initiativen auf, …": after a directive verb, the addressee
    if rule == "indirect.clause" and rng is not None and rng[0] > v and rng[1] == comma:
        return None  # "sagt Christoph Schmidt, Geschäftsführer der …": the comma opens an apposition
    if passive:
        # "Es wird befürchtet, dass …": the subject is no speaker; "von der Polizei aufgefordert": the agent is
        rng = _agent(ctx, lo, v)
        if rng is None and rule not in ("indirect.dass", "indirect.konj", "indirect.question"):
            return None
    elif rng is None and not (
        rule in ("indirect.dass", "indirect.konj") and verb.scope in ("any", "directive")
    ):
        return None
    elif rng is not None and rng[1] - rng[0] == 1 and doc[rng[0]].lower_ in _RELATIVE_PRONOUNS:
        # "die Polizei, die mitteilte, dass …": the relative pronoun stands for the noun before it
        rng = _np_before(ctx, clause_start - 1, lo) if clause_start - 1 > lo else None
        if rng is None:
            return None
    # A colon in the reported clause introduces a direct quote: the reported speech ends there.
    q_hi = _trim_end(doc, comma + 1, _colon_at(ctx, comma + 1, end) or end)
    if q_hi - (comma + 1) < 2:
        return None
    s = _span_text(doc, rng) if rng else (None, None, None)
    t = doc[v]
    return _cued(
        first.idx, doc[q_hi - 1].idx + len(doc[q_hi - 1]), "indirect", rule, verb.lemma, t, s, verb.id
    )


_SUBORDINATORS = word_set("quotes", "subordinators")
_NEGATIONS = word_set("quotes", "negations")
_NEGATION_NOT_AFTER = word_set("quotes", "negation_not_after")
_NEGATABLE = word_set("quotes", "negatable_cues")
_AUF_CUES = word_set("quotes", "auf_cues")


def _past_apposition(ctx: _Ctx, comma: int, end: int) -> int:
    """The comma before a dass/ob clause that follows the speaker's apposition: "Dabei sagte Li Wang, der
    Vorsitzende des Ausschusses, aber auch, dass …" -> the comma before "dass". At most two segments without
    a finite verb (and no quotation mark) are passed over; otherwise `comma` as it is."""
    at = comma
    for _ in range(2):
        nxt = next((k for k in range(at + 1, min(end, at + 14)) if ctx.texts[k] == ","), None)
        if nxt is None or nxt + 1 >= end or nxt == at + 1:
            return comma
        if any(ctx.inside[k] >= 0 for k in range(at + 1, nxt)) or ctx.lower[at + 1] in _SUBORDINATORS:
            return comma
        if ctx.lower[at + 1] in _WH_WORDS or _has_finite_verb(ctx, at + 1, nxt):
            return comma
        if ctx.lower[nxt + 1] in ("dass", "daß", "ob"):
            return nxt
        at = nxt
    return comma


def _negated(ctx: _Ctx, verb: SpeechVerb, clause_start: int, v: int, comma: int) -> bool:
    """The clause of the speech verb negates it: "Sie fordern nicht, den Euro abzuschaffen", "hat nie
    behauptet, dass …". Not "nicht nur", "nicht als Teil …", "beklagen nicht ausgezahlte Prämien" (a
    negated attribute), a negation in a clause before "und"; nor a verb whose negation is a statement:
    "schloss nicht aus, dass …", "bestritt nicht, dass …"."""
    if verb.lemma in _NEGATABLE:
        return False
    for k in range(clause_start, comma):
        if ctx.lower[k] not in _NEGATIONS or ctx.inside[k] >= 0:
            continue
        if any(ctx.lower[x] in _COORDINATORS for x in range(min(k, v) + 1, max(k, v))):
            continue  # "Dies war nicht die erste, und die Anwohner befürchten, dass …"
        nxt = ctx.texts[k + 1] if k + 1 < comma else ""
        after = ctx.texts[k + 2] if k + 2 < comma else ""
        if nxt.lower() in _NEGATION_NOT_AFTER or (
            nxt.islower() and nxt.endswith(_ADJ_END) and after[:1].isupper()
        ):
            continue
        return True
    return False


_COORDINATORS = ("und", "oder", "aber", "sondern", "doch", "jedoch")


def _als_phrase(ctx: _Ctx, clause_start: int, v: int, comma: int) -> bool:
    """ "Als Begründung gab er an, …": "als" + noun opens a main clause (the verb second, words after it
    before the comma), not a temporal clause ("Als Zeugen berichteten, dass …" ends with its verb)."""
    return (
        ctx.lower[clause_start] == "als"
        and clause_start + 1 < v
        and _is_cap(ctx.doc[clause_start + 1])
        and ctx.lower[clause_start + 1] not in PRONOUNS
        and v - clause_start <= 4
        and comma - v >= 2
    )


_PURPOSE_OPENERS = word_set("quotes", "purpose_openers")


# A finite verb first: a condition ("Sollten Sie Hinweise äußern wollen, können Sie …"), not a report.
_V1_CONDITIONS = word_set("quotes", "v1_conditions")


def _subject_shaped(ctx: _Ctx, rng: tuple[int, int]) -> bool:
    """A noun group after a directive verb is its subject only with an article or as a person/office."""
    first = ctx.lower[rng[0]]
    if first in ("der", "die", "das", "ein", "eine") or first in PRONOUNS:
        return True
    return _person_like(ctx, rng) and first not in _OBJECT_ARTICLES


_RELATIVE_PRONOUNS = word_set("quotes", "relative_pronouns")


def _wie_start(ctx: _Ctx, v: int, lo: int, clause_start: int) -> int | None:
    """Token of "wie" that opens the clause of the verb: "Wie X, Sprecher von Y, mitteilte, …"."""
    doc = ctx.doc
    if clause_start < v and ctx.lower[clause_start] == "wie":
        return clause_start
    # "Wie Steve Marshall, Sprecher des UN-Büros, in Bangkok mitteilte": an apposition inside the clause
    if ctx.lower[lo] == "wie" and v - lo <= 20:
        commas = [k for k in range(lo, v) if doc[k].text == ","]
        if len(commas) == 2 and not any(ctx.verb_like[k] for k in range(lo, v)):
            return lo
    return None


def _wie_speaker(ctx: _Ctx, wie: int, v: int) -> tuple[int, int] | None:
    doc = ctx.doc
    stop = next((k for k in range(wie + 1, v) if doc[k].text == ","), v)
    return _np_after(ctx, wie + 1, stop)


def _agent(ctx: _Ctx, lo: int, v: int) -> tuple[int, int] | None:
    """The agent of a passive speech verb: "wurde von dem Sprecher mitgeteilt" -> "dem Sprecher"."""
    for k in range(lo, v - 1):
        if ctx.lower[k] in ("von", "vom") and ctx.inside[k] < 0:
            rng = _np_after(ctx, k + 1, v)
            # between the auxiliary and the participle: "wurde von einer Polizistin aufgefordert", not
            # "Den Haltern von Tieren wird empfohlen"
            aux = _WERDEN | _WERDEN_SEIN
            if rng is not None and rng[1] >= v - 1 and not any(ctx.lower[x] in aux for x in range(rng[1], v)):
                return rng
    return None


def _colon_at(ctx: _Ctx, lo: int, end: int) -> int | None:
    """The first colon outside quotation marks in tokens lo..end."""
    for k in range(lo, end):
        if ctx.texts[k] == ":" and ctx.inside[k] < 0:
            return k
    return None


_WH_WORDS = word_set("quotes", "wh_words")


_NOT_REPORT_START = word_set("quotes", "not_report_start")


_ZU_PARTICLES = word_tuple("quotes", "zu_particles")


def _zu_infinitive(ctx: _Ctx, lo: int, end: int) -> bool:
    """The clause is an infinitive with zu: "…, das Gesetz zu ändern" / "…, die Seite zu sperren"."""
    doc = ctx.doc
    hi = lo
    while hi < end and doc[hi].text not in (",", ":") and ctx.inside[hi] < 0:
        hi += 1  # "fordert … auf, zügig eine Regelung zu treffen: „…“" ends at the colon
    last = doc[hi - 1] if hi > lo else None
    if last is None or not last.text.islower() or not last.text.endswith(("en", "ern", "eln")):
        return False
    if hi - 2 >= lo and doc[hi - 2].lower_ == "zu":
        return True
    return any(last.lower_.startswith(p + "zu") and len(last.text) > len(p) + 5 for p in _ZU_PARTICLES)


def _main_clause_start(ctx: _Ctx, lo: int, end: int) -> bool:
    """A reported main clause after the speech verb's comma: not "und", a relative pronoun or a conjunction."""
    t = ctx.doc[lo]
    if ctx.inside[lo] >= 0 or t.lower_ in _NOT_REPORT_START or end - lo < 4:
        return False
    if ctx.verb_like[lo] and t.text.islower():
        return False  # "Sie informieren über X, berichten über Y": a list of verbs, not a reported clause
    if t.lower_ in _WERDEN or t.lower_ in _WERDEN_SEIN or t.lower_ in ("hat", "hatte", "haben", "hatten"):
        return False  # "…beschuldigt, wurde dann festgenommen": a second verb of the same subject
    return t.is_alpha


def _relative_clause(ctx: _Ctx, clause_start: int) -> bool:
    """The verb stands in a relative or adverbial clause ("…, die das Projekt lobte, …")."""
    doc = ctx.doc
    return (
        clause_start > 0
        and doc[clause_start - 1].text == ","
        and doc[clause_start].lower_ in _NOT_REPORT_START
    )


def _reported_before(ctx: _Ctx, v: int, verb: SpeechVerb, lo: int, end: int) -> QuoteMatch | None:
    """Man müsse jetzt handeln, sagte X. / Die Arbeiten beginnen im Mai, teilte das Bezirksamt mit.

    The clause before ", verb speaker" is reported: in Konjunktiv always, in the indicative when the
    inverted attribution closes the sentence (verb, speaker, at most a particle or adverbs).
    Also "…, wie die Polizei mitteilte." (the wie-clause closes the sentence).
    """
    doc = ctx.doc
    if v - 1 > lo and ctx.lower[v - 1] == "wie" and v - 2 > lo and doc[v - 2].text == ",":
        return None  # "…, wie sagte X" is no German word order
    wie = _wie_after(ctx, v, lo, end)
    if wie is not None:
        comma = wie - 1
        rng = _speaker_from_dep(ctx, doc[v]) or _np_after(ctx, wie + 1, v)
        rule = "indirect.wie_after"
    else:
        if v - 1 <= lo or doc[v - 1].text != "," or verb.scope == "report":
            return None
        comma = v - 1
        if any(_is_subjunctive(ctx, doc[k], allow_ii=False) for k in range(lo, comma)):
            rule = "indirect.konj_before"
        elif (
            verb.scope in ("any", "directive")
            and _closes_sentence(ctx, v, end)
            and _main_clause_before(ctx, lo, comma)
        ):
            rule = "indirect.before"
        else:
            return None
        rng = _speaker_from_dep(ctx, doc[v]) or _np_after(ctx, v + 1, end)
        if rule == "indirect.before" and (rng is None or rng[0] != v + 1 or end - rng[1] > 4):
            return None  # "…, forderte die Einrichtung einer Kommission": an object, not the speaker
    if rng is None:
        return None
    q_hi = _trim_end(doc, lo, comma)
    if q_hi - lo < 3 or any(ctx.inside[k] >= 0 for k in (lo, q_hi - 1)):
        return None  # a quoted sentence before the verb is a direct quote, handled there
    s = _span_text(doc, rng)
    t = doc[v]
    return _cued(
        doc[lo].idx, doc[q_hi - 1].idx + len(doc[q_hi - 1]), "indirect", rule, verb.lemma, t, s, verb.id
    )


def _wie_after(ctx: _Ctx, v: int, lo: int, end: int) -> int | None:
    """ "…, wie die Nachrichtenagentur gestern berichtete." -> index of "wie" (the clause ends the sentence)."""
    k = v - 1
    while k > lo + 2 and v - k < 12:
        t = ctx.texts[k]
        if t == "," or ctx.inside[k] >= 0:
            return None
        if ctx.lower[k] == "wie" and ctx.texts[k - 1] == ",":
            break
        k -= 1
    else:
        return None
    # the verb (and its particle) end the clause: "wie X mitteilte." / "wie X am Montag mitteilte, …"
    nxt = v + 1
    if nxt < end and ctx.lower[nxt] in ("hatte", "hat", "habe", "hätte", "wurde", "worden"):
        nxt += 1
    if nxt < end and ctx.texts[nxt] != ",":
        return None
    return k


def _main_clause_before(ctx: _Ctx, lo: int, comma: int) -> bool:
    """The words before ", verb speaker" are one main clause, not "Nachdem …," or "X, der …,"."""
    first = ctx.lower[lo]
    if first in _SUBORDINATORS or first in _WH_WORDS or first in ("und", "aber", "auch", "so"):
        return False
    return not any(ctx.texts[k] in (",", ":", ";") for k in range(lo, comma))


def _closes_sentence(ctx: _Ctx, v: int, end: int) -> bool:
    """After ", verb" only the speaker and short adverbs or a particle follow, up to the sentence end."""
    if end - v > 14:
        return False
    return not any(ctx.texts[k] in (",", ":", "(") or ctx.inside[k] >= 0 for k in range(v + 1, end))


def _relative_welche(ctx: _Ctx, k: int, end: int) -> bool:
    """ "welche" at k opens a relative clause (a pronoun, no noun follows), not an indirect question.

    Example: "…, welche zeitnah vernommen werden" -> True; "…, welche historischen Geschichten sie kennen" and
    "…, welche Hürden sie nahmen" -> False (a determiner of the asked-about noun).
    """
    if not ctx.lower[k].startswith("welch") or k + 1 >= end:
        return False
    if ctx.has_lemma and ctx.doc[k].tag_:
        return ctx.doc[k].tag_ in ("PRELS", "PRELAT")
    j = k + 1  # adjectives may stand between the determiner and its noun: "welche neuen Regeln"
    while j < end and j - k <= 3 and ctx.texts[j].islower() and ctx.lower[j].endswith(_ADJ_END):
        j += 1
    return not (j < end and ctx.texts[j][:1].isupper())  # no noun after it: a pronoun
