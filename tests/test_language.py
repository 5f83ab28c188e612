"""Test-score -> CLB/NCLC charts at their edges (data/rules/language.yaml)."""
from __future__ import annotations

import pytest

from noc_match.errors import UserError
from noc_match.rules import language as L

NOW = "2026-09-01"


@pytest.mark.parametrize("ability,score,level", [
    ("listening", 9.0, 10), ("listening", 8.5, 10), ("listening", 8.0, 9), ("listening", 7.5, 8),
    ("listening", 7.0, 7), ("listening", 6.0, 7), ("listening", 5.5, 6), ("listening", 5.0, 5),
    ("listening", 4.5, 4), ("listening", 4.0, 3), ("listening", 0.0, 3),
    ("reading", 8.0, 10), ("reading", 7.5, 9), ("reading", 7.0, 9), ("reading", 6.5, 8), ("reading", 6.0, 7),
    ("reading", 5.0, 6), ("reading", 4.0, 5), ("reading", 3.5, 4), ("reading", 3.0, 3),
    ("writing", 7.5, 10), ("writing", 7.0, 9), ("writing", 6.5, 8), ("writing", 6.0, 7), ("writing", 5.5, 6),
    ("writing", 5.0, 5), ("writing", 4.0, 4), ("writing", 3.5, 3),
    ("speaking", 7.5, 10), ("speaking", 7.0, 9), ("speaking", 6.0, 7), ("speaking", 5.5, 6), ("speaking", 4.5, 4),
])
def test_ielts_general_training(ability: str, score: float, level: int) -> None:
    assert L.to_clb("ielts", ability, score, NOW) == level


@pytest.mark.parametrize("score,level", [(12, 10), (11, 10), (10, 10), (9, 9), (7, 7), (5, 5), (4, 4), (3, 3), (0, 3)])
def test_celpip_one_to_one_up_to_the_clb10_band(score: int, level: int) -> None:
    for ability in L.ABILITIES:
        assert L.to_clb("celpip", ability, score, NOW) == level


@pytest.mark.parametrize("ability,score,level", [
    ("listening", 90, 10), ("listening", 89, 10), ("listening", 88, 9), ("listening", 82, 9), ("listening", 81, 8),
    ("listening", 60, 7), ("listening", 59, 6), ("listening", 28, 4), ("listening", 18, 3), ("listening", 17, 2),
    ("reading", 88, 10), ("reading", 87, 9), ("reading", 60, 7), ("reading", 59, 6),
    ("writing", 90, 10), ("writing", 89, 9), ("writing", 88, 9), ("writing", 69, 7), ("writing", 68, 6),
    ("speaking", 89, 10), ("speaking", 84, 9), ("speaking", 83, 8), ("speaking", 68, 7), ("speaking", 67, 6),
])
def test_pte_core(ability: str, score: int, level: int) -> None:
    assert L.to_clb("pte_core", ability, score, NOW) == level


def test_pte_core_not_accepted_before_2024_01_30() -> None:
    assert L.to_clb("pte_core", "listening", 60, "2024-01-30") == 7
    with pytest.raises(UserError):
        L.to_clb("pte_core", "listening", 60, "2024-01-29")


@pytest.mark.parametrize("ability,score,level", [
    ("listening", 699, 10), ("listening", 546, 10), ("listening", 545, 9), ("listening", 503, 9),
    ("listening", 502, 8), ("listening", 434, 7), ("listening", 433, 6), ("listening", 306, 4), ("listening", 305, 3),
    ("reading", 434, 7), ("reading", 433, 6),
    ("writing", 558, 10), ("writing", 557, 9), ("writing", 428, 7), ("writing", 427, 6), ("writing", 268, 4),
    ("speaking", 556, 10), ("speaking", 555, 9), ("speaking", 456, 7), ("speaking", 455, 6), ("speaking", 328, 4),
])
def test_tef_canada_current_chart(ability: str, score: int, level: int) -> None:
    assert L.to_clb("tef", ability, score, "2023-12-11") == level


