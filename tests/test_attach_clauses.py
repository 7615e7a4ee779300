"""electx_attach: money subjects by clause without a parse, groups with relative clauses, public bodies.

Sentences written for these tests (blank model, hand-made people and party mentions).
"""
from __future__ import annotations

import pytest

from extractor.spans import MONEY
from test_attach import run
from tests.figures_support import figures_pipeline


@pytest.fixture(scope="module")
def nlp():
    return figures_pipeline()


def subjects(doc) -> list[str | None]:
    return [s._.electx_money["subject"] for s in doc.spans[MONEY]]


# --- the clause's own subject, not the sentence's first name -------------------------------
@pytest.mark.parametrize("text,expected", [
    pytest.param("Ramos raised $3.1 million in the quarter, while Walsh raised $2.2 million.",
                 ["Ana Ramos", "Peter Walsh"], id="while"),
    pytest.param("The Tories spent £40,000 on leaflets; Labour spent £22,000.", ["Conservative", "Labour"],
                 id="semicolon"),
    pytest.param("The Greens have set aside £2m for the scheme, but Labour argued it would cost £6m.",
                 ["Green", "Labour"], id="but"),
    pytest.param("Ramos spent $90,000 on mailers, and the Greens put $40,000 into radio ads.",
                 ["Ana Ramos", "Green"], id="and-new-subject"),
])
def test_clause_subject(nlp, text, expected) -> None:
    assert subjects(run(nlp, text)) == expected


def test_clause_without_a_name_keeps_the_sentence_subject(nlp) -> None:
    doc = run(nlp, "Walsh raised $610,000 from donors but lent his campaign another $1.5 million.")
    assert subjects(doc) == ["Peter Walsh", "Peter Walsh"]


@pytest.mark.parametrize("text", [
    pytest.param("Labour's Ana Ramos reported spending of £57,890.", id="possessive"),
    pytest.param("Democratic nominee Ana Ramos raised $610,000 from donors.", id="modifier"),
    pytest.param("On the Democratic side, former sheriff Ana Ramos raised $498,000.", id="opening-phrase"),
])
def test_party_before_person_is_the_person(nlp, text) -> None:
    assert subjects(run(nlp, text)) == ["Ana Ramos"]


def test_party_subject_before_person_object_stays(nlp) -> None:
    doc = run(nlp, "The Tories spent £30,000 attacking Ramos in the final week.")
    assert subjects(doc) == ["Conservative"]


# --- groups named before a relative clause or a long apposition ----------------------------
def test_group_with_long_apposition(nlp) -> None:
    doc = run(nlp, "Granite Voters Fund, a super PAC that can raise unlimited sums as long as it does not work "
                   "with any campaign, has spent nearly $900,000 on ads attacking Walsh.")
    assert subjects(doc) == ["Granite Voters Fund"]


def test_group_with_relative_clause(nlp) -> None:
    doc = run(nlp, "The Hallam Nurses Association, which had not backed a candidate in years, spent $350,000 "
                   "on mailers for Ramos.")
    assert subjects(doc) == ["Hallam Nurses Association"]


def test_person_with_relative_clause(nlp) -> None:
    doc = run(nlp, "Democratic nominee Ana Ramos, who founded a bakery chain, raised $610,000 from donors.")
    assert subjects(doc) == ["Ana Ramos"]


def test_relative_clause_then_speech_is_not_a_payer(nlp) -> None:
    doc = run(nlp, "The Hallam Nurses Association, which backs Ramos, said the Tories had spent $40,000.")
    assert subjects(doc) == ["Conservative"]


def test_group_backing_a_person_named_after(nlp) -> None:
    doc = run(nlp, "An outside group backing Ramos, Granite Voters Fund, has reserved $3 million in airtime.")
    assert subjects(doc) == ["Granite Voters Fund"]


