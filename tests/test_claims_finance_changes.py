"""Claims and figures in filings stories, results lines and fact checks (blank model, hand-made mentions)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extractor.claims import build_claims
from extractor.spans import MONEY, PARTIES, PEOPLE, PERCENT
from tests.figures_support import add_mentions, figures_pipeline

PEOPLE_NAMES = {"Ana Ramos": "Ana Ramos", "Ramos": "Ana Ramos", "Peter Walsh": "Peter Walsh", "Walsh": "Peter Walsh"}
PARTY_NAMES = {"Labour": "Labour", "Democrat": "Democratic"}


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def run(nlp, text: str) -> Doc:
    doc = nlp.make_doc(text)
    add_mentions(doc, PEOPLE_NAMES, PEOPLE, "PERSON")
    add_mentions(doc, PARTY_NAMES, PARTIES, "PARTY")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def money_of(doc: Doc) -> list[tuple[float, str | None, str]]:
    return [(float(s._.electx_money["amount"]), s._.electx_money["subject"], s._.electx_money["predicate"])
            for s in doc.spans[MONEY]]


def pct(doc: Doc) -> list[tuple[float, str | None, str]]:
    return [(s._.electx_percent["value"], s._.electx_percent["subject"], s._.electx_percent["kind"])
            for s in doc.spans[PERCENT]]


# --- results lines: a bare count before its share -------------------------------------------
def test_count_then_percent_sign_is_a_vote_count(nlp) -> None:
    claims = build_claims(run(nlp, "Ramos had 12,480 votes, or 51.2%, and Walsh had 11,903, or 48.8%, in the count."))
    votes = {(c["subject"], c["value"]) for c in claims if c["predicate"] == "votes"}
    assert ("Peter Walsh", 11903.0) in votes


def test_count_then_share_needs_a_share(nlp) -> None:
    claims = build_claims(run(nlp, "Walsh had 11,903, or nearly all of them, by the end."))
    assert not [c for c in claims if c["predicate"] == "votes"]


# --- percent changes ------------------------------------------------------------------------
def test_change_in_turnout_is_not_a_turnout(nlp) -> None:
    assert pct(run(nlp, "Walsh said turnout fell by 8 per cent in the city.")) == [(8.0, None, "other")]


def test_turnout_level_stays_turnout(nlp) -> None:
    assert pct(run(nlp, "Turnout in the city was 38 per cent on Thursday."))[0][2] == "turnout"


def test_share_rising_to_a_level_is_not_a_change(nlp) -> None:
    assert pct(run(nlp, "Labour's share of the vote rose to 31 per cent."))[0][2] == "vote_share"


def test_carried_with_is_a_vote_share(nlp) -> None:
    assert pct(run(nlp, "Ramos carried Lake County with 57.5% on Tuesday.")) == [(57.5, "Ana Ramos", "vote_share")]


# --- money predicates -----------------------------------------------------------------------
def test_debt_is_other_not_cost(nlp) -> None:
    assert money_of(run(nlp, "Walsh's report shows $2.1 million in debts."))[0][2] == "other"


def test_still_had_is_cash_not_spending(nlp) -> None:
    doc = run(nlp, "Walsh spent $400,000 on mailers in the spring but still had $2.5 million in June.")
    assert money_of(doc)[1][2] == "other"


def test_reserved_airtime_is_spending(nlp) -> None:
    assert money_of(run(nlp, "A group backing Ramos has reserved $9 million in television time."))[0][2] == "spending"


def test_accepted_is_fundraising(nlp) -> None:
    assert money_of(run(nlp, "Ramos accepted $52,000 from business groups in March."))[0][2] == "fundraising"


# --- money subjects -------------------------------------------------------------------------
def test_transfer_to_a_candidate_belongs_to_the_recipient(nlp) -> None:
    doc = run(nlp, "The state Labour committee transferred $25,000 to Walsh's campaign in May.")
    assert money_of(doc)[0][:2] == (25000.0, "Peter Walsh")


def test_gift_to_his_campaign_carries_the_previous_recipient(nlp) -> None:
    doc = run(nlp, "Walsh, a Democrat, raised $800,000 in the quarter. "
                   "Building unions gave his campaign about $150,000 of that.")
    assert money_of(doc)[1][:2] == (150000.0, "Peter Walsh")

