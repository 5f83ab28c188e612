"""The catalog holds the real NOC 2021 V1.0 content."""
from __future__ import annotations

from collections import Counter

import pytest

from noc_match.errors import UserError


def test_516_unit_groups_with_teer_counts(catalog):
    assert len(catalog) == 516
    assert Counter(u.teer for u in catalog) == {0: 48, 1: 97, 2: 162, 3: 69, 4: 95, 5: 45}


def test_codes_are_strings_that_keep_their_zeros(catalog):
    ug = catalog.get("00010")
    assert ug is not None and ug.code == "00010" and ug.title == "Legislators"
    assert all(isinstance(u.code, str) and len(u.code) == 5 for u in catalog)
    assert ug.broad_category.code == "0" and ug.major_group.code == "00"
    assert ug.sub_major_group.code == "000" and ug.minor_group.code == "0001"


def test_every_unit_group_has_lead_duties_and_titles(catalog):
    for u in catalog:
        assert u.lead_statement, u.code
        assert u.duties, u.code
        assert u.example_titles, u.code
    assert sum(len(u.example_titles) for u in catalog) > 27000


def test_chefs_keep_role_subheadings_as_structure(catalog):
    chefs = catalog["62200"]
    assert chefs.role_headings == ("Chefs", "Sous-chefs", "Chefs and specialist chefs")
    assert "Chefs" not in chefs.duties and "Sous-chefs" not in chefs.duties
    assert "Create new recipes" in chefs.duties
    assert not any(d.startswith("This group performs") for d in chefs.duties)


def test_groups_without_roles_have_one_unnamed_section(catalog):
    sections = catalog["21231"].duty_sections
    assert len(sections) == 1 and sections[0].heading is None
    assert sections[0].duties[0].startswith("Collect and document users' requirements")


def test_exclusions_point_to_codes(catalog):
    exclusions = {e.code: e for e in catalog["21231"].exclusions}
    assert "21232" in exclusions
    assert exclusions["21232"].title == "Software developers and programmers"
    # Exclusions can point at higher groups too (e.g. a 4-digit minor group); all parse.
    targets = [e.code for u in catalog for e in u.exclusions]
    assert all(targets), "every exclusion names a code"
    assert any(len(t) < 5 for t in targets)
    for t in targets:
        assert catalog.group(t) is not None, t


def test_text_is_cleaned_and_deduplicated(catalog):
    for u in catalog:
        for d in u.duties + u.example_titles:
            assert d == d.strip() and "  " not in d
        assert len(set(x.casefold() for x in u.example_titles)) == len(u.example_titles)


def test_fields_present(catalog):
    nurses = catalog["31301"]
    assert nurses.inclusions or nurses.illustrative_examples
    assert nurses.employment_requirements
    assert any("registered nurse" in t.lower() for t in nurses.example_titles)


def test_concordance_split(catalog):
    rows = catalog.convert_2016("2173")
    assert sorted(r.noc2021 for r in rows) == ["21211", "21231"]
    assert all("Split off" in r.change for r in rows)
    assert [r.noc2021 for r in catalog.convert_2016("11")] == ["00010"]


@pytest.mark.parametrize("bad", ["6220", "62209", "abc", ""])
def test_require_names_closest_codes(catalog, bad):
    with pytest.raises(UserError) as err:
        catalog.require(bad)
    assert "closest codes" in str(err.value)


def test_bad_noc2016_code(catalog):
    with pytest.raises(UserError):
        catalog.convert_2016("99999")
    with pytest.raises(UserError):
        catalog.convert_2016("0000")
