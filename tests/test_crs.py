"""CRS grid: worked examples, every boundary, caps, dated changes, and hypothesis properties."""
from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from noc_match.errors import UserError
from noc_match.rules import language as L
from noc_match.rules.crs import score, score_many
from noc_match.rules.profile import CANADIAN_EDUCATION_LEVELS, EDUCATION_LEVELS
from noc_match.rules.whatif import what_ifs

NOW = "2026-09-01"
SPOUSE0 = {"education": "none", "language": None, "canadian_work_years": 0}


def clb(level: int | list[int], test: str = "clb") -> dict[str, Any]:
    levels = level if isinstance(level, list) else [level] * 4
    return {"test": test, **dict(zip(L.ABILITIES, levels))}


def prof(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"age": 35}
    base.update(kw)
    return base


# ----------------------------------------------------------------------------- worked examples
def test_documented_example_with_spouse() -> None:
    obj = {
        "age": 29, "education": "bachelors", "canadian_education": "none",
        "first_language": {"test": "ielts", "listening": 8.0, "reading": 7.0, "writing": 7.0, "speaking": 7.0},
        "second_language": {"test": "tef", "listening": 400, "reading": 400, "writing": 400, "speaking": 400},
        "canadian_work_years": 1, "foreign_work_years": 3, "job_offer": "none",
        "spouse": {"education": "masters", "language": clb(7), "canadian_work_years": 0},
    }
    r = score(obj, NOW)
    # core: age 100 + bachelors 112 + CLB 9 x4 (29 each) 116 + NCLC 6,6,6,5 (1 each) 4 + 1 yr 35 = 367
    # spouse: masters 10 + CLB 7 x4 (3 each) 12 + 0 = 22
    # transferability: edu 25+13=38; foreign 50+25 capped 50 => 88
    assert (r.core, r.spouse, r.transferability, r.additional, r.total) == (367, 22, 88, 0, 477)
    assert r.clb["first_language"] == {"listening": 9, "reading": 9, "writing": 9, "speaking": 9}
    assert r.clb["second_language"] == {"listening": 6, "reading": 6, "writing": 6, "speaking": 5}
    assert r.subtotals["transferability.foreign_work_group"] == 50
    assert r.items["transferability.foreign_work_x_language"] == 50


def test_single_masters_clb10_three_years_canada() -> None:
    r = score(prof(age=30, education="masters", first_language=clb(10), canadian_work_years=3), NOW)
    # 105 + 135 + 4*34 + 64 = 440 ; transferability: 50 + 50 capped at 50
    assert (r.core, r.spouse, r.transferability, r.additional, r.total) == (440, 0, 50, 0, 490)
    assert not r.with_spouse


def test_spouse_object_switches_the_column() -> None:
    single = score(prof(age=29, education="doctoral", first_language=clb(10), canadian_work_years=5), NOW)
    married = score(prof(age=29, education="doctoral", first_language=clb(10), canadian_work_years=5,
                         spouse=SPOUSE0), NOW)
    assert single.core == 110 + 150 + 136 + 80 == 476
    assert married.core == 100 + 140 + 128 + 70 == 438
    assert married.with_spouse and married.spouse == 0


# ----------------------------------------------------------------------------- age
@pytest.mark.parametrize("age,without,with_", [
    (17, 0, 0), (18, 99, 90), (19, 105, 95), (20, 110, 100), (29, 110, 100), (30, 105, 95), (31, 99, 90),
    (35, 77, 70), (40, 50, 45), (41, 39, 35), (43, 17, 15), (44, 6, 5), (45, 0, 0), (60, 0, 0),
])
def test_age(age: int, without: int, with_: int) -> None:
    assert score(prof(age=age), NOW).items["core.age"] == without
    assert score(prof(age=age, spouse=SPOUSE0), NOW).items["core.age"] == with_


