"""Profile parsing: defaults, kept extra keys, and one error naming every bad field."""
from __future__ import annotations

import pytest

from noc_match.errors import UserError
from noc_match.rules.profile import LanguageResult, Profile, Spouse, parse_profile, profile_to_dict

from example_profiles import ISSUE_EXAMPLE as EXAMPLE  # noqa: E402


def test_parses_the_documented_example() -> None:
    p = parse_profile(EXAMPLE, "2026-09-01")
    assert p.age == 29 and p.education == "bachelors"
    assert p.first_language == LanguageResult("ielts", 8.0, 7.0, 7.0, 7.0)
    assert p.second_language is not None and p.second_language.is_french
    assert p.spouse == Spouse("masters", LanguageResult("clb", 7, 7, 7, 7), 0)
    assert p.foreign_work_years == 3


def test_missing_optional_fields_default() -> None:
    p = parse_profile({"age": 40})
    assert p == Profile(age=40)
    assert p.spouse is None and p.first_language is None and p.job_offer == "none"


def test_unknown_keys_are_kept_not_rejected() -> None:
    obj = dict(EXAMPLE, primary_noc="21231", funds_cad=20000, experience=[{"noc": "21231", "years": 2}])
    p = parse_profile(obj, "2026-09-01")
    assert p.extra == {"primary_noc": "21231", "funds_cad": 20000, "experience": [{"noc": "21231", "years": 2}]}
    assert profile_to_dict(p)["primary_noc"] == "21231"
    assert parse_profile(profile_to_dict(p), "2026-09-01") == p


def test_case_and_numeric_strings_tolerated_and_years_floored() -> None:
    p = parse_profile({"age": "31", "education": "Masters", "canadian_work_years": 2.9,
                       "first_language": {"test": "IELTS", "listening": "7.5", "reading": 7, "writing": 7, "speaking": 7}})
    assert p.age == 31 and p.education == "masters" and p.canadian_work_years == 2
    assert p.first_language is not None and p.first_language.test == "ielts" and p.first_language.listening == 7.5


def test_every_bad_field_is_named_in_one_error() -> None:
    bad = {
        "education": "phd", "canadian_education": "yes", "job_offer": "maybe", "sibling_in_canada": "no",
        "canadian_work_years": -1, "foreign_work_years": "three",
        "first_language": {"test": "ielts", "listening": 9.5, "reading": 7.25, "writing": 7},
        "second_language": {"test": "toefl"},
        "spouse": {"education": "college", "language": {"test": "clb", "listening": 13, "reading": 7,
                                                       "writing": 7, "speaking": 7}},
    }
    with pytest.raises(UserError) as err:
        parse_profile(bad, "2026-09-01")
    fields = [d.split(":")[0] for d in err.value.details]
    assert fields == ["age", "education", "canadian_education", "first_language.listening", "first_language.reading",
                      "first_language.speaking", "second_language.test", "canadian_work_years", "foreign_work_years",
                      "sibling_in_canada", "job_offer", "spouse.education", "spouse.language.listening"]
    assert err.value.exit_code == 2


@pytest.mark.parametrize("obj,field", [
    ({"age": 29.5}, "age"), ({"age": True}, "age"), ({"age": 200}, "age"),
    ({"age": 30, "spouse": "yes"}, "spouse"), ({"age": 30, "first_language": [1, 2]}, "first_language"),
    ({"age": 30, "first_language": {"test": "ielts", "listening": 7, "reading": 7, "writing": 7, "speaking": 7,
                                    "test_date": "soon"}}, "first_language.test_date"),
    ({"age": 30, "provincial_nomination": 1}, "provincial_nomination"),
])
def test_single_bad_field(obj: dict, field: str) -> None:
    with pytest.raises(UserError) as err:
        parse_profile(obj)
    assert [d.split(":")[0] for d in err.value.details] == [field]


def test_second_language_must_be_the_other_official_language() -> None:
    obj = {"age": 30, "first_language": {"test": "clb", "listening": 7, "reading": 7, "writing": 7, "speaking": 7},
           "second_language": {"test": "celpip", "listening": 7, "reading": 7, "writing": 7, "speaking": 7}}
    with pytest.raises(UserError) as err:
        parse_profile(obj)
    assert err.value.details[0].startswith("second_language.test")


def test_not_an_object() -> None:
    with pytest.raises(UserError):
        parse_profile([1, 2, 3])


def test_chart_validity_depends_on_date() -> None:
    pte = {"age": 30, "first_language": {"test": "pte_core", "listening": 60, "reading": 60, "writing": 69,
                                         "speaking": 68}}
    assert parse_profile(pte, "2024-02-01").first_language is not None
    with pytest.raises(UserError) as err:
        parse_profile(pte, "2023-06-01")
    assert err.value.details[0].startswith("first_language.listening")
