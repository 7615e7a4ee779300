"""The election-facts schema: what the extractor emits for one article.

Read this module first. Key names and value conventions follow
``shared/eval/GOLD_FORMAT.md`` exactly (the output is a superset of a gold file), so a
line of ``extractor extract`` output can be scored against a gold annotation as it is.

Every figure and mention carries ``start``/``end`` character offsets into the article
text and a :class:`Provenance` saying which component and rule produced it.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

SCHEMA_VERSION = "1.0"

PercentKind = Literal["vote_share", "margin", "threshold", "poll", "turnout", "swing", "other"]
Qualifier = Literal["more_than", "less_than", "about", "at_least", "at_most", "up_to"]
DateEvent = Literal["election", "primary", "runoff", "general", "vote", "other"]
OfficialStatus = Literal["current", "former", "nominated", "elect"]
Predicate = Literal[
    "vote_share", "margin", "poll_share", "threshold", "spending", "fundraising", "cost",
    "donation", "seats", "turnout", "votes", "other",
]
Granularity = Literal["day", "week", "month", "season", "quarter", "year", "decade", "century", "unknown"]


def _decimal_to_number(d: Decimal) -> int | float:
    """Serialize a Decimal as a JSON number: an int when integral, else a float."""
    return int(d) if d == d.to_integral_value() else float(d)


#: A Decimal internally, a plain JSON number on output.
JsonDecimal = Annotated[Decimal, PlainSerializer(_decimal_to_number, return_type=Union[int, float])]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Provenance(_Model):
    """Where a fact came from: the spaCy component, the rule inside it, and the evidence span."""

    component: str = Field(description="spaCy factory name, e.g. 'electx_money'")
    rule: str = Field(description="rule id inside the component, e.g. 'money.symbol_scale'")
    start: int = Field(ge=0, description="character offset of the evidence start")
    end: int = Field(ge=0, description="character offset of the evidence end")
    sentence_start: int | None = None
    sentence_end: int | None = None
    detail: str | None = Field(default=None, description="why the rule fired (context words, ...)")


class Mention(_Model):
    """One surface form of an entity in the text."""

    text: str
    start: int
    end: int


class Candidate(_Model):
    name: str = Field(description="fullest name form in the article, without titles")
    aliases: list[str] = Field(default_factory=list, description="other surface forms seen")
    party: str | None = None
    former_parties: list[str] = Field(default_factory=list)
    office_sought: str | None = None
    jurisdiction: str | None = None
    mentions: list[Mention] = Field(default_factory=list)
    evidence: str | None = Field(default=None, description="the cue that makes them a candidate")
    provenance: Provenance | None = None


class Official(_Model):
    name: str
    office: str = Field(description="lowercase role word, e.g. 'mayor', 'prime minister'")
    jurisdiction: str | None = None
    status: OfficialStatus = "current"
    mentions: list[Mention] = Field(default_factory=list)
    provenance: Provenance | None = None


class Percentage(_Model):
    text: str
    value: float = Field(description="in percent units: 42 per cent -> 42.0")
    unit: Literal["percent", "percentage points"] = "percent"
    subject: str | None = None
    kind: PercentKind | None = None
    qualifier: Qualifier | None = None
    start: int
    end: int
    provenance: Provenance | None = None


class Money(_Model):
    text: str
    amount: JsonDecimal = Field(description="in the currency's units: $35 million -> 35000000")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code")
    qualifier: Qualifier | None = None
    subject: str | None = None
    predicate: Predicate | None = Field(default=None, description="spending, fundraising, cost, donation, other")
    equivalent_of: str | None = Field(default=None, description="text of the primary amount this converts")
    exchange_rate: float | None = Field(default=None, description="implied units of this currency per unit of the primary's")
    start: int
    end: int
    provenance: Provenance | None = None


class DateMention(_Model):
    text: str
    value: str | None = Field(description="ISO 8601 at the stated precision, or null when unresolvable")
    timex: str | None = Field(default=None, description="TIMEX3 value (2020-SU, 1998-Q1, 199, PRESENT_REF)")
    granularity: Granularity | None = None
    event: DateEvent | None = None
    reason: str | None = Field(default=None, description="why value is null")
    start: int
    end: int
    provenance: Provenance | None = None


class Claim(_Model):
    subject: str | None
    predicate: Predicate
    value: float | None
    unit: str | None = Field(description="ISO currency code, 'percent', 'percentage points', 'seats', ...")
    qualifier: Qualifier | None = None
    as_of: str | None = None
    text: str
    attribution: str | None = Field(default=None, description="'according to ...', 'widely reported', 'projected', 'denied'")
    event: str | None = None
    start: int | None = None
    end: int | None = None
    provenance: Provenance | None = None


class Finding(_Model):
    """A within-article warning (e.g. conversions implying different exchange rates)."""

    code: str
    message: str
    start: int | None = None
    end: int | None = None


class ArticleFacts(_Model):
    """All facts extracted from one article. Superset of GOLD_FORMAT's keys."""

    doc_id: str
    status: Literal["ok"] = "ok"
    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    path: str | None = None
    candidates: list[Candidate] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    parties: list[str] = Field(default_factory=list)
    percentages: list[Percentage] = Field(default_factory=list)
    money: list[Money] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    extractor: dict[str, str] = Field(default_factory=dict, description="version, model, rules")
    text_sha256: str | None = None


class ErrorRecord(_Model):
    """The output line for an input that produced no facts."""

    doc_id: str
    status: Literal["error", "skipped"]
    path: str | None = None
    line: int | None = Field(default=None, description="line number inside a JSONL file")
    reason: str = Field(description="reason code, e.g. 'empty', 'binary', 'bad_json', 'timeout'")
    message: str


OutputRecord = Annotated[Union[ArticleFacts, ErrorRecord], Field(discriminator="status")]


def json_schema() -> dict:
    """The JSON Schema of one output line (ArticleFacts or ErrorRecord)."""
    from pydantic import TypeAdapter

    return TypeAdapter(OutputRecord).json_schema()