# ----------------------------------------------------------------------------- education
@pytest.mark.parametrize("edu,without,with_,spouse_pts", [
    ("none", 0, 0, 0), ("secondary", 30, 28, 2), ("one_year", 90, 84, 6), ("two_year", 98, 91, 7),
    ("bachelors", 120, 112, 8), ("two_or_more", 128, 119, 9), ("masters", 135, 126, 10), ("doctoral", 150, 140, 10),
])
def test_education(edu: str, without: int, with_: int, spouse_pts: int) -> None:
    assert score(prof(education=edu), NOW).items["core.education"] == without
    r = score(prof(education=edu, spouse=dict(SPOUSE0, education=edu)), NOW)
    assert r.items["core.education"] == with_
    assert r.items["spouse.education"] == spouse_pts


# ----------------------------------------------------------------------------- languages
@pytest.mark.parametrize("level,without,with_", [
    (0, 0, 0), (3, 0, 0), (4, 6, 6), (5, 6, 6), (6, 9, 8), (7, 17, 16), (8, 23, 22), (9, 31, 29), (10, 34, 32),
    (12, 34, 32),
])
def test_first_language_each_clb_step(level: int, without: int, with_: int) -> None:
    r = score(prof(first_language=clb(level)), NOW)
    assert all(r.items[f"core.first_language.{a}"] == without for a in L.ABILITIES)
    assert r.subtotals["core.first_language"] == 4 * without
    r = score(prof(first_language=clb(level), spouse=SPOUSE0), NOW)
    assert r.subtotals["core.first_language"] == 4 * with_


def test_first_language_per_ability_not_averaged() -> None:
    r = score(prof(first_language=clb([10, 9, 7, 4])), NOW)
    assert r.subtotals["core.first_language"] == 34 + 31 + 17 + 6


@pytest.mark.parametrize("level,per_ability", [(0, 0), (4, 0), (5, 1), (6, 1), (7, 3), (8, 3), (9, 6), (12, 6)])
def test_second_language_steps(level: int, per_ability: int) -> None:
    r = score(prof(first_language=clb(4), second_language=clb(level, "nclc")), NOW)
    assert r.subtotals["core.second_language"] == 4 * per_ability


def test_second_language_cap_binds_only_with_spouse() -> None:
    p = prof(first_language=clb(4), second_language=clb(9, "nclc"))
    assert score(p, NOW).subtotals["core.second_language"] == 24
    assert score(dict(p, spouse=SPOUSE0), NOW).subtotals["core.second_language"] == 22


def test_no_language_test_gives_no_language_points_and_a_warning() -> None:
    r = score(prof(education="masters", foreign_work_years=3), NOW)
    assert r.subtotals["core.first_language"] == 0 and r.transferability == 0
    assert any("first_language" in w for w in r.warnings)


# ----------------------------------------------------------------------------- Canadian work
@pytest.mark.parametrize("years,without,with_,spouse_pts", [
    (0, 0, 0, 0), (1, 40, 35, 5), (2, 53, 46, 7), (3, 64, 56, 8), (4, 72, 63, 9), (5, 80, 70, 10), (9, 80, 70, 10),
])
def test_canadian_work_years(years: int, without: int, with_: int, spouse_pts: int) -> None:
    assert score(prof(canadian_work_years=years), NOW).items["core.canadian_work"] == without
    r = score(prof(canadian_work_years=years, spouse=dict(SPOUSE0, canadian_work_years=years)), NOW)
    assert r.items["core.canadian_work"] == with_
    assert r.items["spouse.canadian_work"] == spouse_pts


# ----------------------------------------------------------------------------- spouse
@pytest.mark.parametrize("level,per_ability", [(4, 0), (5, 1), (6, 1), (7, 3), (8, 3), (9, 5), (10, 5)])
def test_spouse_language(level: int, per_ability: int) -> None:
    r = score(prof(spouse=dict(SPOUSE0, language=clb(level, "nclc"))), NOW)
    assert r.subtotals["spouse.language"] == 4 * per_ability == r.spouse


