"""The continental country packs (at, de, fr, it, es, nl, pl): they validate, find their parties
in European election reporting, and leave UK/US/Irish/Canadian readings of shared words alone."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.rules import check_pack, load_pack
from extractor.spans import OFFICES, PARTIES

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "models" / "countries"
NEW = ["at", "de", "fr", "it", "es", "nl", "pl"]


def parties(nlp, text: str) -> list[str]:
    return [s._.get(PARTIES)["name"] for s in nlp(text).spans[PARTIES]]


def party_countries(nlp, text: str) -> dict[str, str]:
    return {s.text: s._.get(PARTIES)["country"] for s in nlp(text).spans[PARTIES]}


@pytest.mark.parametrize("code", NEW)
def test_pack_validates_without_problems(code):
    assert [p for p in check_pack(SHIPPED / code) if not p.startswith("note:")] == []


@pytest.mark.parametrize("code", NEW)
def test_pack_loads_with_its_own_code(code):
    pack = load_pack(SHIPPED / code)
    assert pack.parties.country == code and pack.offices.national_jurisdiction


def test_new_packs_load_after_the_shipped_ones():
    countries = json.loads((ROOT / "models" / "pipeline.json").read_text(encoding="utf-8"))["countries"]
    assert countries[:7] == ["us", "uk", "ca", "au", "nz", "ie", "eu"]
    assert set(NEW) <= set(countries[7:])


def test_austrian_parties_by_native_abbreviation(blank_nlp):
    text = ("In Vienna, the FPÖ took 27 per cent, ahead of the ÖVP on 24 per cent and the SPÖ on 22 per cent, "
            "while NEOS rose to ten per cent.")
    assert parties(blank_nlp, text) == ["Freedom Party of Austria", "Austrian People's Party",
                                        "Social Democratic Party of Austria", "NEOS"]


def test_austrian_full_name_beats_the_uk_social_democratic_party(blank_nlp):
    text = "The Social Democratic Party of Austria kept its five seats in the Nationalrat vote."
    assert parties(blank_nlp, text) == ["Social Democratic Party of Austria"]


def test_peoples_party_is_austrian_in_an_austrian_story(blank_nlp):
    text = ("Austria's chancellor said the People's Party would recover before the autumn, "
            "after the FPÖ topped the poll in Vienna and Graz.")
    assert "Austrian People's Party" in parties(blank_nlp, text)


def test_austrian_chancellor_takes_austria(blank_nlp):
    doc = blank_nlp("In Vienna, Chancellor Anna Huber of the ÖVP conceded that the FPÖ had won in Austria.")
    offices = [s._.get(OFFICES) for s in doc.spans[OFFICES] if s.label_ == "OFFICE"]
    assert any(o["office"] == "chancellor" and o["jurisdiction"] == "Austria" for o in offices)


def test_german_parties(blank_nlp):
    text = ("In Berlin, the Christian Democratic Union (CDU) won 29 per cent, Alternative for Germany (AfD) "
            "20 per cent and the SPD 16 per cent in the Bundestag election.")
    assert parties(blank_nlp, text) == ["Christian Democratic Union", "Christian Democratic Union",
                                        "Alternative for Germany", "Alternative for Germany",
                                        "Social Democratic Party of Germany"]


def test_german_social_democrats_in_a_german_story(blank_nlp):
    text = "The Social Democrats lost ground in the Bundestag vote as the CDU and AfD gained across Germany."
    assert party_countries(blank_nlp, text)["Social Democrats"] == "de"


def test_french_parties(blank_nlp):
    text = ("In Paris, the National Rally (RN) led with 31 per cent, while La France Insoumise and the "
            "Socialist Party trailed.")
    names = parties(blank_nlp, text)
    assert names == ["National Rally", "National Rally", "La France Insoumise", "Socialist Party"]


def test_rassemblement_national_is_national_rally(blank_nlp):
    assert parties(blank_nlp, "Marine Le Pen's Rassemblement National topped the vote in France.") == ["National Rally"]


def test_bare_rn_outside_brackets_is_not_a_party(blank_nlp):
    assert parties(blank_nlp, "She worked as an RN at the county hospital before running for office.") == []


def test_us_the_republicans_stay_republican(blank_nlp):
    assert parties(blank_nlp, "The Republicans held the Ohio seat, and the Democrats conceded.") == \
        ["Republican", "Democratic"]


def test_us_democratic_party_stays_democratic(blank_nlp):
    text = "The Democratic Party raised $4m in Ohio as the Republican governor campaigned in Texas."
    assert parties(blank_nlp, text)[0] == "Democratic"


def test_us_vox_the_news_site_is_not_a_party(blank_nlp):
    assert parties(blank_nlp, "The senator told Vox that the Republican bill would fail in Congress.") == ["Republican"]


def test_uk_greens_stay_uk(blank_nlp):
    text = "The Greens took the Westminster seat from Labour as the Conservatives came third in the by-election."
    assert party_countries(blank_nlp, text)["Greens"] == "uk"


def test_uk_liberals_stay_uk(blank_nlp):
    text = "The Liberals, who split from the Liberal Democrats, stood a candidate in the Westminster by-election."
    assert party_countries(blank_nlp, text)["Liberals"] == "uk"


def test_canadian_peoples_party_stays_canadian(blank_nlp):
    text = "In the Ontario riding, the People's Party candidate trailed the Liberals and the NDP."
    assert "People's Party of Canada" in parties(blank_nlp, text)


def test_irish_social_democrats_stay_irish(blank_nlp):
    text = "The Social Democrats won a seat in Dublin as Fianna Fáil and Fine Gael shared the rest of the Dáil seats."
    assert party_countries(blank_nlp, text)["Social Democrats"] == "ie"


def test_irish_greens_stay_irish(blank_nlp):
    text = "In Dublin the Greens lost two TDs, and Sinn Féin gained in Cork."
    assert party_countries(blank_nlp, text)["Greens"] == "ie"


def test_uk_labour_stays_uk(blank_nlp):
    text = "Labour held the Westminster seat, with the Conservatives second and the SNP third."
    assert party_countries(blank_nlp, text)["Labour"] == "uk"


def test_law_and_justice_ministry_is_not_a_party(blank_nlp):
    assert parties(blank_nlp, "The Ministry of Law and Justice in Delhi issued new rules.") == []


def test_polish_parties(blank_nlp):
    text = ("In Warsaw, Law and Justice (PiS) won 35 per cent and Civic Coalition 30 per cent, "
            "with Konfederacja third in the Sejm vote.")
    assert parties(blank_nlp, text) == ["Law and Justice", "Law and Justice", "Civic Coalition",
                                        "Confederation Liberty and Independence"]


def test_canadian_confederation_is_not_a_party(blank_nlp):
    assert parties(blank_nlp, "Ontario joined Confederation in 1867, the Liberal Party of Canada noted.") == \
        ["Liberal Party of Canada"]


def test_dutch_and_spanish_and_italian_parties(blank_nlp):
    assert parties(blank_nlp, "In The Hague, the PVV and the VVD opened coalition talks.") == \
        ["Party for Freedom", "People's Party for Freedom and Democracy"]
    assert parties(blank_nlp, "In Madrid, the PSOE and the PP traded blame.") == \
        ["Spanish Socialist Workers' Party", "People's Party"]
    assert parties(blank_nlp, "In Rome, Brothers of Italy and the Five Star Movement clashed.") == \
        ["Brothers of Italy", "Five Star Movement"]
