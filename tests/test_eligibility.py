"""A person's eligibility: FSW (minimums, grid, funds), CEC, FST, categories; bad profiles name every field."""
from __future__ import annotations

import copy

import pytest

from noc_match.errors import UserError
from noc_match.rules.eligibility import assess

BASE = {
    "age": 29, "education": "bachelors", "canadian_education": "none",
    "first_language": {"test": "ielts", "listening": 8.0, "reading": 7.0, "writing": 7.0, "speaking": 7.0},
    "second_language": None, "canadian_work_years": 1, "foreign_work_years": 3,
    "certificate_of_qualification": False, "sibling_in_canada": False, "provincial_nomination": False,
    "job_offer": "none", "spouse": None,
    "primary_noc": "21231", "funds_cad": 20000, "family_size": 1, "eca": True,
    "experience": [
        {"code": "21231", "start": "2021-01-01", "end": "2024-05-31", "hours_per_week": 40, "country": "IN"},
        {"code": "21231", "start": "2024-06-01", "end": None, "hours_per_week": 40, "country": "CA"},
    ],
}


def profile(**changes):
    p = copy.deepcopy(BASE)
    p.update(changes)
    return p


def clb(level, test="clb"):
    return {"test": test, "listening": level, "reading": level, "writing": level, "speaking": level}


def test_software_engineer_meets_fsw_and_cec(catalog):
    r = assess(profile(), "2025-09-01", catalog)
    assert r["eligible_programs"] == ["FSW", "CEC"]
    fsw = r["programs"]["FSW"]
    # IELTS 8/7/7/7 = CLB 9 x4 -> 24; bachelors 21; 4 full years in 10 -> 13; age 12; 1 year in Canada -> 10
    assert fsw["points"]["breakdown"] == {"language": 24, "education": 21, "experience": 13, "age": 12,
                                          "arranged_employment": 0, "adaptability": 10}
    assert fsw["proof_of_funds"]["required_cad"] == 15263
    assert r["programs"]["FST"]["eligible"] is False
    assert any("not a skilled trade" in u for u in r["programs"]["FST"]["unmet"])


def test_several_unmet_requirements_are_all_named(catalog):
    p = profile(age=48, education="none", first_language=clb(5), funds_cad=1000, family_size=3,
                spouse={"education": "secondary"}, primary_noc="21220",
                experience=[{"code": "21220", "months": 4, "hours_per_week": 40, "country": "IN"}])
    r = assess(p, "2025-09-01", catalog)
    assert r["eligible_programs"] == []
    fsw = " | ".join(r["programs"]["FSW"]["unmet"])
    for needle in ("work experience", "language", "education", "selection grid", "proof of funds",
                   "CAD 23,360"):
        assert needle in fsw, needle
    cec = " | ".join(r["programs"]["CEC"]["unmet"])
    assert "Canadian work experience" in cec and "language" in cec
    fst = " | ".join(r["programs"]["FST"]["unmet"])
    for needle in ("primary occupation", "work experience", "job offer or certificate", "proof of funds"):
        assert needle in fst, needle
    stem = next(d for d in r["categories"]["details"] if d["id"] == "stem")
    assert stem["qualifies"] is False
    assert any("not eligible for any Express Entry program" in u for u in stem["unmet"])
    assert any("4.0 months" in u for u in stem["unmet"])


def test_fsw_funds_follow_the_date_and_family_size(catalog):
    p = profile(funds_cad=28000, family_size=4)
    before = assess(p, "2025-07-06", catalog)["programs"]["FSW"]
    after = assess(p, "2025-07-07", catalog)["programs"]["FSW"]
    assert before["proof_of_funds"]["required_cad"] == 27297 and before["eligible"]
    assert after["proof_of_funds"]["required_cad"] == 28362 and not after["eligible"]
    assert after["unmet"] == ["proof of funds: CAD 28,000 is below the CAD 28,362 required for a family of 4 "
                              "(2025 table (current), from 2025-07-07)"]