def test_spouse_maximum_40() -> None:
    r = score(prof(spouse={"education": "doctoral", "language": clb(12), "canadian_work_years": 7}), NOW)
    assert r.spouse == 40


def test_spouse_language_uses_its_test_chart() -> None:
    sp = {"education": "none", "canadian_work_years": 0,
          "language": {"test": "ielts", "listening": 8.0, "reading": 7.0, "writing": 7.0, "speaking": 7.0}}
    r = score(prof(spouse=sp), NOW)
    assert r.clb["spouse_language"] == {a: 9 for a in L.ABILITIES} and r.spouse == 20


# ----------------------------------------------------------------------------- transferability
@pytest.mark.parametrize("edu,lang,cdn,edu_lang,edu_cdn,group", [
    ("secondary", 10, 3, 0, 0, 0),
    ("one_year", 7, 0, 13, 0, 13),
    ("two_year", 8, 1, 13, 13, 26),
    ("bachelors", 9, 1, 25, 13, 38),
    ("bachelors", 9, 2, 25, 25, 50),
    ("bachelors", 6, 2, 0, 25, 25),
    ("two_or_more", 7, 1, 25, 25, 50),
    ("masters", 9, 2, 50, 50, 50),
    ("doctoral", 10, 0, 50, 0, 50),
    ("masters", 8, 5, 25, 50, 50),
])
def test_education_group(edu: str, lang: int, cdn: int, edu_lang: int, edu_cdn: int, group: int) -> None:
    r = score(prof(education=edu, first_language=clb(lang), canadian_work_years=cdn), NOW)
    assert r.items["transferability.education_x_language"] == edu_lang
    assert r.items["transferability.education_x_canadian_work"] == edu_cdn
    assert r.subtotals["transferability.education_group"] == group


@pytest.mark.parametrize("foreign,lang,cdn,f_lang,f_cdn,group", [
    (0, 10, 3, 0, 0, 0),
    (1, 7, 0, 13, 0, 13),
    (2, 9, 1, 25, 13, 38),
    (2, 8, 2, 13, 25, 38),
    (3, 7, 1, 25, 25, 50),
    (3, 9, 0, 50, 0, 50),
    (5, 9, 2, 50, 50, 50),
    (5, 6, 2, 0, 50, 50),
])
def test_foreign_work_group(foreign: int, lang: int, cdn: int, f_lang: int, f_cdn: int, group: int) -> None:
    r = score(prof(foreign_work_years=foreign, first_language=clb(lang), canadian_work_years=cdn), NOW)
    assert r.items["transferability.foreign_work_x_language"] == f_lang
    assert r.items["transferability.foreign_work_x_canadian_work"] == f_cdn
    assert r.subtotals["transferability.foreign_work_group"] == group


@pytest.mark.parametrize("levels,points", [([4, 7, 7, 7], 0), ([5, 5, 5, 5], 25), ([6, 9, 9, 9], 25),
                                           ([7, 7, 7, 7], 50), ([10, 10, 10, 10], 50)])
def test_certificate_of_qualification(levels: list[int], points: int) -> None:
    r = score(prof(certificate_of_qualification=True, first_language=clb(levels)), NOW)
    assert r.subtotals["transferability.certificate_group"] == points
    assert score(prof(first_language=clb(levels)), NOW).subtotals["transferability.certificate_group"] == 0


def test_language_band_uses_the_lowest_ability() -> None:
    r = score(prof(education="masters", first_language=clb([10, 10, 10, 8])), NOW)
    assert r.items["transferability.education_x_language"] == 25
    r = score(prof(education="masters", first_language=clb([10, 10, 10, 6])), NOW)
    assert r.items["transferability.education_x_language"] == 0


def test_transferability_total_cap_100() -> None:
    r = score(prof(education="masters", first_language=clb(9), canadian_work_years=2, foreign_work_years=3,
                   certificate_of_qualification=True), NOW)
    assert sum(r.subtotals[f"transferability.{g}_group"] for g in ("education", "foreign_work", "certificate")) == 150
    assert r.transferability == 100


