"""The public Python API: one import, the same objects the CLI prints."""
from __future__ import annotations

import noc_match


def test_public_api_end_to_end(catalog):
    result = noc_match.search("sous chef", k=3)
    assert result.candidates[0].code == "62200"
    assert isinstance(result.candidates[0], noc_match.Candidate)
    report = noc_match.align("62200", "Plan menus and ensure food meets quality standards\nSupervise cooks and other kitchen staff\nCreate new recipes")
    assert report.code == "62200" and report.verdict in {"strong", "partial", "weak"}
    rules = noc_match.occupation_rules("62200", "2025-06-01")
    assert rules["programs"]["FST"]["eligible"] is True
    total = noc_match.crs_score({"age": 29, "education": "bachelors",
                                 "first_language": {"test": "clb", "listening": 9, "reading": 9, "writing": 9, "speaking": 9}}).total
    assert 0 < total <= 1200
    assert noc_match.Catalog.load().get("00010").title == "Legislators"


def test_unknown_attribute():
    import pytest

    with pytest.raises(AttributeError):
        noc_match.no_such_thing  # noqa: B018
