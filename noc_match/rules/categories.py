"""Express Entry category-based selection: which list is in force on a date, which categories a code is in,
and what changed between two lists.

All lists, codes, dates and requirements come from `data/rules/categories.yaml`. A date before a list's
start falls in the previous list (lists are contiguous, each with effective_from / effective_to); a date
before the first list has no categories.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from ..errors import UserError
from .dated import load_table, parse_date, pick

_NO_EXTRA = "none beyond the list's experience_rule."


def all_lists() -> list[Mapping[str, Any]]:
    """Every category list, oldest first."""
    lists = load_table("categories")["lists"]
    return sorted(lists, key=lambda l: parse_date(l["effective_from"]))


def list_names() -> list[str]:
    return [str(l["list"]) for l in all_lists()]


def get_list(name: str) -> Mapping[str, Any]:
    """A list by its name (e.g. "2025", "2025-12"); UserError naming the known lists otherwise."""
    for lst in all_lists():
        if str(lst["list"]) == str(name).strip():
            return lst
    raise UserError(f"unknown category list {name!r}; known lists: {', '.join(list_names())}")


def list_on(on: dt.date | str | None = None) -> Mapping[str, Any] | None:
    """The category list in force on `on` (None before the first list)."""
    return pick(all_lists(), parse_date(on))


def no_list_reason(on: dt.date | str | None = None) -> str:
    day = parse_date(on)
    first = all_lists()[0]
    return (f"no category-based selection list was in force on {day.isoformat()}: the first list "
            f"({first['list']}) starts {parse_date(first['effective_from']).isoformat()}")


def _experience(lst: Mapping[str, Any], cat: Mapping[str, Any]) -> Mapping[str, Any] | None:
    return cat["experience"] if "experience" in cat else lst.get("experience")


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def category_entry(lst: Mapping[str, Any], cat: Mapping[str, Any]) -> dict[str, Any]:
    """One category of one list in the public shape used by `occupation_rules` and the CLI."""
    requirements = _text(cat.get("requirements"))
    if requirements.lower() == _NO_EXTRA:
        requirements = _text(lst.get("experience_rule"))
    return {
        "id": cat["id"],
        "name": cat["name"],
        "list": str(lst["list"]),
        "effective_from": parse_date(lst["effective_from"]).isoformat(),
        "effective_to": parse_date(lst["effective_to"]).isoformat() if lst.get("effective_to") else None,
        "requirements": requirements,
        "experience": dict(_experience(lst, cat)) if _experience(lst, cat) else None,
        "language": dict(cat["language"]) if cat.get("language") else None,
        "education_min": cat.get("education_min"),
        "other_conditions": list(cat.get("other_conditions") or []),
        "codes": list(cat.get("codes") or []),
        "source": lst["source"],
        "sources": list(cat.get("sources") or []),
        "confidence": cat.get("confidence"),
    }


def categories_for_code(code: str, on: dt.date | str | None = None) -> list[dict[str, Any]]:
    """Every category whose occupation list holds `code` on `on` (without the `codes` list)."""
    lst = list_on(on)
    if lst is None:
        return []
    out = []
    for cat in lst["categories"]:
        if code in (cat.get("codes") or []):
            entry = category_entry(lst, cat)
            entry.pop("codes")
            out.append(entry)
    return out


def list_summary(lst: Mapping[str, Any] | None) -> dict[str, Any]:
    """{"list", "effective_from", "effective_to", "source"} of a list (all None when there is none)."""
    if lst is None:
        return {"list": None, "effective_from": None, "effective_to": None, "source": None}
    return {"list": str(lst["list"]),
            "effective_from": parse_date(lst["effective_from"]).isoformat(),
            "effective_to": parse_date(lst["effective_to"]).isoformat() if lst.get("effective_to") else None,
            "source": lst["source"]}


def categories_on(on: dt.date | str | None = None) -> dict[str, Any]:
    """The list in force on `on` with every category and its codes."""
    day = parse_date(on)
    lst = list_on(day)
    out: dict[str, Any] = {"on": day.isoformat(), **list_summary(lst)}
    if lst is None:
        out["note"] = no_list_reason(day)
        out["categories"] = []
        return out
    out["experience_rule"] = _text(lst.get("experience_rule"))
    out["categories"] = [category_entry(lst, c) for c in lst["categories"]]
    return out


def diff_lists(list_a: str, list_b: str) -> dict[str, Any]:
    """What changed from list A to list B: categories added/removed/renamed, codes added/removed per category."""
    a, b = get_list(list_a), get_list(list_b)
    cats_a = {c["id"]: c for c in a["categories"]}
    cats_b = {c["id"]: c for c in b["categories"]}
    changed, unchanged = [], []
    for cid in [i for i in cats_a if i in cats_b]:
        ca, cb = cats_a[cid], cats_b[cid]
        codes_a, codes_b = set(ca.get("codes") or []), set(cb.get("codes") or [])
        ea, eb = category_entry(a, ca), category_entry(b, cb)
        rule_a, rule_b = ea["requirements"], eb["requirements"]
        # the structured rules, and the category's own text (a list's wording of its common rule is not a change)
        keys = ("experience", "language", "education_min", "other_conditions")
        own_a, own_b = _text(ca.get("requirements")), _text(cb.get("requirements"))
        rules_differ = any(ea[k] != eb[k] for k in keys) or own_a != own_b
        entry = {
            "id": cid, "name_a": ca["name"], "name_b": cb["name"],
            "added": sorted(codes_b - codes_a), "removed": sorted(codes_a - codes_b),
            "count_a": len(codes_a), "count_b": len(codes_b),
            "renamed": ca["name"] != cb["name"],
            "requirements_changed": rules_differ,
        }
        if entry["added"] or entry["removed"] or entry["renamed"] or entry["requirements_changed"]:
            if entry["requirements_changed"]:
                entry["requirements_a"], entry["requirements_b"] = rule_a, rule_b
            changed.append(entry)
        else:
            unchanged.append(cid)
    return {
        "list_a": list_summary(a), "list_b": list_summary(b),
        "categories_added": [{"id": i, "name": cats_b[i]["name"], "codes": list(cats_b[i].get("codes") or [])}
                             for i in cats_b if i not in cats_a],
        "categories_removed": [{"id": i, "name": cats_a[i]["name"], "codes": list(cats_a[i].get("codes") or [])}
                               for i in cats_a if i not in cats_b],
        "categories_changed": changed,
        "categories_unchanged": unchanged,
    }