def test_second_language_does_not_count_for_transferability() -> None:
    r = score(prof(education="masters", first_language=clb(5), second_language=clb(10, "nclc")), NOW)
    assert r.transferability == 0


# ----------------------------------------------------------------------------- additional points
def test_nomination_600() -> None:
    r = score(prof(provincial_nomination=True), NOW)
    assert r.items["additional.provincial_nomination"] == 600 == r.additional


def test_additional_cap_600() -> None:
    r = score(prof(provincial_nomination=True, sibling_in_canada=True, canadian_education="three_year_or_more",
                   first_language=clb(9), second_language=clb(9, "nclc")), NOW)
    assert sum(v for k, v in r.items.items() if k.startswith("additional.")) == 600 + 15 + 30 + 50
    assert r.additional == 600


@pytest.mark.parametrize("first,second,points", [
    (clb(9), clb(7, "nclc"), 50),                     # English first, CLB 5+ all four
    (clb(5), clb(7, "nclc"), 50),
    (clb([5, 5, 5, 4]), clb(7, "nclc"), 25),          # an English ability at CLB 4
    (clb(9), clb([7, 7, 7, 6], "nclc"), 0),           # a French ability under NCLC 7
    (clb(7, "nclc"), None, 25),                       # French only
    (clb(10, "nclc"), clb(4), 25),
    (clb(8, "nclc"), clb(5), 50),                     # French first, English second
    (clb(9), None, 0),
])
def test_french_points_25_vs_50(first: dict, second: dict | None, points: int) -> None:
    r = score(prof(first_language=first, second_language=second), NOW)
    assert r.items["additional.french"] == points


@pytest.mark.parametrize("day,with_english,without_english", [
    ("2017-06-05", 0, 0), ("2017-06-06", 30, 15), ("2020-10-26", 30, 15), ("2020-10-27", 50, 25),
])
def test_french_points_by_date(day: str, with_english: int, without_english: int) -> None:
    assert score(prof(first_language=clb(9), second_language=clb(7, "nclc")), day).items["additional.french"] == with_english
    assert score(prof(first_language=clb(7, "nclc")), day).items["additional.french"] == without_english


def test_french_points_from_tef_scores() -> None:
    tef7 = {"test": "tef", "listening": 434, "reading": 434, "writing": 428, "speaking": 456}
    tef_low = dict(tef7, speaking=455)
    assert score(prof(first_language=clb(9), second_language=tef7), NOW).items["additional.french"] == 50
    assert score(prof(first_language=clb(9), second_language=tef_low), NOW).items["additional.french"] == 0


@pytest.mark.parametrize("offer,day,points", [
    ("teer_0_major_group_00", "2016-11-18", 600), ("other", "2016-11-18", 600),
    ("teer_0_major_group_00", "2016-11-19", 200), ("other", "2016-11-19", 50),
    ("teer_0_major_group_00", "2025-03-24", 200), ("other", "2025-03-24", 50),
    ("teer_0_major_group_00", "2025-03-25", 0), ("other", "2025-03-25", 0), ("other", NOW, 0),
    ("none", "2020-01-01", 0),
])
def test_job_offer_before_and_after_removal(offer: str, day: str, points: int) -> None:
    r = score(prof(job_offer=offer), day)
    assert r.items["additional.job_offer"] == points
    assert any("job_offer" in w for w in r.warnings) == (offer != "none" and points == 0)


@pytest.mark.parametrize("level,points,day", [
    ("one_or_two_year", 15, NOW), ("three_year_or_more", 30, NOW), ("none", 0, NOW),
    ("three_year_or_more", 30, "2016-11-19"), ("three_year_or_more", 0, "2016-11-18"),
])
def test_canadian_education(level: str, points: int, day: str) -> None:
    assert score(prof(canadian_education=level), day).items["additional.canadian_education"] == points


