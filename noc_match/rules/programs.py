"""Which Express Entry programs an occupation can count for: FSW, CEC (TEER 0-3) and FST (skilled trades).

Everything comes from `data/rules/programs.yaml` (dated `versions`) and `data/rules/teer.yaml`; this module
holds no list of codes and no level of its own. Functions take a NOC 2021 unit-group code as a string, so they
run without the catalog; checking that a code exists is the caller's job (CLI, eligibility).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable, Mapping

from ..errors import UserError
from .dated import load_table, parse_date, pick

PROGRAMS = ("FSW", "CEC", "FST")
_CODE_RE = re.compile(r"^\d{5}$")


def check_code(code: Any, field: str = "code") -> str:
    """A NOC 2021 unit-group code as a 5-character string, or a UserError naming `field`."""
    text = "" if code is None else str(code).strip()
    if not _CODE_RE.match(text):
        raise UserError(f"{field}: {code!r} is not a NOC 2021 unit-group code (5 digits, e.g. 21231)")
    return text


def _version(table_name: str, on: dt.date) -> Mapping[str, Any] | None:
    return pick(load_table(table_name)["versions"], on)


def teer_version(on: dt.date | str | None = None) -> Mapping[str, Any] | None:
    """The TEER table (`data/rules/teer.yaml`) in force on `on`, or None."""
    return _version("teer", parse_date(on))


def teer_of(code: str) -> int:
    """TEER of a unit-group code: the digit named by teer.yaml's code_rule (the second digit)."""
    code = check_code(code)
    versions = load_table("teer")["versions"]
    rule = (pick(versions, None) or versions[-1])["code_rule"]
    return int(code[int(rule["digit_index"])])


def teer_meaning(teer: int, on: dt.date | str | None = None) -> dict[str, Any]:
    """{"teer", "meaning", "definition", "source"} for a TEER level (the current table before NOC 2021 dates)."""
    versions = load_table("teer")["versions"]
    version = pick(versions, on) or versions[-1]
    for level in version["levels"]:
        if int(level["teer"]) == int(teer):
            return {"teer": int(teer), "meaning": level["meaning"],
                    "definition": " ".join(str(level["definition"]).split()), "source": version["source"]}
    raise UserError(f"TEER {teer} is not in data/rules/teer.yaml")


def programs_version(on: dt.date | str | None = None) -> Mapping[str, Any] | None:
    """The `versions` entry of programs.yaml in force on `on` (None before NOC 2021 applied)."""
    return _version("programs", parse_date(on))


def _group_matches(code: str, group_code: str) -> bool:
    # NOC 2021 codes are hierarchical: a unit group's code starts with its minor, sub-major and major group codes.
    return code.startswith(str(group_code))


def fst_group(code: str, on: dt.date | str | None = None) -> Mapping[str, Any] | None:
    """The FST-eligible NOC group that covers `code` on `on` (exclusions applied), or None."""
    code = check_code(code)
    version = programs_version(on)
    if version is None:
        return None
    for group in version["federal_skilled_trades"]["eligible_noc_groups"]["groups"]:
        if _group_matches(code, group["code"]) and not any(
            _group_matches(code, ex["code"]) for ex in group.get("exclude") or []
        ):
            return group
    return None


def fst_excluding_group(code: str, on: dt.date | str | None = None) -> Mapping[str, Any] | None:
    """The excluded sub-group (e.g. 726 Transportation officers) that takes `code` out of FST, if any."""
    version = programs_version(on)
    if version is None:
        return None
    for group in version["federal_skilled_trades"]["eligible_noc_groups"]["groups"]:
        if _group_matches(code, group["code"]):
            for ex in group.get("exclude") or []:
                if _group_matches(code, ex["code"]):
                    return ex
    return None


def fst_unit_groups(codes: Iterable[str], on: dt.date | str | None = None) -> list[str]:
    """The FST-eligible codes among `codes` (e.g. every unit group of the catalog), sorted."""
    return sorted(c for c in codes if fst_group(c, on) is not None)


def _no_rules(on: dt.date) -> dict[str, dict[str, Any]]:
    first = min(parse_date(v["effective_from"]) for v in load_table("programs")["versions"])
    reason = (f"no NOC 2021 program rule in force on {on.isoformat()}: the rules in data/rules/programs.yaml start "
              f"{first.isoformat()} (before that Express Entry used NOC 2016 skill levels, not covered)")
    return {p: {"eligible": False, "reason": reason} for p in PROGRAMS}


def program_eligibility(code: str, on: dt.date | str | None = None) -> dict[str, dict[str, Any]]:
    """{"FSW"|"CEC"|"FST": {"eligible": bool, "reason": str}} for an occupation on a date.

    Occupation only: a person must also meet each program's experience, language, education and funds rules
    (see `noc_match.rules.eligibility`).
    """
    code = check_code(code)
    day = parse_date(on)
    version = programs_version(day)
    if version is None:
        return _no_rules(day)
    teer = teer_of(code)
    skilled = version["skilled_teer"]
    out: dict[str, dict[str, Any]] = {}
    for prog, key in (("FSW", "fsw"), ("CEC", "cec")):
        levels = [int(t) for t in skilled[key]]
        levels_text = ", ".join(str(t) for t in levels)
        if teer in levels:
            out[prog] = {"eligible": True, "reason": f"TEER {teer} is one of the skilled TEER levels for {prog} "
                                                     f"({levels_text})"}
        else:
            out[prog] = {"eligible": False, "reason": f"TEER {teer} is not skilled work for {prog}, which needs "
                                                      f"TEER {levels_text}"}
    group = fst_group(code, day)
    if group is not None:
        level = group["level"]
        what = "is itself" if level == "unit group" else f"is in {level} {group['code']} {group['title']},"
        out["FST"] = {"eligible": True, "reason": f"{code} {what} one of the skilled-trade groups eligible for FST"}
    else:
        ex = fst_excluding_group(code, day)
        if ex is not None:
            out["FST"] = {"eligible": False, "reason": f"{code} is in {ex['level']} {ex['code']} {ex['title']}, "
                                                       "which is excluded from the FST skilled trades"}
        else:
            groups = ", ".join(g["code"] for g in version["federal_skilled_trades"]["eligible_noc_groups"]["groups"])
            out["FST"] = {"eligible": False, "reason": f"{code} is not in a skilled-trade group eligible for FST "
                                                       f"(groups {groups})"}
    return out


def rules_used(on: dt.date | str | None = None) -> dict[str, Any]:
    """Which tables (dates and sources) `program_eligibility` used on `on`."""
    day = parse_date(on)
    version = programs_version(day)
    meta = load_table("programs")["meta"]
    if version is None:
        return {"table": "data/rules/programs.yaml", "effective_from": None, "effective_to": None,
                "source": meta["sources"], "note": "no version in force on this date"}
    fst = version["federal_skilled_trades"]["eligible_noc_groups"]
    return {"table": "data/rules/programs.yaml", "effective_from": version["effective_from"],
            "effective_to": version.get("effective_to"), "source": version["source"],
            "pages": dict(meta["sources"]),
            "fst_groups": {"effective_from": fst["effective_from"], "effective_to": fst.get("effective_to")}}
