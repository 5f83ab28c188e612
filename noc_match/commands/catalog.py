"""`noc-match show` and `noc-match convert`: reading the NOC catalog."""
from __future__ import annotations

import argparse
from typing import Any

from ..catalog import Catalog, UnitGroup
from ..cli import add_command
from ..output import table
from ..rules.dated import parse_date


def occupation_payload(ug: UnitGroup, on: Any = None) -> dict:
    """A unit group's record plus the Express Entry rules in force on `on`."""
    from ..rules.occupation import occupation_rules

    payload = ug.to_dict()
    payload.update(occupation_rules(ug.code, parse_date(on)))
    return payload


def render_unit_group(payload: dict) -> str:
    lines = [f"{payload['code']}  {payload['title']}  (TEER {payload['teer']})", ""]
    h = payload["hierarchy"]
    lines += [f"  {lvl.replace('_', ' ')}: {g['code']} {g['title']}" for lvl, g in h.items()]
    lines += ["", "Lead statement:", f"  {payload['lead_statement']}", "", "Main duties:"]
    for s in payload["duty_sections"]:
        if s["heading"]:
            lines.append(f"  [{s['heading']}]")
        lines += [f"  - {d}" for d in s["duties"]]
    for key, label in (
        ("illustrative_examples", "Illustrative examples"),
        ("inclusions", "Inclusions"),
        ("employment_requirements", "Employment requirements"),
        ("additional_information", "Additional information"),
    ):
        if payload.get(key):
            lines += ["", f"{label}:"] + [f"  - {x}" for x in payload[key]]
    if payload.get("exclusions"):
        lines += ["", "Exclusions:"] + [f"  - {e['text']}  → see {e['code']} {e['title']}" for e in payload["exclusions"]]
    lines += ["", f"Example titles: {len(payload['example_titles'])} (use --json for all)"]
    if "programs" in payload:
        lines += ["", "Express Entry:"]
        for prog, p in payload["programs"].items():
            lines.append(f"  {prog}: {'eligible' if p['eligible'] else 'not eligible'} ({p['reason']})")
        cats = payload.get("categories") or []
        lines.append("  Categories: " + (", ".join(f"{c['name']} ({c['list']})" for c in cats) or "none on this date"))
    return "\n".join(lines)


def _show(args: argparse.Namespace) -> tuple[Any, str]:
    catalog = Catalog.load()
    ug = catalog.require(args.code)
    payload = occupation_payload(ug, args.on)
    return payload, render_unit_group(payload)


def _convert(args: argparse.Namespace) -> tuple[Any, str]:
    catalog = Catalog.load()
    rows = catalog.convert_2016(args.code)
    payload = {
        "noc2016": rows[0].noc2016,
        "noc2016_title": rows[0].noc2016_title,
        "noc2021": [{"code": r.noc2021, "title": r.noc2021_title, "change": r.change, "notes": r.notes} for r in rows],
    }
    text = f"NOC 2016 {rows[0].noc2016} {rows[0].noc2016_title} →\n" + table(
        [(r.noc2021, r.noc2021_title, r.change) for r in rows], ["NOC 2021", "title", "type of change"]
    )
    return payload, text


def register(subparsers: Any) -> None:
    p = add_command(subparsers, "show", _show, "print one NOC 2021 unit group in full")
    p.add_argument("code", help="5-digit NOC 2021 code, e.g. 21231")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="date for the Express Entry rules (default: today)")
    p = add_command(subparsers, "convert", _convert, "NOC 2021 code(s) for a NOC 2016 code")
    p.add_argument("code", help="4-digit NOC 2016 code, e.g. 2173")
