"""FSW selection grid and proof of funds (data/rules/fsw.yaml)."""
from __future__ import annotations

import pytest

from noc_match.errors import UserError
from noc_match.rules import fsw

ON = "2026-01-01"


def test_worked_example_from_the_grid_adds_up_to_63():
    # age 30 -> 12; bachelors (3-year) -> 21; CLB L9 R8 W7 S7 -> 6+5+4+4 = 19; 3 years -> 11; no offer, no adaptability
    r = fsw.selection_points(age=30, education="bachelors",
                             first_clb={"listening": 9, "reading": 8, "writing": 7, "speaking": 7},
                             experience_years=3, on=ON)
    assert r["breakdown"] == {"language": 19, "education": 21, "experience": 11, "age": 12,
                              "arranged_employment": 0, "adaptability": 0}
    assert r["total"] == 63 and r["pass_mark"] == 67 and r["passes"] is False


def test_second_worked_example_passes_with_adaptability_capped():
    # age 36 -> 11; masters -> 23; CLB 9 x4 -> 24 + NCLC 5 x4 -> 4; 6 years -> 15; offer -> 10;
    # adaptability: work in Canada 10 + relative 5 + offer 5 = 20, capped at 10
    r = fsw.selection_points(age=36, education="masters", first_clb={a: 9 for a in fsw.ABILITIES},
                             second_clb={a: 5 for a in fsw.ABILITIES}, experience_years=6,
                             arranged_employment=True,
                             adaptability={"own_work_in_canada": True, "relative_in_canada": True,
                                           "arranged_employment": True}, on=ON)
    assert r["breakdown"] == {"language": 28, "education": 23, "experience": 15, "age": 11,
                              "arranged_employment": 10, "adaptability": 10}
    assert r["total"] == 97 and r["passes"]


def test_second_language_needs_clb_5_in_every_ability():
    r = fsw.language_points({a: 7 for a in fsw.ABILITIES}, {"listening": 5, "reading": 5, "writing": 4,
                                                            "speaking": 5}, ON)
    assert r["second_language"] == 0 and r["points"] == 16


def test_below_clb_7_gives_no_points_for_that_ability():
    r = fsw.language_points({"listening": 6, "reading": 10, "writing": 8, "speaking": 7}, None, ON)
    assert r["first_language"] == {"listening": 0, "reading": 6, "writing": 5, "speaking": 4}


@pytest.mark.parametrize("age, points", [(17, 0), (18, 12), (35, 12), (36, 11), (40, 7), (46, 1), (47, 0)])
def test_age_points(age, points):
    assert fsw.age_points(age, ON) == points


@pytest.mark.parametrize("years, points", [(0, 0), (1, 9), (2, 11), (3, 11), (4, 13), (5, 13), (6, 15), (20, 15)])
def test_experience_points(years, points):
    assert fsw.experience_points(years, ON) == points


def test_education_points_and_none():
    assert fsw.education_points("doctoral", ON) == 25
    assert fsw.education_points("secondary", ON) == 5
    assert fsw.education_points("none", ON) == 0


def test_unknown_adaptability_item_is_refused():
    with pytest.raises(UserError):
        fsw.adaptability_points({"pet_in_canada": True}, ON)


@pytest.mark.parametrize("size, day, amount, label", [
    (1, "2023-06-01", 13757, "2023"),
    (4, "2024-05-27", 25564, "2023"),
    (4, "2024-05-28", 27297, "2024"),
    (4, "2025-07-06", 27297, "2024"),
    (4, "2025-07-07", 28362, "2025"),
    (7, "2026-01-01", 40392, "2025"),
])
def test_proof_of_funds_by_family_size_and_date(size, day, amount, label):
    r = fsw.proof_of_funds(size, day)
    assert r["required_cad"] == amount and r["table"].startswith(label)
    assert r["source"].startswith("https://")


def test_proof_of_funds_beyond_seven_adds_each_member():
    assert fsw.proof_of_funds(9, "2026-01-01")["required_cad"] == 40392 + 2 * 4112
    assert fsw.proof_of_funds(8, "2024-06-01")["required_cad"] == 38875 + 3958


def test_proof_of_funds_before_the_first_table_and_bad_size():
    with pytest.raises(UserError, match="2023-04-25"):
        fsw.proof_of_funds(1, "2023-04-24")
    with pytest.raises(UserError, match="family_size"):
        fsw.proof_of_funds(0, ON)


def test_no_grid_before_noc_2021_rules():
    with pytest.raises(UserError, match="2022-11-16"):
        fsw.age_points(30, "2020-01-01")
