"""Express Entry rules for one NOC 2021 unit group on a date: TEER, FSW/CEC/FST, categories, and the
tables used. Pure: takes a code string, never loads the catalog (callers check the code exists)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from . import categories as _categories
from . import programs as _programs
from .dated import parse_date


def occupation_rules(code: str, on: dt.date | str | None = None) -> dict[str, Any]:
    """Rules for `code` on `on` (default today).

    Returns {"teer": int, "teer_meaning": str, "programs": {"FSW"|"CEC"|"FST": {"eligible", "reason"}},
    "categories": [{"name", "list", "effective_from", "effective_to", "requirements", "source", ...}],
    "rules_used": {...}}. `categories` is empty before the first category list, and
    `rules_used["categories"]["note"]` says so.
    """
    code = _programs.check_code(code)
    day = parse_date(on)
    teer = _programs.teer_of(code)
    meaning = _programs.teer_meaning(teer, day)
    lst = _categories.list_on(day)
    cat_used = _categories.list_summary(lst)
    if lst is None:
        cat_used["note"] = _categories.no_list_reason(day)
    teer_version = _programs.teer_version(day)
    return {
        "code": code,
        "on": day.isoformat(),
        "teer": teer,
        "teer_meaning": meaning["meaning"],
        "teer_definition": meaning["definition"],
        "programs": _programs.program_eligibility(code, day),
        "categories": _categories.categories_for_code(code, day),
        "rules_used": {
            "on": day.isoformat(),
            "teer": {"table": "data/rules/teer.yaml", "source": meaning["source"],
                     "effective_from": teer_version["effective_from"] if teer_version else None},
            "programs": _programs.rules_used(day),
            "categories": {"table": "data/rules/categories.yaml", **cat_used},
        },
    }
