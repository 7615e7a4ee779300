"""build_claims: one claim per checkable figure, word fractions, majorities, as_of, attribution."""
from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc

from extractor.claims import build_claims
from extractor.schema import Claim
from extractor.spans import PARTIES, PEOPLE
from extractor.tokenizer import customize_tokenizer
from tests.figures_support import figures_pipeline

PEOPLE_NAMES = {"Ramos": "Ana Ramos", "Walsh": "Peter Walsh"}
PARTY_NAMES = {"Labour": "Labour", "Tories": "Conservative"}


def run(nlp, text: str) -> Doc:
    """Run the figure components with hand-made people/party mentions (the contract's shape)."""
    doc = nlp.make_doc(text)
    for key, names, label in ((PEOPLE, PEOPLE_NAMES, "PERSON"), (PARTIES, PARTY_NAMES, "PARTY")):
        spans = []
        for alias, name in names.items():
            for m in re.finditer(rf"\b{alias}\b", text):
                span = doc.char_span(m.start(), m.end(), label=label)
                span._.set(key, {"name": name, "rule": "test", **({"role": "candidate"} if key == PEOPLE else {})})
                spans.append(span)
        doc.spans[key] = spans
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def claims(nlp, text: str) -> list[dict]:
    return build_claims(run(nlp, text))


def test_keys_match_schema(nlp) -> None:
    (c,) = claims(nlp, "Ramos won 42% of the vote.")
    assert set(c) == set(Claim.model_fields) - {"provenance"} | {"rule"}
    Claim(**{k: v for k, v in c.items() if k != "rule"})


def test_text_is_verbatim_clause(nlp) -> None:
    text = "Officials said Ramos received 42 per cent of the vote, according to the county."
    (c,) = claims(nlp, text)
    assert c["text"] in text and "42 per cent" in c["text"]
    assert text[c["start"]:c["end"]] == c["text"]


def test_vote_share_with_as_of(nlp) -> None:
    (c,) = claims(nlp, "Ramos received 42 per cent of the vote and Walsh 37, early results show.")[:1]
    assert (c["subject"], c["predicate"], c["value"], c["as_of"]) == ("Ana Ramos", "vote_share", 42.0,
                                                                    "early results")


def test_as_of_clock(nlp) -> None:
    (c,) = claims(nlp, "As of 10 p.m. EST, Walsh held a 4-point lead.")
    assert (c["predicate"], c["unit"], c["as_of"]) == ("margin", "percentage points", "As of 10 p.m. EST")


def test_precincts_reporting(nlp) -> None:
    cs = claims(nlp, "Walsh had 53% of the vote with 97% of precincts reporting.")
    assert cs[0]["as_of"] == "with 97% of precincts reporting"


def test_money_claim_with_attribution(nlp) -> None:
    (c,) = claims(nlp, "Ramos is widely reported to have spent more than $35 million (£28 million) on the race.")
    assert (c["predicate"], c["value"], c["unit"], c["qualifier"]) == ("spending", 35000000.0, "USD", "more_than")
    assert c["attribution"] == "widely reported"


def test_donation_becomes_fundraising(nlp) -> None:
    (c,) = claims(nlp, "A banker gave £500,000 to Labour.")
    assert (c["subject"], c["predicate"]) == ("Labour", "fundraising")


@pytest.mark.parametrize("text,value,qualifier", [
    pytest.param("A survey was published. Nearly half of those polled backed the plan.", 50.0, "about",
                 id="new-nearly-half"),
    pytest.param("A survey was published. A third of voters said they were undecided.", 33.3, "about",
                 id="new-a-third"),
    pytest.param("A survey was published. One in four said the mayor should resign.", 25.0, None, id="new-one-in-four"),
    pytest.param("A survey was published. Three-quarters said they would vote.", 75.0, None, id="new-three-quarters"),
    pytest.param("A survey was published. Eight out of 10 voters distrust politicians.", 80.0, None,
                 id="new-out-of-ten"),
])
def test_word_fractions_are_claims(nlp, text, value, qualifier) -> None:
    (c,) = claims(nlp, text)
    assert (c["predicate"], c["value"], c["qualifier"]) == ("poll_share", value, qualifier)


