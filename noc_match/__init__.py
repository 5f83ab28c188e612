"""noc-match: NOC 2021 coding, duty alignment and Express Entry rules for immigration to Canada.

The public API every face (CLI, Streamlit page, Python users) calls::

    from noc_match import Matcher, align, occupation_rules, crs_score
    m = Matcher.load()
    result = m.search("sous chef", k=5)
    report = align(result.candidates[0].code, "Plan menus; supervise cooks; create new recipes")
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

from .errors import DataError, UserError  # noqa: E402

_LAZY = {
    # name: (module, attribute) — imported on first use so `import noc_match` stays fast
    "Catalog": ("catalog", "Catalog"),
    "UnitGroup": ("catalog", "UnitGroup"),
    "Matcher": ("matcher", "Matcher"),
    "Candidate": ("matcher", "Candidate"),
    "SearchResult": ("matcher", "SearchResult"),
    "split_duties": ("text", "split_duties"),
    "AlignmentReport": ("align", "AlignmentReport"),
    "evaluate": ("evaluate", "evaluate"),
    "code_csv": ("batch", "code_csv"),
    "code_frame": ("batch", "code_frame"),
    "fetch_data": ("sources", "fetch"),
    "occupation_rules": ("rules.occupation", "occupation_rules"),
    "assess_eligibility": ("rules.eligibility", "assess"),
    "parse_profile": ("rules.profile", "parse_profile"),
    "crs_score": ("rules.crs", "score"),
    "what_ifs": ("rules.whatif", "what_ifs"),
    "compare_with_draws": ("rules.draws", "compare_with_draws"),
}

__all__ = ["__version__", "UserError", "DataError", "search", "align", *_LAZY]


def __getattr__(name: str) -> Any:
    if name == "align":  # the module itself is callable: noc_match.align(code, text)
        import importlib

        return importlib.import_module(".align", __name__)
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f".{module}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'noc_match' has no attribute {name!r}")


def search(text: str, k: int = 5):
    """Rank NOC 2021 unit groups for `text` with the shared, cached matcher."""
    from .matcher import Matcher

    return Matcher.load().search(text, k=k)
