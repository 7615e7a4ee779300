"""Load and validate the figure rule files in ``models/shared/`` (scales, currencies,
percent forms, qualifiers, figure kinds).

Each file is checked by a pydantic model with ``extra="forbid"``; any problem stops with
:class:`~extractor.errors.RuleFileError` ``E004`` naming the file and the entry.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..errors import RuleFileError
from ..resources import models_dir, read_json, validate_rule_file

QualifierName = Literal["more_than", "less_than", "about", "at_least", "at_most", "up_to"]
PercentKindName = Literal["vote_share", "margin", "threshold", "poll", "turnout", "swing", "other"]
MoneyPredicate = Literal["spending", "fundraising", "cost", "donation", "threshold", "other"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"bad regular expression {value!r}: {exc}") from None
    return value


def _phrases(v: list[str]) -> list[str]:
    """Cue phrases: non-empty, without outer or double spaces."""
    for i, w in enumerate(v):
        if not w or w != w.strip() or "  " in w:
            raise ValueError(f"entry {i} ({w!r}): a non-empty phrase without outer or double spaces")
    return v


# --- scales.json ------------------------------------------------------------------------
class Scale(_Strict):
    name: str
    factor: str = Field(description="an integer as a string, e.g. '1000000'")
    words: list[str]
    suffixes: list[str] = Field(default_factory=list)

    @field_validator("factor")
    @classmethod
    def _integer(cls, v: str) -> str:
        try:
            d = Decimal(v)
        except InvalidOperation:
            raise ValueError(f"factor {v!r} is not a number; write e.g. \"1000000\"") from None
        if d <= 0 or d != d.to_integral_value():
            raise ValueError(f"factor {v!r} must be a positive integer")
        return v


class ScalesFile(_Strict):
    description: str = ""
    scales: list[Scale]
    units: dict[str, int]
    tens: dict[str, int]
    articles: list[str] = Field(default_factory=list)
    decimal_words: list[str] = Field(default_factory=list, description="words before spoken decimals ('point')")
    fractions: dict[str, str] = Field(default_factory=dict, description="fraction word -> value ('half': '0.5')")

    @field_validator("fractions")
    @classmethod
    def _fraction_values(cls, v: dict[str, str]) -> dict[str, str]:
        for word, value in v.items():
            try:
                d = Decimal(value)
            except InvalidOperation:
                raise ValueError(f"fraction {word!r}: {value!r} is not a number") from None
            if not 0 < d < 1:
                raise ValueError(f"fraction {word!r}: {value!r} must lie between 0 and 1")
        return v


# --- currencies.json --------------------------------------------------------------------
class Currency(_Strict):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    symbols: list[str] = Field(default_factory=list)
    codes: list[str] = Field(default_factory=list)
    words: list[str] = Field(default_factory=list)


class BareDollar(_Strict):
    """A bare "$" or "dollars" is the article's own dollar when its parties are from these countries."""
    symbols: list[str] = Field(default_factory=list)
    words: list[str] = Field(default_factory=list)
    countries: dict[str, str] = Field(default_factory=dict, description="party-pack country -> ISO code")
    prefixed: list[str] = Field(default_factory=list, description="ISO codes of prefixed dollars ('A$', 'C$') "
                                "whose use elsewhere in the article settles a bare '$'")


class Currencyless(_Strict):
    """Amounts without a currency that take the article's own ('350 grand', 'cost about 9.5 million')."""
    informal_scales: dict[str, str] = Field(default_factory=dict, description="word -> integer factor ('grand')")
    scales: list[str] = Field(default_factory=list, description="scale words a bare money amount may end with")
    cues: list[str] = Field(default_factory=list, description="money words before a bare 'N million'")
    cue_window: int = Field(default=80, ge=1, le=300)
    followers: list[str] = Field(default_factory=list, description="words that may follow the amount")

    @field_validator("informal_scales")
    @classmethod
    def _factors(cls, v: dict[str, str]) -> dict[str, str]:
        for word, value in v.items():
            Scale._integer(value)
        return v


class CurrenciesFile(_Strict):
    description: str = ""
    currencies: list[Currency]
    bare_dollar: BareDollar = Field(default_factory=BareDollar)
    currencyless: Currencyless = Field(default_factory=Currencyless)