@pytest.mark.parametrize("text", [
    pytest.param("He is seeking a third term.", id="new-ordinal-third"),
    pytest.param("Almost a quarter of a million jobs were cut.", id="new-quarter-of-a-million"),
    pytest.param("Half the team went home.", id="new-bare-half"),
])
def test_not_word_fractions(nlp, text) -> None:
    assert [c for c in claims(nlp, text) if c["rule"] == "claims.word_fraction"] == []


def test_simple_majority_threshold(nlp) -> None:
    (c,) = claims(nlp, "No candidate won the simple majority needed to avoid a second round.")
    assert (c["predicate"], c["value"], c["qualifier"]) == ("threshold", 50.0, "more_than")


def test_sample_size_claim(nlp) -> None:
    cs = claims(nlp, "The pollster interviewed 1,204 adults by phone.")
    assert [(c["predicate"], c["value"], c["unit"]) for c in cs] == [("other", 1204.0, "respondents")]


def test_conversions_make_no_extra_claims(nlp) -> None:
    cs = claims(nlp, "The city owes $270 million (£210 million/€250 million) if costs overrun.")
    assert [c["unit"] for c in cs] == ["USD"]


# --- vote counts and majorities ---------------------------------------------------------------
def _tuples(cs: list[dict], pred: str) -> list[tuple]:
    return [(c["subject"], c["value"], c["unit"]) for c in cs if c["predicate"] == pred]


def test_vote_counts_with_coordinated_rival_and_majority(nlp) -> None:
    cs = claims(nlp, "Ramos won with 12,481 votes to Walsh's 11,203, a majority of 1,278.")
    assert _tuples(cs, "votes") == [("Ana Ramos", 12481.0, "votes"), ("Peter Walsh", 11203.0, "votes")]
    assert _tuples(cs, "margin") == [("Ana Ramos", 1278.0, "votes")]


def test_votes_for_after_the_count(nlp) -> None:
    cs = claims(nlp, "Ramos had 8,000 votes, against 6,500 for Walsh.")
    assert _tuples(cs, "votes") == [("Ana Ramos", 8000.0, "votes"), ("Peter Walsh", 6500.0, "votes")]


def test_results_table_lines(nlp) -> None:
    cs = claims(nlp, "Result:\nAna Ramos (Labour) 9,120\nPeter Walsh (Conservative) 7,004\n")
    assert _tuples(cs, "votes") == [("Ana Ramos", 9120.0, "votes"), ("Peter Walsh", 7004.0, "votes")]


def test_party_majority_with_qualifier(nlp) -> None:
    (c,) = [c for c in claims(nlp, "It overturned a Labour majority of almost 10,000.") if c["predicate"] == "margin"]
    assert (c["subject"], c["value"], c["qualifier"]) == ("Labour", 10000.0, "about")


def test_counted_votes_have_no_speaker_subject(nlp) -> None:
    cs = claims(nlp, "The returning officer, Walsh, said 40,000 valid votes had been counted.")
    assert _tuples(cs, "votes") == [(None, 40000.0, "votes")]


def test_percentages_are_not_vote_counts(nlp) -> None:
    margins = _tuples(claims(nlp, "Ramos had a majority of 12 per cent."), "margin")
    assert all(unit != "votes" for _, _, unit in margins)
    assert _tuples(claims(nlp, "Ramos had 42% of votes."), "votes") == []


def test_sample_size_after_poll_of(nlp) -> None:
    cs = claims(nlp, "The poll of 750 likely voters was taken last week.")
    assert [(c["predicate"], c["value"], c["unit"]) for c in cs] == [("other", 750.0, "respondents")]