@pytest.mark.parametrize("day,points", [("2017-06-05", 0), ("2017-06-06", 15), (NOW, 15)])
def test_sibling(day: str, points: int) -> None:
    assert score(prof(sibling_in_canada=True), day).items["additional.sibling_in_canada"] == points


def test_no_grid_before_express_entry() -> None:
    with pytest.raises(UserError):
        score(prof(), "2014-12-31")
    assert score(prof(), "2015-01-01").total == 77


def test_old_tests_warn() -> None:
    lang = dict(clb(9), test="ielts", listening=8.0, reading=7.0, writing=7.0, speaking=7.0, test_date="2024-01-01")
    r = score(prof(first_language=lang), NOW)
    assert any("2 years" in w for w in r.warnings)


def test_score_many_keeps_order_and_names_the_bad_profile() -> None:
    out = score_many([prof(age=29), prof(age=45)], NOW)
    assert [r.items["core.age"] for r in out] == [110, 0]
    with pytest.raises(UserError) as err:
        score_many([prof(), {"education": "x"}], NOW)
    assert "profile #2" in str(err.value)


# ----------------------------------------------------------------------------- what-ifs
def test_what_ifs_are_sorted_positive_and_correct() -> None:
    p = prof(age=29, education="bachelors", first_language=clb(8), canadian_work_years=1)
    base = score(p, NOW).total
    wis = what_ifs(p, NOW, limit=0)
    assert wis and all(w.gain > 0 and w.new_total == base + w.gain for w in wis)
    assert [w.gain for w in wis] == sorted((w.gain for w in wis), reverse=True)
    by = {w.change: w for w in wis}
    assert by["provincial_nomination"].gain == 600
    assert by["canadian_work_years+1"].new_total == score(dict(p, canadian_work_years=2), NOW).total
    assert by["second_language.nclc7"].new_total == score(dict(p, second_language=clb(7, "nclc")), NOW).total
    assert "job_offer" not in by                       # no points for a job offer on this date
    assert "job_offer" in {w.change for w in what_ifs(p, "2024-06-01", limit=0)}
    assert len(what_ifs(p, NOW, limit=3)) == 3


def test_what_ifs_raise_test_scores_to_the_next_level() -> None:
    p = prof(first_language={"test": "ielts", "listening": 7.5, "reading": 6.5, "writing": 6.5, "speaking": 6.5},
             spouse={"education": "bachelors", "language": None, "canadian_work_years": 0})
    by = {w.change: w for w in what_ifs(p, NOW, limit=0)}
    assert "8 " in by["first_language.listening+1"].description + " "
    assert by["first_language.all>=9"].new_total == score(dict(p, first_language={
        "test": "ielts", "listening": 8.0, "reading": 7.0, "writing": 7.0, "speaking": 7.0}), NOW).total
    assert by["spouse.language.clb7"].gain == 12


def test_what_ifs_empty_when_nothing_helps() -> None:
    top = prof(age=29, education="doctoral", canadian_education="three_year_or_more", first_language=clb(12),
               second_language=clb(12, "nclc"), canadian_work_years=5, foreign_work_years=5,
               certificate_of_qualification=True, provincial_nomination=True, sibling_in_canada=True)
    assert what_ifs(top, NOW) == []


# ----------------------------------------------------------------------------- properties
DATES = ["2015-06-01", "2017-01-01", "2019-03-01", "2021-05-01", "2025-03-24", NOW]


@st.composite
def language_results(draw: Any, french: bool) -> dict[str, Any]:
    test = draw(st.sampled_from(["nclc", "tcf"] if french else ["clb", "ielts", "celpip"]))
    out: dict[str, Any] = {"test": test}
    for ability in L.ABILITIES:
        if test == "ielts":
            out[ability] = draw(st.integers(0, 18)) / 2
        elif test == "tcf":
            out[ability] = draw(st.integers(0, 699 if ability in ("listening", "reading") else 20))
        else:
            out[ability] = draw(st.integers(0, 12))
    return out


