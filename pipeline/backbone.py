"""Which spaCy model runs (de_core_news_lg when installed, else the bundled pipeline), and the
label-scheme adapter that keeps extractors independent of TIGER vs. UD labels.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Token

log = logging.getLogger(__name__)

PREFERRED = "de_core_news_lg"


class ModelNotFound(RuntimeError):
    pass


def bundled_path() -> Path | None:
    try:
        from pressextract_models import bundled_model_path
    except ImportError:  # running from a checkout without the models package installed
        path = Path(__file__).resolve().parent.parent / "models" / "de_pressextract"
    else:
        path = bundled_model_path()
    return path if (path / "config.cfg").exists() else None


def resolve_model(model: str | None) -> str:
    """The model to load: an explicit name/path, else de_core_news_lg if installed, else the bundled one.

    "blank" gives spaCy's rule-only German pipeline (tokenizer + sentencizer), useful for tests.
    """
    if model:
        return model
    if spacy.util.is_package(PREFERRED):
        return PREFERRED
    path = bundled_path()
    if path is not None:
        return str(path)
    log.warning(
        "no statistical German model found (neither %s nor the bundled one): using blank 'de'", PREFERRED
    )
    return "blank"


def load_backbone(model: str | None = None) -> Language:
    """Load the statistical pipeline. Raises ModelNotFound with a clear message."""
    name = resolve_model(model)
    if name == "blank":
        nlp = spacy.blank("de")
        nlp.add_pipe("sentencizer")
        return split_glued_quotes(nlp)
    try:
        return split_glued_quotes(spacy.load(name))
    except OSError as exc:
        raise ModelNotFound(
            f"cannot load spaCy model {name!r}: give an installed package name (e.g. {PREFERRED}) "
            f"or a path to a pipeline directory ({exc})"
        ) from exc


# An opening German quotation mark glued to the end of a sentence ("Stadtteil.„Wir …", "sagte:„Nein“"; 35 times
# in the corpora): spaCy's German infixes leave "Stadtteil.„Wir" one token, so neither the sentence end nor the
# quote is seen. The period (or colon) and the mark become tokens of their own; abbreviations ("z.B.„") stay.
_GLUED_QUOTE_INFIXES = (r"(?<=[a-zäöüß0-9)])[.!?:](?=[„«‚])", r"(?<=[.!?:])[„«‚](?=[A-ZÄÖÜ])")


def split_glued_quotes(nlp: Language) -> Language:
    """Add the glued-quote infixes to the pipeline's tokenizer. Example: "Stadtteil.„Wir" -> Stadtteil . „ Wir."""
    # keep the pipeline's own infixes (a trained model may carry its own), add ours after them
    current = getattr(nlp.tokenizer.infix_finditer, "__self__", None)
    infixes = [current.pattern] if current is not None else list(nlp.Defaults.infixes)
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex([*infixes, *_GLUED_QUOTE_INFIXES]).finditer
    return nlp


def model_info(nlp: Language) -> dict:
    """Name, version and components of a loaded pipeline for provenance records.

    Example: de_core_news_lg (meta lang "de", name "core_news_lg") -> "de_core_news_lg"; the bundled
    model's meta name already carries the language ("de_pressextract") and is kept as it is.
    """
    meta = nlp.meta
    lang, name = meta.get("lang", ""), meta.get("name", "")
    return {
        "name": name if name.startswith(f"{lang}_") else f"{lang}_{name}",
        "version": meta.get("version"),
        "spacy_version": meta.get("spacy_version"),
        "components": list(nlp.pipe_names),
    }


# --- label-scheme adapter ---------------------------------------------------------------------

_UD_SUBJ = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass"})
_TIGER_SUBJ = frozenset({"sb", "sbp"})
_UD_OBJ = frozenset({"obj", "iobj", "ccomp", "xcomp"})
_TIGER_OBJ = frozenset({"oa", "oa2", "da", "oc", "og"})
_UD_APPOS = frozenset({"appos"})
_TIGER_APPOS = frozenset({"app"})
_UD_NAME = frozenset({"flat", "flat:name", "compound"})
_TIGER_NAME = frozenset({"pnc", "nk"})
_STTS_FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN"})


@dataclass(frozen=True, slots=True)
class LabelScheme:
    """Dependency labels and fine tags of one model, behind one small interface.

    TIGER (de_core_news_*): subject "sb", object "oa", apposition "app", STTS tags.
    UD (the bundled model): "nsubj", "obj", "appos", UPOS + morph features.
    """

    name: str  # "tiger" or "ud"

    @classmethod
    def detect(cls, nlp: Language) -> LabelScheme:
        for pipe_name in ("parser", "tagger"):
            if pipe_name in nlp.pipe_names:
                labels = set(nlp.get_pipe(pipe_name).labels)
                if labels & {"sb", "oa", "VVFIN"}:
                    return cls("tiger")
        return cls("ud")

    def is_subject(self, token: Token) -> bool:
        return token.dep_ in (_TIGER_SUBJ if self.name == "tiger" else _UD_SUBJ)

    def is_object(self, token: Token) -> bool:
        return token.dep_ in (_TIGER_OBJ if self.name == "tiger" else _UD_OBJ)

    def is_apposition(self, token: Token) -> bool:
        return token.dep_ in (_TIGER_APPOS if self.name == "tiger" else _UD_APPOS)

    def is_name_part(self, token: Token) -> bool:
        if self.name == "tiger":
            # "nk" is any noun-kernel element (determiners too): count it only on proper nouns
            return token.dep_ == "pnc" or (
                token.dep_ in _TIGER_NAME and (token.tag_ == "NE" or token.pos_ == "PROPN")
            )
        return token.dep_ in _UD_NAME

    def is_finite_verb(self, token: Token) -> bool:
        if token.tag_ in _STTS_FINITE:
            return True
        if token.pos_ not in ("VERB", "AUX"):
            return False
        # GSD/PUD (and so the bundled model) often mark finite verbs by Mood/Person without VerbForm=Fin
        return "Fin" in token.morph.get("VerbForm") or bool(token.morph.get("Mood"))

    def is_subjunctive(self, token: Token) -> bool:
        """Konjunktiv (Mood=Sub), the mark of reported speech: "Er sagte, man müsse handeln"."""
        return "Sub" in token.morph.get("Mood")