@pytest.mark.parametrize("score,level", [(566, 10), (565, 9), (533, 9), (500, 8), (450, 7), (449, 6), (300, 4), (299, 3)])
def test_tef_canada_2019_2023_chart(score: int, level: int) -> None:
    for ability in L.ABILITIES:
        assert L.to_clb("tef", ability, score, "2023-12-10") == level
        assert L.to_clb("tef", ability, score, "2019-10-01") == level


@pytest.mark.parametrize("ability,score,level", [
    ("listening", 360, 10), ("listening", 316, 10), ("listening", 315, 9), ("listening", 249, 7), ("listening", 248, 6),
    ("reading", 300, 10), ("reading", 263, 10), ("reading", 207, 7), ("reading", 206, 6),
    ("writing", 310, 7), ("writing", 309, 6), ("speaking", 393, 10), ("speaking", 392, 9),
])
def test_tef_canada_original_scale(ability: str, score: int, level: int) -> None:
    assert L.to_clb("tef", ability, score, "2019-09-30") == level


def test_tef_original_scale_has_per_ability_maximum() -> None:
    assert L.check_score("tef", "reading", 301, "2018-01-01") is not None
    assert L.check_score("tef", "reading", 301, "2024-01-01") is None


@pytest.mark.parametrize("ability,score,level", [
    ("listening", 549, 10), ("listening", 548, 9), ("listening", 458, 7), ("listening", 457, 6), ("listening", 331, 4),
    ("listening", 330, 3), ("reading", 549, 10), ("reading", 453, 7), ("reading", 452, 6), ("reading", 342, 4),
    ("writing", 20, 10), ("writing", 16, 10), ("writing", 15, 9), ("writing", 10, 7), ("writing", 9, 6),
    ("writing", 6, 5), ("writing", 4, 4), ("writing", 3, 3), ("speaking", 16, 10), ("speaking", 11, 7),
    ("speaking", 7, 6),
])
def test_tcf_canada(ability: str, score: int, level: int) -> None:
    assert L.to_clb("tcf", ability, score, NOW) == level


def test_chart_is_picked_by_test_date_when_given() -> None:
    lang = {"test": "tef", "listening": 450, "reading": 450, "writing": 450, "speaking": 450}
    assert L.clb_levels(lang, NOW) == {"listening": 7, "reading": 7, "writing": 7, "speaking": 6}
    dated = dict(lang, test_date="2021-06-01")
    assert L.clb_levels(dated, NOW) == {a: 7 for a in L.ABILITIES}


def test_direct_levels() -> None:
    assert L.to_clb("clb", "reading", 12) == 12
    assert L.to_clb("nclc", "speaking", 0) == 0
    with pytest.raises(UserError):
        L.to_clb("clb", "reading", 13)


@pytest.mark.parametrize("test,ability,score", [
    ("ielts", "listening", 9.5), ("ielts", "reading", 7.25), ("ielts", "writing", -1),
    ("celpip", "reading", 13), ("celpip", "reading", 9.5), ("tef", "listening", 700), ("tcf", "writing", 21),
    ("clb", "listening", 7.5),
])
def test_scores_off_the_scale_are_rejected(test: str, ability: str, score: float) -> None:
    assert L.check_score(test, ability, score, NOW) is not None
    with pytest.raises(UserError) as err:
        L.to_clb(test, ability, score, NOW)
    assert ability in str(err.value)


def test_unknown_test_and_ability() -> None:
    with pytest.raises(UserError) as err:
        L.to_clb("toefl", "reading", 100)
    assert "test" in err.value.details[0]
    assert L.check_score("ielts", "grammar", 7.0) is not None


@pytest.mark.parametrize("test,french", [("clb", False), ("ielts", False), ("celpip", False), ("pte_core", False),
                                         ("nclc", True), ("tef", True), ("tcf", True)])
def test_is_french(test: str, french: bool) -> None:
    assert L.is_french(test) is french


def test_min_score_for_next_level() -> None:
    assert L.min_score_for("ielts", "listening", 9, NOW) == 8.0
    assert L.min_score_for("ielts", "listening", 10, NOW) == 8.5
    assert L.min_score_for("ielts", "listening", 11, NOW) is None
    assert L.min_score_for("tef", "listening", 7, NOW) == 434
    assert L.min_score_for("clb", "listening", 9, NOW) == 9