# --- percent.json -----------------------------------------------------------------------
class PercentFile(_Strict):
    description: str = ""
    signs: list[str]
    words: list[str]
    point_words: list[str]
    margin_nouns: list[str]
    range_joiners: list[str]
    max_bare_value: float = 100
    pair_tail_pattern: str = Field(default="", description="regex right after a percentage whose group 'num' is the "
                                   "bare other half of a pair ('48 per cent to his 45.9'); group 'subj' starts the span")
    points_before: list[str] = Field(default_factory=lambda: ["by", "of", "to", "from"],
                                     description="words before a bare 'N points' figure ('by 5 points')")
    points_after: list[str] = Field(default_factory=list, description="words after a bare 'N points' figure "
                                    "that make it a margin ('8 points ahead of')")
    margin_context_words: list[str] = Field(
        default_factory=lambda: ["beat", "won", "trail", "trailing", "behind"],
        description="words in a sentence that make a bare 'by N points' figure a margin ('held the seat by 14 points')")
    change_words: list[str] = Field(default_factory=list, description="words before a points figure that "
                                    "make it a change ('up 3 points', 'a gain of 6 points')")
    bare_points_context: list[str] = Field(default_factory=list, description="electoral words that, in the "
                                           "sentence or the one before, make a cue-less 'N points' a percentage "
                                           "('the gap between old and young voters, 46 points')")
    bare_points_not_after: list[str] = Field(default_factory=list, description="words before 'N points' that make "
                                             "it a score, not a percentage ('scored 46 points')")
    bare_points_not_before: list[str] = Field(default_factory=list, description="words after 'N points' that make "
                                              "it something else ('12 points of order', '46 points and 9 rebounds')")


# --- qualifiers.json --------------------------------------------------------------------
class QualifierEntry(_Strict):
    phrase: str = Field(min_length=1)
    qualifier: QualifierName


class QualifiersFile(_Strict):
    description: str = ""
    qualifiers: list[QualifierEntry]
    trailing: list[QualifierEntry] = Field(default_factory=list,
                                           description="phrases right after a money amount ('or less')")


# --- figure_kinds.json ------------------------------------------------------------------
class PercentKindRule(_Strict):
    kind: PercentKindName
    cues: list[str]
    qualifier_cues: list[QualifierName] = Field(default_factory=list)
    near: bool = False
    after_pattern: str = Field(default="", description="regex matched right after the figure (up to its next "
                                                          "figure, 60 chars), e.g. 'of registered voters took part'")


class MoneyPredicateRule(_Strict):
    predicate: MoneyPredicate
    cues: list[str]


class WordFraction(_Strict):
    phrase: str
    value: float
    qualifier: QualifierName | None = None


class ThresholdPhrase(_Strict):
    phrase: str
    value: float
    qualifier: QualifierName | None = None


class CountClaim(_Strict):
    predicate: Literal["other", "seats", "votes", "turnout"]
    unit: str
    nouns: list[str]
    context: list[str] = Field(default_factory=list)


class SeatLists(_Strict):
    """Words of elided seat tallies in a list ("Reform UK on 11", "the Liberals looked set to hold 16")."""
    description: str = ""
    adverbs: list[str] = Field(default_factory=list, description="words before a holding verb ('now', 'still')")
    holding_verbs: list[str] = Field(default_factory=list, description="verbs (or 'on') between a party and its "
                                     "bare tally ('taking three', 'holds 16')")
    future_frames: list[str] = Field(default_factory=list, description="'looked set to' before a future verb")
    future_verbs: list[str] = Field(default_factory=list, description="verbs after a future frame ('hold')")
    joiners: list[str] = Field(default_factory=list, description="text between coordinated parties (', and ')")
    articles: list[str] = Field(default_factory=list, description="articles allowed before a coordinated party")
    shared_words: list[str] = Field(default_factory=list, description="words making one tally each party's "
                                    "('each', 'apiece')")

    @field_validator("adverbs", "holding_verbs", "future_frames", "future_verbs", "articles", "shared_words")
    @classmethod
    def _words(cls, v: list[str]) -> list[str]:
        return _phrases(v)

    @field_validator("joiners")
    @classmethod
    def _joiners(cls, v: list[str]) -> list[str]:
        for i, w in enumerate(v):
            if not w.strip(" "):
                raise ValueError(f"entry {i} ({w!r}): a joiner needs a word or punctuation")
        return v


class VoteMargins(_Strict):
    """Words that make 'by N votes' a margin and name its winner."""
    description: str = ""
    winner_verbs: list[str] = Field(default_factory=list, description="verbs whose subject won ('took the seat "
                                    "from Labour by 212 votes')")
    loser_verbs: list[str] = Field(default_factory=list, description="phrases after which the winner is named "
                                   "('lost to X by 112 votes'); 'trailed X' names the winner after it too")
    change_words: list[str] = Field(default_factory=list, description="words making 'by N votes' a change "
                                    "('rose by 500 votes'), not a margin")
    restated_margin_nouns: list[str] = Field(default_factory=list, description="'a margin of 2.6 points, or 221 "
                                             "votes': nouns of a margin restated in votes")
    lead_words: list[str] = Field(default_factory=list, description="words right after 'N votes' that make "
                                  "it a lead held by the one named before ('finished 41 votes ahead of X')")

    @field_validator("winner_verbs", "loser_verbs", "change_words", "restated_margin_nouns", "lead_words")
    @classmethod
    def _words(cls, v: list[str]) -> list[str]:
        return _phrases(v)


