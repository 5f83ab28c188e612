"""Federal Skilled Worker: the 67-point selection grid and proof of funds, read from `data/rules/fsw.yaml`.

Pure functions over plain values (CLB levels, years, an education id); `noc_match.rules.eligibility`
turns a person's profile into these values.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from ..errors import UserError
from .dated import load_table, parse_date, pick

ABILITIES = ("listening", "reading", "writing", "speaking")


def fsw_version(on: dt.date | str | None = None) -> Mapping[str, Any] | None:
    """The FSW minimum requirements and grid in force on `on` (None before the first version)."""
    return pick(load_table("fsw")["versions"], parse_date(on))


def require_version(on: dt.date | str | None = None) -> Mapping[str, Any]:
    version = fsw_version(on)
    if version is None:
        first = min(parse_date(v["effective_from"]) for v in load_table("fsw")["versions"])
        raise UserError(f"no FSW rules in force on {parse_date(on).isoformat()} in data/rules/fsw.yaml "
                        f"(they start {first.isoformat()})")
    return version


def _row(table: list[Mapping[str, Any]], key: str, value: float) -> Mapping[str, Any] | None:
    for row in table:
        if row[f"{key}_min"] <= value <= row[f"{key}_max"]:
            return row
    return None


def language_points(first_clb: Mapping[str, int] | None, second_clb: Mapping[str, int] | None,
                    on: dt.date | str | None = None) -> dict[str, Any]:
    """Factor 1: per-ability points for the first official language, plus the second-language points."""
    grid = require_version(on)["selection_grid"]["language"]
    first_rows = grid["first_official_language"]["per_ability"]
    per_ability: dict[str, int] = {}
    for ability in ABILITIES:
        level = (first_clb or {}).get(ability, 0)
        row = next((r for r in first_rows if r["clb_min"] <= level <= r["clb_max"]), None)
        per_ability[ability] = int(row["points"]) if row else 0
    second_points = 0
    second_rule = grid["second_official_language"]
    if second_clb:
        threshold = int(second_rule["clb_min_each"])
        if all(second_clb.get(a, 0) >= threshold for a in ABILITIES):
            second_points = int(second_rule["max"])
    first_total = min(sum(per_ability.values()), int(grid["first_official_language"]["max"]))
    return {"first_language": per_ability, "first_language_total": first_total,
            "second_language": second_points, "points": min(first_total + second_points, int(grid["max"])),
            "max": int(grid["max"])}



def education_points(education: str, on: dt.date | str | None = None) -> int:
    """Factor 2: points for the highest credential (an id of profile.EDUCATION_LEVELS; `none` gives 0)."""
    levels = require_version(on)["selection_grid"]["education"]["levels"]
    for level in levels:
        if level["id"] == education:
            return int(level["points"])
    return 0


def experience_points(years: float, on: dt.date | str | None = None) -> int:
    """Factor 3: completed years of full-time skilled work within the last 10 years."""
    table = require_version(on)["selection_grid"]["work_experience"]["table"]
    row = _row(table, "years", int(years))
    return int(row["points"]) if row else 0


def age_points(age: int, on: dt.date | str | None = None) -> int:
    """Factor 4: age on the application date."""
    row = _row(require_version(on)["selection_grid"]["age"]["table"], "age", int(age))
    return int(row["points"]) if row else 0


def arranged_employment_points(has_offer: bool, on: dt.date | str | None = None) -> int:
    """Factor 5: a qualifying offer of arranged employment (IRPR 82)."""
    return int(require_version(on)["selection_grid"]["arranged_employment"]["points"]) if has_offer else 0


def adaptability_points(items: Mapping[str, bool], on: dt.date | str | None = None) -> dict[str, Any]:
    """Factor 6: the adaptability items met (ids as in fsw.yaml), capped at the factor maximum."""
    grid = require_version(on)["selection_grid"]["adaptability"]
    known = {i["id"]: int(i["points"]) for i in grid["items"]}
    unknown = sorted(set(items) - set(known))
    if unknown:
        raise UserError(f"unknown FSW adaptability item(s): {', '.join(unknown)}; known: {', '.join(known)}")
    awarded = {k: known[k] for k, v in items.items() if v}
    return {"items": awarded, "points": min(sum(awarded.values()), int(grid["max"])), "max": int(grid["max"])}


def selection_points(*, age: int, education: str, first_clb: Mapping[str, int] | None,
                     second_clb: Mapping[str, int] | None = None, experience_years: float = 0,
                     arranged_employment: bool = False, adaptability: Mapping[str, bool] | None = None,
                     on: dt.date | str | None = None) -> dict[str, Any]:
    """The six-factor grid: {"breakdown": {factor: points}, "details", "total", "pass_mark", "passes"}."""
    version = require_version(on)
    grid = version["selection_grid"]
    lang = language_points(first_clb, second_clb, on)
    adapt = adaptability_points(adaptability or {}, on)
    breakdown = {
        "language": lang["points"],
        "education": education_points(education, on),
        "experience": experience_points(experience_years, on),
        "age": age_points(age, on),
        "arranged_employment": arranged_employment_points(arranged_employment, on),
        "adaptability": adapt["points"],
    }
    maxima = {k: int(grid[g]["max"]) for k, g in (("language", "language"), ("education", "education"),
                                                   ("experience", "work_experience"), ("age", "age"),
                                                   ("arranged_employment", "arranged_employment"),
                                                   ("adaptability", "adaptability"))}
    total = sum(breakdown.values())
    return {"breakdown": breakdown, "maxima": maxima,
            "details": {"language": lang, "adaptability": adapt["items"], "experience_years": int(experience_years)},
            "total": total, "total_max": int(grid["total_max"]), "pass_mark": int(grid["pass_mark"]),
            "passes": total >= int(grid["pass_mark"]),
            "rules_used": {"table": "data/rules/fsw.yaml", "effective_from": version["effective_from"],
                           "effective_to": version.get("effective_to"), "source": version["source"]}}


def proof_of_funds(family_size: int, on: dt.date | str | None = None) -> dict[str, Any]:
    """Funds (CAD) needed for a family of `family_size` on `on`, with the table used.

    Above the largest family size listed, each additional member adds the table's stated amount.
    Raises UserError when no table covers the date.
    """
    day = parse_date(on)
    if isinstance(family_size, bool) or not isinstance(family_size, int) or family_size < 1:
        raise UserError(f"family_size: {family_size!r} must be a whole number of at least 1")
    pof = load_table("fsw")["proof_of_funds"]
    table = pick(pof["tables"], day)
    if table is None:
        first = min(parse_date(t["effective_from"]) for t in pof["tables"])
        raise UserError(f"no proof-of-funds table in force on {day.isoformat()} in data/rules/fsw.yaml "
                        f"(the tables start {first.isoformat()})")
    amounts = {int(k): int(v) for k, v in table["funds_cad"].items()}
    largest = max(amounts)
    if family_size in amounts:
        required = amounts[family_size]
    else:
        required = amounts[largest] + (family_size - largest) * int(table["each_additional_member_cad"])
    return {"family_size": family_size, "required_cad": required, "table": table["label"],
            "effective_from": parse_date(table["effective_from"]).isoformat(),
            "effective_to": parse_date(table["effective_to"]).isoformat() if table.get("effective_to") else None,
            "source": pof["source"]}
