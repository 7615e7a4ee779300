"""Build the spaCy pipeline: a tokenizer with figure fixes, the statistical model (or a
blank English pipeline with a sentence splitter), then our rule components in the order
given by ``models/pipeline.json``.

Speed settings in ``models/pipeline.json`` (both give identical annotations; see BENCHMARKS.md):

* ``"ops": "auto"`` builds the statistical model with thinc's ``NumpyOps(use_blis=False)``
  (matrix products through numpy's OpenBLAS, ~1.1x faster) when OpenBLAS is limited to one
  thread -- batch workers are -- and with thinc's default blis ops otherwise; ``"numpy"`` and
  ``"default"`` force one or the other.
* ``"fast_attribute_ruler": true`` answers the model's ``attribute_ruler`` patterns with an
  index keyed by tag and lower-case form instead of spaCy's general ``Matcher`` (which took
  ~12% of the pipeline's time).  Same matches, same order, same attributes; a pattern the
  index does not understand keeps the stock matcher.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator, Literal

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .attribute_index import speed_up_attribute_ruler
from .errors import ModelError, RuleFileError
from .resources import models_dir, pipeline_config
from .tokenizer import customize_tokenizer

ModelName = Literal["sm", "blank"]

# ----------------------------------------------------------------- building


OPS = ("auto", "numpy", "default")


def single_blas_thread() -> bool:
    """True when the environment limits numpy's OpenBLAS to one thread (as batch workers do)."""
    value = os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("GOTO_NUM_THREADS") \
        or os.environ.get("OMP_NUM_THREADS")
    return value == "1"


@contextlib.contextmanager
def _ops(name: str) -> Iterator[None]:
    """thinc ops for the models built inside the block.

    "numpy": ``NumpyOps(use_blis=False)``; "default": thinc's default (blis); "auto": numpy
    when :func:`single_blas_thread` (a multi-threaded BLAS on a busy machine is much slower
    than blis), else the default.
    """
    if name not in OPS:
        raise RuleFileError("E004", path=str(models_dir() / "pipeline.json"), entry="ops",
                            detail=f"unknown value {name!r}; use one of {', '.join(OPS)}")
    if name == "default" or (name == "auto" and not single_blas_thread()):
        yield
        return
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    saved = get_current_ops()
    set_current_ops(NumpyOps(use_blis=False))
    try:
        yield
    finally:
        set_current_ops(saved)


def _base(model: str) -> Language:
    cfg = pipeline_config()
    if model == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    if model == "sm":
        name = cfg["statistical_model"]
        try:
            with _ops(cfg.get("ops", "default")):
                nlp = spacy.load(name, exclude=cfg.get("exclude_from_statistical", []))
        except OSError:
            raise ModelError("E011", detail=name) from None
        if cfg.get("fast_attribute_ruler", False):
            speed_up_attribute_ruler(nlp)
        return nlp
    raise ModelError("E010", detail=model)


def build(model: str = "sm", rules_dirs: list[str | Path] | None = None) -> Language:
    """A ready pipeline. ``rules_dirs`` adds analysts' rule packs (country folders) to the shipped ones."""
    cfg = pipeline_config()
    nlp = _base(model)
    customize_tokenizer(nlp)
    for name in cfg["components"]:
        config = {}
        if name in ("electx_parties", "electx_offices", "electx_people"):
            config = {"countries": list(cfg.get("countries", [])),
                      "rules_dirs": [str(p) for p in (rules_dirs or [])]}
        nlp.add_pipe(name, config=config)
    return nlp