def test_part_time_counts_pro_rata_and_hours_over_30_do_not(catalog):
    # 15 h/week for 18 months = 9 months full-time (about 1,170 h): not the 1 year (1,560 h) CEC needs
    p = profile(experience=[{"code": "21231", "start": "2024-03-01", "end": "2025-08-31", "hours_per_week": 15,
                             "country": "Canada"}])
    cec = assess(p, "2025-09-01", catalog)["programs"]["CEC"]
    assert cec["eligible"] is False and 1150 < cec["experience"]["canadian_skilled_hours_in_window"] < 1200
    # 30 h/week for 18 months is enough; 2 overlapping 40 h jobs for 9 months are not (30 h/week cap)
    p["experience"][0]["hours_per_week"] = 30
    assert assess(p, "2025-09-01", catalog)["programs"]["CEC"]["eligible"]
    p["experience"] = [{"code": c, "start": "2024-12-01", "end": "2025-08-31", "hours_per_week": 40,
                        "country": "CA"} for c in ("21231", "21232")]
    cec = assess(p, "2025-09-01", catalog)["programs"]["CEC"]
    assert cec["eligible"] is False and cec["experience"]["canadian_skilled_hours_in_window"] < 1200


def test_cec_excludes_self_employment_and_uses_teer_2_language_level(catalog):
    p = profile(primary_noc="62200", first_language=clb(5),
                experience=[{"code": "62200", "start": "2023-01-01", "end": None, "hours_per_week": 35,
                             "country": "CA"}])
    r = assess(p, "2025-09-01", catalog)
    assert r["programs"]["CEC"]["eligible"] and r["programs"]["CEC"]["language_minimum"]["reading"] == 5
    p["experience"][0]["self_employed"] = True
    r = assess(p, "2025-09-01", catalog)
    assert not r["programs"]["CEC"]["eligible"]
    assert "Canadian work experience" in r["programs"]["CEC"]["unmet"][0]


def test_chef_with_certificate_meets_fst_and_offer_waives_funds(catalog):
    p = profile(primary_noc="62200", certificate_of_qualification=True, funds_cad=0,
                first_language={"test": "clb", "listening": 5, "speaking": 5, "reading": 4, "writing": 4},
                experience=[{"code": "62200", "start": "2022-01-01", "end": None, "hours_per_week": 40,
                             "country": "FR"}])
    fst = assess(p, "2025-09-01", catalog)["programs"]["FST"]
    assert fst["unmet"] == ["proof of funds: CAD 0 is below the CAD 15,263 required for a family of 1 "
                            "(2025 table (current), from 2025-07-07)"]
    p.update(job_offer="other", authorized_to_work_in_canada=True,
             job_offer_details={"code": "62200", "full_time": True, "at_least_one_year": True,
                                "basis": "lmia_work_permit"})
    fst = assess(p, "2025-09-01", catalog)["programs"]["FST"]
    assert fst["eligible"] and fst["proof_of_funds"]["exempt"]


