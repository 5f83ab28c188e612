"""occupation_rules: TEER, FSW/CEC/FST per code, categories by date, against the project's rule files."""
from __future__ import annotations

import pytest

from noc_match.errors import UserError
from noc_match.rules.dated import load_table
from noc_match.rules.occupation import occupation_rules
from noc_match.rules.programs import fst_unit_groups, program_eligibility, teer_of


def test_shape_is_the_one_show_and_search_use():
    r = occupation_rules("21231", "2025-06-01")
    assert {"teer", "teer_meaning", "programs", "categories", "rules_used"} <= set(r)
    assert set(r["programs"]) == {"FSW", "CEC", "FST"}
    for p in r["programs"].values():
        assert isinstance(p["eligible"], bool) and p["reason"]
    assert r["rules_used"]["categories"]["list"] == "2025"


def test_chefs_are_fst_eligible_as_a_named_unit_group():
    r = occupation_rules("62200", "2025-06-01")
    assert r["teer"] == 2
    assert r["programs"]["FST"]["eligible"] is True
    assert "62200" in r["programs"]["FST"]["reason"]
    assert r["programs"]["FSW"]["eligible"] and r["programs"]["CEC"]["eligible"]


def test_software_engineers_are_not_fst():
    r = occupation_rules("21231", "2025-06-01")
    assert r["teer"] == 1
    assert r["programs"]["FST"]["eligible"] is False
    assert r["programs"]["FSW"]["eligible"] is True


def test_minor_group_6320_expands_to_cooks():
    r = program_eligibility("63200", "2025-06-01")
    assert r["FST"]["eligible"] and "6320" in r["FST"]["reason"]


@pytest.mark.parametrize("code", ["72600", "72604", "93200"])
def test_excluded_sub_major_groups_are_not_fst(code):
    r = program_eligibility(code, "2025-06-01")
    assert r["FST"]["eligible"] is False
    assert code[:3] in r["FST"]["reason"] and "excluded" in r["FST"]["reason"]


def test_teer_4_code_gets_no_program(catalog):
    ug = catalog.get("64100")  # Retail salespersons and visual merchandisers
    assert ug is not None and ug.teer == 4
    r = occupation_rules(ug.code, "2025-06-01")
    assert r["teer"] == 4
    assert not any(p["eligible"] for p in r["programs"].values())
    assert "TEER 4" in r["programs"]["FSW"]["reason"]


def test_teer_matches_catalog_for_every_unit_group(catalog):
    assert all(teer_of(u.code) == u.teer for u in catalog)


def test_fst_prefix_expansion_matches_the_compiled_list(catalog):
    expanded = fst_unit_groups(catalog.codes, "2025-06-01")
    compiled = sorted(e["code"] for e in load_table("programs")["fst_eligible_unit_groups"])
    assert len(compiled) == 96
    assert expanded == compiled
    assert {catalog.get(c).teer for c in expanded} == {2, 3}


def test_teer_meaning_comes_from_the_data():
    levels = load_table("teer")["versions"][0]["levels"]
    assert occupation_rules("00010", "2025-06-01")["teer_meaning"] == levels[0]["meaning"]
    assert occupation_rules("64100", "2025-06-01")["teer_meaning"] == levels[4]["meaning"]


def test_31301_is_in_healthcare_on_2025_06_01():
    cats = occupation_rules("31301", "2025-06-01")["categories"]
    assert [c["name"] for c in cats] == ["Healthcare and social services occupations"]
    c = cats[0]
    assert c["list"] == "2025" and c["effective_from"] == "2025-02-27" and c["effective_to"] == "2025-12-07"
    assert "6 months" in c["requirements"]
    assert c["source"].startswith("https://")


def test_date_before_a_list_start_gets_the_previous_list():
    # 31204 was in the 2023/2024 healthcare list and removed from the 2025 list (starting 2025-02-27)
    before = occupation_rules("31204", "2025-02-26")
    assert [c["list"] for c in before["categories"]] == ["2024"]
    assert before["categories"][0]["name"] == "Healthcare occupations"
    assert occupation_rules("31204", "2025-02-27")["categories"] == []


def test_before_the_first_list_there_are_no_categories_said_plainly():
    r = occupation_rules("31301", "2023-05-30")
    assert r["categories"] == []
    assert r["rules_used"]["categories"]["list"] is None
    assert "2023-05-31" in r["rules_used"]["categories"]["note"]


def test_2026_physicians_need_canadian_experience():
    cats = {c["id"]: c for c in occupation_rules("31102", "2026-03-01")["categories"]}
    assert set(cats) == {"healthcare", "physicians"}
    assert cats["physicians"]["experience"]["in_canada_only"] is True
    assert cats["physicians"]["experience"]["months"] == 12


def test_before_noc_2021_rules_programs_say_so():
    r = program_eligibility("21231", "2022-11-15")
    assert all(p["eligible"] is False and "2022-11-16" in p["reason"] for p in r.values())


@pytest.mark.parametrize("bad", ["2123", "2123A", "", None, "212310"])
def test_bad_code_shape_is_a_user_error(bad):
    with pytest.raises(UserError):
        occupation_rules(bad, "2025-06-01")


def test_every_category_code_is_a_real_unit_group(catalog):
    for lst in load_table("categories")["lists"]:
        for cat in lst["categories"]:
            missing = [c for c in cat["codes"] if c not in catalog]
            assert not missing, (lst["list"], cat["name"], missing)
