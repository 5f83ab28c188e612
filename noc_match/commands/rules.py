"""`noc-match categories` and `noc-match eligibility`: Express Entry rules by date and for a person."""
from __future__ import annotations

import argparse
from typing import Any

from ..cli import add_command
from .text_input import read_json_input
from ..output import table
from ..rules import categories as cats
from ..rules.dated import parse_date


def _codes_text(codes: list[str], width: int = 100) -> str:
    return ", ".join(codes) if codes else "(no occupation list)"


def _categories(args: argparse.Namespace) -> tuple[Any, str]:
    if args.diff:
        a, b = args.diff
        payload = cats.diff_lists(a, b)
        return payload, _render_diff(payload)
    payload = cats.categories_on(parse_date(args.on))
    if payload["list"] is None:
        return payload, payload["note"]
    lines = [f"Category-based selection list {payload['list']} ({payload['effective_from']} to "
             f"{payload['effective_to'] or 'now'}), in force on {payload['on']}",
             f"Source: {payload['source']}", ""]
    rows = [(c["name"], len(c["codes"]), c["requirements"]) for c in payload["categories"]]
    lines.append(table(rows, ["category", "codes", "requirements"], max_width=90))
    for c in payload["categories"]:
        lines += ["", f"{c['name']}: {_codes_text(c['codes'])}"]
    return payload, "\n".join(lines)


def _render_diff(d: dict[str, Any]) -> str:
    a, b = d["list_a"], d["list_b"]
    lines = [f"Changes from list {a['list']} ({a['effective_from']}) to list {b['list']} ({b['effective_from']})", ""]
    for c in d["categories_added"]:
        lines.append(f"+ category added: {c['name']} ({len(c['codes'])} codes: {_codes_text(c['codes'])})")
    for c in d["categories_removed"]:
        lines.append(f"- category removed: {c['name']} ({len(c['codes'])} codes: {_codes_text(c['codes'])})")
    for c in d["categories_changed"]:
        name = c["name_b"] if not c["renamed"] else f"{c['name_a']} -> {c['name_b']}"
        lines.append(f"~ {name}: {c['count_a']} -> {c['count_b']} codes")
        if c["added"]:
            lines.append(f"    added:   {', '.join(c['added'])}")
        if c["removed"]:
            lines.append(f"    removed: {', '.join(c['removed'])}")
        if c["requirements_changed"]:
            lines.append(f"    requirements now: {c['requirements_b']}")
    if d["categories_unchanged"]:
        lines.append(f"= unchanged: {', '.join(d['categories_unchanged'])}")
    if len(lines) == 2:
        lines.append("no changes")
    return "\n".join(lines)


def _eligibility(args: argparse.Namespace) -> tuple[Any, str]:
    from ..rules.eligibility import assess

    payload = assess(read_json_input(args.profile), parse_date(args.on))
    return payload, render_eligibility(payload)


def render_eligibility(r: dict[str, Any]) -> str:
    p = r["primary_noc"]
    lines = [f"Express Entry eligibility on {r['on']} - primary occupation {p['code']} {p['title'] or ''} "
             f"(TEER {p['teer']})", ""]
    for prog, res in r["programs"].items():
        lines.append(f"{prog}: {'ELIGIBLE' if res['eligible'] else 'not eligible'}")
        for u in res["unmet"]:
            lines.append(f"  - {u}")
        if prog == "FSW":
            pts = res["points"]
            parts = ", ".join(f"{k.replace('_', ' ')} {v}/{pts['maxima'][k]}" for k, v in pts["breakdown"].items())
            lines.append(f"  points: {pts['total']}/{pts['total_max']} (pass mark {pts['pass_mark']}): {parts}")
        pof = res.get("proof_of_funds")
        if pof and pof.get("required_cad") is not None:
            state = "not required" if pof.get("exempt") else f"CAD {pof['required_cad']:,} needed"
            lines.append(f"  proof of funds: {state} for a family of {pof['family_size']} ({pof['table']})")
    c = r["categories"]
    lines.append("")
    if c["list"] is None:
        lines.append(f"Categories: {c['note']}")
    else:
        lines.append(f"Categories (list {c['list']}, from {c['effective_from']}): "
                     + (", ".join(c["qualifies"]) or "none"))
        for d in c["details"]:
            if d["qualifies"] is None:
                lines.append(f"  ? {d['name']}: occupation and experience met; confirm: {'; '.join(d['to_confirm'])}")
            elif d["qualifies"]:
                lines.append(f"  + {d['name']}")
            elif d["met"] or (d["unmet"] and not d["unmet"][-1].startswith("occupation:")):
                lines.append(f"  - {d['name']}: {'; '.join(d['unmet'])}")
    for n in r["notes"]:
        lines.append(f"note: {n}")
    return "\n".join(lines)


def register(subparsers: Any) -> None:
    p = add_command(subparsers, "categories", _categories,
                    "Express Entry category-based selection: categories and their NOC codes on a date, or the "
                    "changes between two lists")
    p.add_argument("--on", metavar="YYYY-MM-DD", default=None, help="date (default: today)")
    p.add_argument("--diff", nargs=2, metavar=("LIST_A", "LIST_B"),
                   help=f"what changed between two lists (lists: {', '.join(cats.list_names())})")
    p = add_command(subparsers, "eligibility", _eligibility,
                    "FSW (with the 67-point grid and proof of funds), CEC, FST and categories for a person's "
                    "profile (JSON file; see noc_match/rules/eligibility.py for the fields)")
    p.add_argument("profile", metavar="PROFILE.json", help="the person's profile")
    p.add_argument("--on", metavar="YYYY-MM-DD", default=None, help="assessment date (default: today)")