def test_healthcare_category_experience_rule_changes_with_the_list(catalog):
    p = profile(primary_noc="31301", experience=[
        {"code": "31301", "start": "2024-11-01", "end": "2025-05-31", "hours_per_week": 37.5, "country": "PH"}])
    p["first_language"] = clb(9)
    mid_2025 = assess(p, "2025-06-01", catalog)
    assert mid_2025["categories"]["list"] == "2025"
    # 7 months: FSW needs 1 year, so the person is not in the pool and cannot qualify...
    hc = next(d for d in mid_2025["categories"]["details"] if d["id"] == "healthcare")
    assert hc["unmet"] == ["not eligible for any Express Entry program (FSW, CEC or FST)"]
    # ...with 2 more years in the same job they qualify in 2025 (6 months rule) and 2026 (12 months)
    p["experience"].insert(0, {"code": "31301", "start": "2022-11-01", "end": "2024-10-31", "hours_per_week": 37.5,
                               "country": "PH"})
    assert "Healthcare and social services occupations" in assess(p, "2025-06-01", catalog)["categories"]["qualifies"]
    # a 7-month job alone within the 3 years meets 2025's 6 months but not 2026's 12
    p["experience"] = [{"code": "31301", "start": "2015-01-01", "end": "2021-12-31", "hours_per_week": 40,
                        "country": "PH"},
                       {"code": "31301", "start": "2025-06-01", "end": "2025-12-31", "hours_per_week": 40,
                        "country": "PH"}]
    dec = assess(p, "2026-01-05", catalog)
    assert dec["programs"]["FSW"]["eligible"]
    assert "Healthcare and social services occupations" in dec["categories"]["qualifies"]
    mar = assess(p, "2026-03-01", catalog)
    hc = next(d for d in mar["categories"]["details"] if d["id"] == "healthcare")
    assert hc["qualifies"] is False and any("needs 12 months" in u for u in hc["unmet"])


def test_french_category_from_second_language(catalog):
    p = profile(second_language=clb(7, "nclc"))
    r = assess(p, "2025-09-01", catalog)
    assert "French-language proficiency" in r["categories"]["qualifies"]
    p["second_language"] = {**clb(7, "nclc"), "writing": 6}
    r = assess(p, "2025-09-01", catalog)
    assert "French-language proficiency" not in r["categories"]["qualifies"]


def test_physicians_2026_need_experience_in_canada(catalog):
    abroad = [{"code": "31102", "start": "2020-01-01", "end": None, "hours_per_week": 40, "country": "UK"}]
    p = profile(primary_noc="31102", experience=abroad)
    r = assess(p, "2026-03-01", catalog)
    phys = next(d for d in r["categories"]["details"] if d["id"] == "physicians")
    assert phys["qualifies"] is False and "in Canada" in phys["unmet"][0]
    assert "Healthcare and social services occupations" in r["categories"]["qualifies"]


def test_military_category_asks_for_confirmation(catalog):
    p = profile(primary_noc="40042", experience=[{"code": "40042", "start": "2015-01-01", "end": None,
                                                  "hours_per_week": 40, "country": "UK"}])
    r = assess(p, "2026-03-01", catalog)
    assert "Skilled military recruits" in r["categories"]["to_confirm"]
    assert "Skilled military recruits" not in r["categories"]["qualifies"]


def test_before_the_first_category_list(catalog):
    r = assess(profile(), "2023-05-01", catalog)
    assert r["categories"]["list"] is None and r["categories"]["qualifies"] == []
    assert "2023-05-31" in r["categories"]["note"]


def test_bad_profile_names_every_bad_field(catalog):
    p = profile(age="old", family_size=0, funds_cad=-5)
    del p["primary_noc"]
    p["experience"] = [
        {"code": "99999", "start": "2020-01-01", "end": "2021-01-01", "hours_per_week": 40, "country": "CA"},
        {"code": "21231", "start": "2022-01-01", "end": "2021-01-01", "hours_per_week": 0, "country": ""},
    ]
    with pytest.raises(UserError) as exc:
        assess(p, "2025-09-01", catalog)
    details = " | ".join(exc.value.details)
    for field in ("age", "primary_noc", "family_size", "funds_cad", "experience[0].code", "experience[1].end",
                  "experience[1].hours_per_week", "experience[1].country"):
        assert field + ":" in details, field
    assert exc.value.exit_code == 2


def test_missing_eligibility_fields(catalog):
    p = {k: v for k, v in BASE.items() if k not in ("experience", "funds_cad", "family_size")}
    with pytest.raises(UserError) as exc:
        assess(p, "2025-09-01", catalog)
    assert {d.split(":")[0] for d in exc.value.details} == {"experience", "funds_cad", "family_size"}
