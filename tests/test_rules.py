"""Country rule packs: loading, the two gazetteer views, and errors that name file and entry."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.errors import RuleFileError
from extractor.rules import check_pack, load_pack, load_packs

SHIPPED = Path(__file__).resolve().parent.parent / "models" / "countries"


def write_pack(folder: Path, parties: list[dict], *, code: str = "nz", offices: list | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "parties.json").write_text(json.dumps({"country": code, "parties": parties}), encoding="utf-8")
    (folder / "offices.json").write_text(json.dumps({"country": code, "offices": offices or []}), encoding="utf-8")
    (folder / "titles.json").write_text(json.dumps({"country": code, "titles": []}), encoding="utf-8")
    return folder


def test_shipped_packs_load_with_both_views():
    gaz = load_packs(["us", "uk"])
    assert gaz.by_id["uk:party:con"].name == "Conservative"
    assert "uk:party:con" in gaz.by_alias["Tories"]
    assert gaz.by_id["us:party:dem"].name == "Democratic"


def test_alias_shared_by_two_countries_stays_ambiguous():
    gaz = load_packs(["us", "uk"])
    assert gaz.by_alias["Green Party"] == {"us:party:green", "uk:party:green"}


def test_extra_dir_adds_a_country(tmp_path):
    write_pack(tmp_path / "nz", [{"id": "nat", "name": "National", "aliases": ["National Party", "Nats"]}])
    gaz = load_packs(["uk"], [tmp_path / "nz"])
    assert gaz.by_id["nz:party:nat"].name == "National"
    assert gaz.by_alias["Nats"] == {"nz:party:nat"}


def test_folder_of_packs_is_read_as_countries(tmp_path):
    write_pack(tmp_path / "nz", [{"id": "nat", "name": "National", "aliases": ["Nats"]}])
    assert "nz" in load_packs([], [tmp_path]).countries


def test_unknown_key_names_file_and_entry(tmp_path):
    write_pack(tmp_path / "nz", [{"id": "nat", "name": "National"}, {"id": "lab", "name": "Labour", "alias": ["x"]}])
    with pytest.raises(RuleFileError) as err:
        load_packs([], [tmp_path / "nz"])
    msg = str(err.value)
    assert err.value.code == "E004"
    assert "parties.json" in msg and "parties[1] (id 'lab')" in msg and "alias" in msg


def test_duplicate_id_names_file_and_id(tmp_path):
    write_pack(tmp_path / "nz", [{"id": "lab", "name": "Labour"}, {"id": "lab", "name": "Labour Two"}])
    with pytest.raises(RuleFileError) as err:
        load_pack(tmp_path / "nz")
    assert err.value.code == "E005"
    assert "parties.json" in str(err.value) and "'lab'" in str(err.value)


def test_malformed_json_is_E003(tmp_path):
    folder = write_pack(tmp_path / "nz", [])
    (folder / "offices.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_pack(folder)
    assert err.value.code == "E003" and "offices.json" in str(err.value)


def test_missing_file_is_E002(tmp_path):
    folder = write_pack(tmp_path / "nz", [])
    (folder / "titles.json").unlink()
    with pytest.raises(RuleFileError) as err:
        load_pack(folder)
    assert err.value.code == "E002"


def test_bad_office_scope_is_rejected(tmp_path):
    folder = write_pack(tmp_path / "nz", [], offices=[{"id": "pm", "office": "prime minister", "scope": "galactic"}])
    with pytest.raises(RuleFileError) as err:
        load_pack(folder)
    assert "offices[0] (id 'pm')" in str(err.value)


def test_check_pack_reports_problems_as_lines(tmp_path):
    write_pack(tmp_path / "nz", [{"id": "a", "name": "A", "oops": 1}])
    problems = check_pack(tmp_path / "nz")
    assert len(problems) == 1 and "oops" in problems[0]


def test_check_pack_reports_alias_collision_inside_a_pack(tmp_path):
    write_pack(tmp_path / "nz", [{"id": "a", "name": "Alpha", "aliases": ["Reds"]},
                                 {"id": "b", "name": "Beta", "aliases": ["Reds"]}])
    assert any("'Reds'" in p and "'a'" in p and "'b'" in p for p in check_pack(tmp_path / "nz"))


def test_shipped_template_is_clean():
    assert check_pack(SHIPPED / "template") == []


def test_shipped_packs_have_only_notes():
    assert all(p.startswith("note:") for p in check_pack(SHIPPED))


def test_roles_file_accepts_the_new_cue_lists(tmp_path):
    folder = write_pack(tmp_path / "nz", [{"id": "nat", "name": "National"}])
    (folder / "roles.json").write_text(json.dumps({
        "country": "nz", "name_intro": ["candidate"], "nominate_verbs": ["has selected"],
        "share_links": ["on"], "primary_nouns": ["selection"]}), encoding="utf-8")
    roles = load_pack(folder).roles
    assert roles.nominate_verbs == ["has selected"] and roles.primary_nouns == ["selection"]


def test_roles_file_rejects_a_misspelt_cue_list(tmp_path):
    folder = write_pack(tmp_path / "nz", [{"id": "nat", "name": "National"}])
    (folder / "roles.json").write_text(json.dumps({"country": "nz", "nominate_verb": ["picked"]}), encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_pack(folder)
    assert "roles.json" in str(err.value) and "nominate_verb" in str(err.value)


def test_party_noun_after_is_validated_as_a_list(tmp_path):
    write_pack(tmp_path / "nz", [{"id": "ind", "name": "Independent", "noun_after": "an"}])
    with pytest.raises(RuleFileError) as err:
        load_packs([], [tmp_path / "nz"])
    assert "noun_after" in str(err.value)


# ----------------------------------------------------------------------------- new country packs


@pytest.mark.parametrize("code", ["ca", "au", "nz", "ie", "eu"])
def test_new_country_packs_load_clean(code):
    problems = [p for p in check_pack(SHIPPED / code) if not p.startswith("note:")]
    assert problems == []


def test_labour_stays_ambiguous_across_uk_ie_nz():
    gaz = load_packs(["uk", "ie", "nz"])
    assert gaz.by_alias["Labour"] == {"uk:party:lab", "ie:party:lab", "nz:party:lab"}


def test_labor_spelling_is_only_australian():
    gaz = load_packs(["uk", "au", "nz"])
    assert gaz.by_alias["Labor"] == {"au:party:alp"}


def test_party_pack_gathers_place_currency_and_office_cues():
    pack = load_pack(SHIPPED / "ie")
    cues = pack.parties.all_cues()
    assert "Dublin" in cues and "€" in cues and "Taoiseach" in cues


def test_race_office_with_unknown_scope_names_the_entry(tmp_path):
    folder = write_pack(tmp_path / "zz", [])
    (folder / "roles.json").write_text(json.dumps({"country": "zz", "race_offices": [
        {"forms": ["mayoral"], "office": "mayor", "scope": "galaxy"}]}), encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_pack(folder)
    assert "race_offices[0]" in str(err.value) and "roles.json" in str(err.value)


def test_title_first_name_flag_defaults_off():
    from extractor.rules import TitleEntry

    assert TitleEntry(id="mr", forms=["Mr"]).first_name is False
    assert TitleEntry(id="sir", forms=["Sir"], first_name=True).first_name is True


def test_roles_file_reads_office_verbs_and_bodies(tmp_path):
    folder = write_pack(tmp_path / "nz", [])
    (folder / "roles.json").write_text(json.dumps({
        "country": "nz", "office_verbs": [{"forms": ["served as"], "status": "former"}],
        "office_bodies": [{"forms": ["council"], "office": "councillor", "verbs": ["was elected"]}]}), encoding="utf-8")
    roles = load_pack(folder).roles
    assert roles.office_verbs[0].status == "former" and roles.office_bodies[0].verbs == ["was elected"]


def test_office_verb_with_unknown_status_names_the_entry(tmp_path):
    folder = write_pack(tmp_path / "nz", [])
    (folder / "roles.json").write_text(json.dumps({
        "country": "nz", "office_verbs": [{"forms": ["served as"], "status": "retired"}]}), encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_pack(folder)
    assert "office_verbs[0]" in str(err.value) and "roles.json" in str(err.value)