class NeededCounts(_Strict):
    """Words of a needed count ('the 76 needed for a majority') and its gap ('seven short of')."""
    description: str = ""
    needed_words: list[str] = Field(default_factory=list, description="'needed', 'required' after the count")
    relations: list[str] = Field(default_factory=list, description="gap words between the gap and the count "
                                 "('short of', 'more than')")
    units: dict[str, list[str]] = Field(default_factory=dict, description="claim unit -> nouns naming it")

    @field_validator("needed_words", "relations")
    @classmethod
    def _words(cls, v: list[str]) -> list[str]:
        return _phrases(v)

    @field_validator("units")
    @classmethod
    def _unit_nouns(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        for unit, nouns in v.items():
            if not nouns:
                raise ValueError(f"unit {unit!r}: no nouns")
            try:
                _phrases(nouns)
            except ValueError as exc:
                raise ValueError(f"unit {unit!r}: {exc}") from None
        return v


class FigureKindsFile(_Strict):
    description: str = ""
    percent_kinds: list[PercentKindRule]
    vote_share_cues: list[str]
    poll_sentence_cues: list[str]
    poll_article_cues: list[str]
    poll_response_cues: list[str]
    result_verbs_before: list[str] = Field(default_factory=list, description="past result verbs before a "
                                           "share in a poll article: a vote share ('won a seat with 54%')")
    money_predicates: list[MoneyPredicateRule]
    claim_predicate_for: dict[str, str] = Field(default_factory=dict)
    as_of_patterns: list[str]
    attribution_patterns: list[str]
    bare_number_blockers: list[str]
    bare_number_links: list[str]
    word_fractions: list[WordFraction]
    out_of_ten_pattern: str
    ratio_pattern: str
    fraction_blockers: list[str]
    threshold_phrases: list[ThresholdPhrase]
    threshold_context: list[str]
    count_claims: list[CountClaim]
    policy_cues: list[str] = Field(default_factory=list)
    money_threshold_cues: list[str] = Field(default_factory=list)
    money_cue_window: int = Field(default=80, ge=1, le=1000)
    retracted_before: list[str] = Field(default_factory=list, description="phrases ending right before a figure "
                                        "that withdraw it ('not 43.8 per cent', 'rather than the 4.7 points'): "
                                        "no claim")
    retracted_after: list[str] = Field(default_factory=list, description="phrases right after a figure that mark "
                                       "it as a corrected or hypothetical one ('43.8 per cent as we reported')")
    money_cue_after_breaks: list[str] = Field(default_factory=list, description="words that, between an amount "
                                              "and a cue after it, put the cue in another phrase: a cue before "
                                              "the amount then wins ('fined the group £2,000 for reporting a "
                                              "donation late' is a fine, not a donation)")
    kind_chain_pattern: str = Field(default="", description="gap after a figure whose kind the next figure shares")
    turnout_chain_pattern: str = Field(default="", description="gap after a turnout figure whose kind the next "
                                                               "figure shares ('40% in 2019 and 35% in 2023')")
    percent_change_cues: list[str] = Field(default_factory=list, description="words directly before a "
                                           "per cent figure that make it a change, kind other ('fell by 10 per "
                                           "cent', 'up 4%'); 'fell to 30%' is a level, not a change")
    party_adjective_nouns: list[str] = Field(default_factory=list)
    owner_nouns: list[str] = Field(default_factory=list)
    self_funding_cues: list[str] = Field(default_factory=list)
    vote_count_pattern: str = ""
    majority_pattern: str = ""
    result_line_pattern: str = ""
    count_share_pattern: str = Field(default="", description="a bare count followed by its share")
    body_size_pattern: str = Field(default="", description="a body's size written as an adjective ('the 150-seat "
                                                           "chamber'): an 'other' claim in seats")
    seat_share_pattern: str = Field(default="", description="text before M seats giving the holder part")
    poll_result_pattern: str = Field(default="", description="result idioms that look like poll cues "
                                     "('polled 1,184 votes', 'topped the poll'); blanked before poll cue search")
    money_anaphors: list[str] = Field(default_factory=list, description="words that carry a money subject over "
                                      "from an earlier sentence; without one (or a mention) the subject is null")
    null_subject_responses: list[str] = Field(default_factory=list, description="poll answers that belong to no "
                                              "party or person ('undecided'): a share followed by one has no subject")
    money_object_verbs: list[str] = Field(default_factory=list, description="verbs whose object owns the amount "
                                          "after it ('cost the council £2m', 'fined the PAC $5,000')")
    money_limit_cues: list[str] = Field(default_factory=list, description="a limit that belongs to no one "
                                        "('each candidate can spend up to £100,000'): subject null, predicate other")
    money_limit_objects: list[str] = Field(default_factory=list, description="what a limit cue must be about "
                                           "('spending', 'donations'): 'fares capped at £2' is not a spending limit")
    body_nouns: list[str] = Field(default_factory=list, description="nouns for a public body that pays or "
                                  "owes an amount as a clause's subject (\"the council will spend\"), resolved to the "
                                  "latest capitalised name ending in the noun (\"Harmon District Council\")")
    group_nouns: list[str] = Field(default_factory=list, description="nouns for a spending group named in "
                                   "apposition ('Mesa Forward, a super PAC backing X, spent')")
    null_subject_before: list[str] = Field(default_factory=list, description="words just before a share that "
                                           "belong to no one ('the remaining 10 per cent', 'others 334 (1.6%)')")
    seat_lists: SeatLists = Field(default_factory=SeatLists)
    vote_margins: VoteMargins = Field(default_factory=VoteMargins)
    needed_counts: NeededCounts = Field(default_factory=NeededCounts)
    count_progress_cues: list[str] = Field(default_factory=list, description="how far a count has gone ('of "
                                           "ballots tallied'): a sentence with one reports results, so a poll in "
                                           "the sentences before it does not carry into it")

    @field_validator("as_of_patterns", "attribution_patterns")
    @classmethod
    def _regexes(cls, v: list[str]) -> list[str]:
        return [_check_regex(p) for p in v]

    @field_validator("out_of_ten_pattern", "ratio_pattern", "kind_chain_pattern", "turnout_chain_pattern",
                     "vote_count_pattern", "majority_pattern", "result_line_pattern", "poll_result_pattern",
                     "count_share_pattern", "seat_share_pattern",
                     "body_size_pattern")
    @classmethod
    def _regex(cls, v: str) -> str:
        return _check_regex(v)


M = TypeVar("M", bound=BaseModel)


def _load(name: str, model: type[M], folder: Path | None = None) -> M:
    path = (folder or models_dir() / "shared") / f"{name}.json"
    return validate_rule_file(model, read_json(path), str(path))


@lru_cache(maxsize=1)
def scales() -> ScalesFile:
    """models/shared/scales.json."""
    return _load("scales", ScalesFile)


@lru_cache(maxsize=1)
def currencies() -> CurrenciesFile:
    """models/shared/currencies.json (symbols checked safe-first)."""
    data = _load("currencies", CurrenciesFile)
    seen: list[str] = []
    for i, cur in enumerate(data.currencies):
        for sym in cur.symbols:
            for earlier in seen:
                if earlier != sym and sym.endswith(earlier):
                    path = str(models_dir() / "shared" / "currencies.json")
                    raise RuleFileError("E004", path=path, entry=f"currencies.{i}.symbols ({sym!r})",
                                        detail=f"{sym!r} must come before {earlier!r} (safe-first order)")
            seen.append(sym)
    return data


@lru_cache(maxsize=1)
def percent_forms() -> PercentFile:
    """models/shared/percent.json."""
    return _load("percent", PercentFile)


@lru_cache(maxsize=1)
def qualifiers() -> QualifiersFile:
    """models/shared/qualifiers.json."""
    return _load("qualifiers", QualifiersFile)


@lru_cache(maxsize=1)
def figure_kinds() -> FigureKindsFile:
    """models/shared/figure_kinds.json."""
    return _load("figure_kinds", FigureKindsFile)


def check_all(folder: Path | None = None) -> None:
    """Validate every figure rule file in ``folder`` (default: the shipped models/shared)."""
    for name, model in (("scales", ScalesFile), ("currencies", CurrenciesFile), ("percent", PercentFile),
                        ("qualifiers", QualifiersFile), ("figure_kinds", FigureKindsFile)):
        _load(name, model, folder)


def literal_alternation(phrases: list[str]) -> str:
    r"""A regex alternation of literal phrases, longest first, each space matching one whitespace character.

    >>> literal_alternation(["on", "set to"])
    'set\\sto|on'
    """
    parts = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s") for p in parts)


def alternation(phrases: list[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    parts = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s{1,3}") for p in parts)