@st.composite
def profiles(draw: Any) -> dict[str, Any]:
    first_french = draw(st.booleans())
    spouse = draw(st.none() | st.fixed_dictionaries({
        "education": st.sampled_from(EDUCATION_LEVELS),
        "language": st.none() | language_results(draw(st.booleans())),
        "canadian_work_years": st.integers(0, 8)}))
    return {
        "age": draw(st.integers(15, 60)),
        "education": draw(st.sampled_from(EDUCATION_LEVELS)),
        "canadian_education": draw(st.sampled_from(CANADIAN_EDUCATION_LEVELS)),
        "first_language": draw(st.none() | language_results(first_french)),
        "second_language": draw(st.none() | language_results(not first_french)),
        "canadian_work_years": draw(st.integers(0, 8)),
        "foreign_work_years": draw(st.integers(0, 8)),
        "certificate_of_qualification": draw(st.booleans()),
        "sibling_in_canada": draw(st.booleans()),
        "provincial_nomination": draw(st.booleans()),
        "job_offer": draw(st.sampled_from(["none", "other", "teer_0_major_group_00"])),
        "spouse": spouse,
    }


@settings(max_examples=300, deadline=None)
@given(profiles(), st.sampled_from(DATES))
def test_totals_and_sections_respect_their_maxima(p: dict[str, Any], day: str) -> None:
    r = score(p, day)
    assert 0 <= r.total <= 1200
    assert r.core <= (460 if r.with_spouse else 500)
    assert r.spouse <= (40 if r.with_spouse else 0)
    assert r.core + r.spouse <= 500
    assert r.transferability <= 100 and r.additional <= 600
    assert r.total == r.core + r.spouse + r.transferability + r.additional


def _raise_language(lang: dict[str, Any] | None, ability: str) -> dict[str, Any] | None:
    if lang is None:
        return None
    step = 0.5 if lang["test"] == "ielts" else 1
    new = dict(lang, **{ability: lang[ability] + step})
    return new if L.check_score(new["test"], ability, new[ability], NOW) is None else None


def _raises(p: dict[str, Any]) -> list[dict[str, Any]]:
    """Every profile that differs from `p` by raising one input (age excluded: not monotonic)."""
    out = []

    def variant(path: list[str], value: Any) -> None:
        q = copy.deepcopy(p)
        target = q
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        out.append(q)

    for key, levels in (("education", EDUCATION_LEVELS), ("canadian_education", CANADIAN_EDUCATION_LEVELS),
                        ("job_offer", ("none", "other", "teer_0_major_group_00"))):
        i = levels.index(p[key])
        if i + 1 < len(levels):
            variant([key], levels[i + 1])
    for key in ("canadian_work_years", "foreign_work_years"):
        variant([key], p[key] + 1)
    for key in ("certificate_of_qualification", "sibling_in_canada", "provincial_nomination"):
        if not p[key]:
            variant([key], True)
    for key in ("first_language", "second_language"):
        for ability in L.ABILITIES:
            new = _raise_language(p[key], ability)
            if new:
                variant([key], new)
    if p["spouse"] is not None:
        i = EDUCATION_LEVELS.index(p["spouse"]["education"])
        if i + 1 < len(EDUCATION_LEVELS):
            variant(["spouse", "education"], EDUCATION_LEVELS[i + 1])
        variant(["spouse", "canadian_work_years"], p["spouse"]["canadian_work_years"] + 1)
        for ability in L.ABILITIES:
            new = _raise_language(p["spouse"]["language"], ability)
            if new:
                variant(["spouse", "language"], new)
    return out


@settings(max_examples=150, deadline=None)
@given(profiles(), st.sampled_from(DATES))
def test_raising_any_single_input_never_lowers_the_score(p: dict[str, Any], day: str) -> None:
    base = score(p, day).total
    for q in _raises(p):
        assert score(q, day).total >= base, (p, q)