def test_claim_text_never_crosses_a_line_break():
    """Regression: a headline without a full stop was glued to the first sentence's claim."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    customize_tokenizer(nlp)
    for name in ("electx_percent", "electx_money", "electx_attach"):
        nlp.add_pipe(name)
    text = "Council tax plan unveiled\n\nThe party says it can save £12bn by cutting waste.\n\nNext story"
    claims = build_claims(nlp(text))
    assert claims, "the £12bn claim must be found"
    for c in claims:
        assert "\n" not in c["text"]
        assert text[c["start"]:c["end"]] == c["text"]


def _votes(cs: list[dict]) -> list[tuple[str | None, float]]:
    return [(c["subject"], c["value"]) for c in cs if c["predicate"] == "votes"]


def test_count_before_share_is_a_vote_count(nlp) -> None:
    cs = claims(nlp, "Ramos finished on 1,412 (38.2 per cent) and Walsh on 977 (26.4 per cent).")
    assert _votes(cs) == [("Ana Ramos", 1412.0), ("Peter Walsh", 977.0)]


def test_count_or_share_is_a_vote_count(nlp) -> None:
    assert _votes(claims(nlp, "Walsh took 2,006, or 44.9 per cent, in the ward.")) == [("Peter Walsh", 2006.0)]


def test_poll_sample_before_share_is_not_votes(nlp) -> None:
    assert _votes(claims(nlp, "In the survey, 412 (41 per cent) of those asked backed Ramos.")) == []


def test_seat_part_of_whole(nlp) -> None:
    cs = [(c["subject"], c["value"]) for c in claims(nlp, "Labour runs the council with 27 of its 51 seats.")
          if c["unit"] == "seats"]
    assert cs == [("Labour", 27.0), (None, 51.0)]


def test_polled_votes_article_is_not_a_poll(nlp) -> None:
    cs = claims(nlp, "Ramos polled 2,310 votes. Walsh won 31 per cent.")
    assert [c["predicate"] for c in cs if c["unit"] == "percent"] == ["vote_share"]


def test_seat_part_in_words_of_possessive_whole(nlp) -> None:
    cs = [(c["subject"], c["predicate"], c["value"])
          for c in claims(nlp, "The Tories now hold twelve of the assembly's 40 seats.") if c["unit"] == "seats"]
    assert cs == [("Conservative", "seats", 12.0), (None, "other", 40.0)]


def test_precincts_reporting_share_is_not_a_claim(nlp) -> None:
    text = "With 64% of precincts reporting, Ramos had 51% of the vote."
    values = [c["value"] for c in claims(nlp, text)]
    assert 64.0 not in values and 51.0 in values


def test_precincts_reporting_share_dates_the_other_claims(nlp) -> None:
    text = "With 64% of precincts reporting, Ramos had 51% of the vote."
    (c,) = claims(nlp, text)
    assert c["as_of"] == "With 64% of precincts reporting"


def test_undecided_share_has_no_subject(nlp) -> None:
    text = "A new poll puts Ramos on 41% and Walsh on 37%, with 12% undecided."
    by_value = {c["value"]: c for c in claims(nlp, text)}
    assert by_value[12.0]["subject"] is None
    assert by_value[41.0]["subject"] == "Ana Ramos"


def test_undecided_cue_after_other_words(nlp) -> None:
    text = "The survey found Ramos at 44% and Walsh at 40%, with 9% of likely voters still undecided."
    by_value = {c["value"]: c for c in claims(nlp, text)}
    assert by_value[9.0]["subject"] is None


def test_spending_by_unnamed_group_has_no_subject(nlp) -> None:
    text = "Ramos, a Labour councillor, leads the race. A builders' lobby group spent £250,000 on leaflets."
    (c,) = [c for c in claims(nlp, text) if c["value"] == 250000.0]
    assert c["predicate"] == "spending" and c["subject"] is None


def test_spending_with_pronoun_keeps_subject(nlp) -> None:
    text = "Walsh launched his campaign in March. He spent £40,000 on adverts."
    (c,) = [c for c in claims(nlp, text) if c["value"] == 40000.0]
    assert c["subject"] == "Peter Walsh"


def test_provenance_sentences_match_span_sent() -> None:
    from extractor.facts import _SentIndex

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Labour won 412 seats. Turnout was 60 per cent! The Tories polled 23.7%. Reform took 14%")
    index = _SentIndex(doc)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            assert index.bounds(span) == (span.sent.start_char, span.sent.end_char)


def test_provenance_without_sentences_has_none() -> None:
    from extractor.facts import _SentIndex, provenance

    doc = spacy.blank("en")("Labour won 412 seats.")
    prov = provenance(doc[2:4], "electx_percent", None, sents=_SentIndex(doc))
    assert prov.sentence_start is None and prov.sentence_end is None
