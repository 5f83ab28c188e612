"""Category lists by date and the differences between lists (data/rules/categories.yaml)."""
from __future__ import annotations

import datetime as dt

import pytest

from noc_match.errors import UserError
from noc_match.rules import categories as cats
from noc_match.rules.dated import parse_date


@pytest.mark.parametrize("day, name", [
    ("2023-05-30", None), ("2023-05-31", "2023"), ("2023-12-31", "2023"), ("2024-01-01", "2024"),
    ("2025-02-26", "2024"), ("2025-02-27", "2025"), ("2025-12-07", "2025"), ("2025-12-08", "2025-12"),
    ("2026-02-17", "2025-12"), ("2026-02-18", "2026"), ("2030-01-01", "2026"),
])
def test_list_in_force_on_a_date(day, name):
    lst = cats.list_on(day)
    assert (lst and str(lst["list"])) == name or (lst is None and name is None)


def test_lists_are_contiguous_and_sourced():
    lists = cats.all_lists()
    for a, b in zip(lists, lists[1:]):
        assert parse_date(a["effective_to"]) + dt.timedelta(days=1) == parse_date(b["effective_from"])
    assert lists[-1]["effective_to"] is None
    for lst in lists:
        assert lst["source"].startswith("https://")
        for cat in lst["categories"]:
            assert cat["sources"] and cat["id"]
            if "stated_count" in cat:
                assert cat["stated_count"] == len(cat["codes"]), (lst["list"], cat["name"])


def test_categories_on_lists_every_category_with_codes():
    r = cats.categories_on("2025-06-01")
    assert r["list"] == "2025"
    by_id = {c["id"]: c for c in r["categories"]}
    assert set(by_id) == {"french", "healthcare", "stem", "trades", "education", "agriculture"}
    assert by_id["agriculture"]["codes"] == ["63201"]
    assert by_id["french"]["codes"] == [] and by_id["french"]["experience"] is None
    assert len(by_id["healthcare"]["codes"]) == 37


def test_before_first_list_categories_on_says_so():
    r = cats.categories_on("2022-01-01")
    assert r["list"] is None and r["categories"] == [] and "2023-05-31" in r["note"]


def test_diff_2025_2026():
    d = cats.diff_lists("2025", "2026")
    added = {c["id"] for c in d["categories_added"]}
    removed = {c["id"] for c in d["categories_removed"]}
    assert added == {"transport", "physicians", "senior_managers", "researchers", "military"}
    assert removed == {"agriculture"}
    changed = {c["id"]: c for c in d["categories_changed"]}
    assert changed["trades"]["added"] == ["63201"] and changed["trades"]["removed"] == ["63200"]
    # same healthcare codes, but the experience rule went from 6 continuous to 12 months
    assert changed["healthcare"]["added"] == [] and changed["healthcare"]["requirements_changed"]


def test_diff_2023_2025_healthcare_and_stem():
    d = cats.diff_lists("2023", "2025")
    changed = {c["id"]: c for c in d["categories_changed"]}
    hc = changed["healthcare"]
    assert hc["renamed"] and hc["name_b"] == "Healthcare and social services occupations"
    assert sorted(hc["removed"]) == sorted(["41320", "42203", "31204", "33109", "32209", "32200"])
    assert sorted(hc["added"]) == sorted(["32104", "32123", "32111", "32129", "31120", "32124", "42201", "41300"])
    assert (len(changed["stem"]["removed"]), len(changed["stem"]["added"])) == (19, 6)
    assert {c["id"] for c in d["categories_added"]} == {"education"}
    assert {c["id"] for c in d["categories_removed"]} == {"transport"}


def test_diff_2025_to_2025_12_adds_only_physicians():
    d = cats.diff_lists("2025", "2025-12")
    assert [c["id"] for c in d["categories_added"]] == ["physicians"]
    assert d["categories_removed"] == [] and d["categories_changed"] == []


def test_diff_of_a_list_with_itself_is_empty():
    d = cats.diff_lists("2024", "2024")
    assert not (d["categories_added"] or d["categories_removed"] or d["categories_changed"])


def test_unknown_list_names_the_known_ones():
    with pytest.raises(UserError) as exc:
        cats.diff_lists("2025", "2027")
    assert "2025-12" in str(exc.value)