# --- public bodies ----------------------------------------------------------------------
def test_cost_to_the_county_names_it(nlp) -> None:
    doc = run(nlp, "Harmon County held a runoff. The clerk said the runoff cost the county about $410,000.")
    assert subjects(doc) == ["Harmon County"]


def test_body_as_clause_subject(nlp) -> None:
    doc = run(nlp, "Dunmore City Council ran the poll. Walsh said the council had spent £1.2 million on it.")
    assert subjects(doc) == ["Dunmore City Council"]


def test_body_at_sentence_start(nlp) -> None:
    doc = run(nlp, "Dunmore City Council ran the poll. The council says it will spend £85,000 on a "
                   "registration drive.")
    assert subjects(doc) == ["Dunmore City Council"]


def test_body_then_speaker_is_not_the_body(nlp) -> None:
    doc = run(nlp, "Harmon County voted. The county's budget analyst estimates the levy would raise $38 million.")
    assert subjects(doc) != ["Harmon County"]


def test_body_without_a_name_in_the_text(nlp) -> None:
    doc = run(nlp, "The council says it will spend £85,000 on a registration drive.")
    assert subjects(doc) == [None]


def test_body_noun_inside_a_party_name_is_skipped(nlp) -> None:
    doc = run(nlp, "The Hallam County Labour group met. The county says it will spend £5,000 on signs.")
    assert subjects(doc) != ["Hallam County Labour"]


# --- "X led Y 53% to 47%" with words between the names; "X up 48% to 45%" ---------------------
def _pct(doc) -> list[tuple[float, str | None]]:
    from extractor.spans import PERCENT
    return [(s._.electx_percent["value"], s._.electx_percent["subject"]) for s in doc.spans[PERCENT]]


def test_led_party_possessive_rival(nlp) -> None:
    doc = run(nlp, "Ana Ramos led Labour's Peter Walsh 53.1 per cent to 46.9 per cent, officials said.")
    assert _pct(doc) == [(53.1, "Ana Ramos"), (46.9, "Peter Walsh")]


def test_up_pair_second_is_the_rival(nlp) -> None:
    doc = run(nlp, "Walsh and Ramos are the candidates. A poll on Friday had Ramos up 48% to 45%.")
    assert _pct(doc) == [(48.0, "Ana Ramos"), (45.0, "Peter Walsh")]


def test_share_up_from_is_not_a_pair(nlp) -> None:
    doc = run(nlp, "Walsh and Ramos are the candidates. Ramos's share was up 5% to 45%.")
    assert _pct(doc)[-1] == (45.0, "Ana Ramos")


def test_committee_named_in_apposition(nlp) -> None:
    doc = run(nlp, "The Yes on 4 committee, Hallam Forward, had raised $4.3 million by September.")
    assert subjects(doc) == ["Hallam Forward"]


def test_group_leader_apposition_is_not_a_group(nlp) -> None:
    doc = run(nlp, "Dunmore City Council ran it. The Tory group leader, Cllr Gail Ames, said the council had "
                   "spent £1.2 million.")
    assert subjects(doc) == ["Dunmore City Council"]


def test_latest_clause_naming_someone(nlp) -> None:
    doc = run(nlp, "Walsh's agent said his campaign had spent £118,400; Labour said it had spent £90,000.")
    assert subjects(doc)[-1] == "Labour"


def test_pronoun_owner_after_semicolon(nlp) -> None:
    doc = run(nlp, "Ms Ramos left Labour in 2021 and is standing as an independent; her campaign had raised "
                   "£38,000 by October.")
    assert subjects(doc) == ["Ana Ramos"]


def test_pronoun_owner_needs_a_clause_start(nlp) -> None:
    doc = run(nlp, "Ms Ramos said the Tories, not her campaign, had spent £38,000.")
    assert subjects(doc) != ["Ana Ramos"]


def test_his_party_after_says_is_not_the_person(nlp) -> None:
    doc = run(nlp, "The Tories' Peter Walsh says his party can save £35bn in waste.")
    assert subjects(doc) == ["Conservative"]
