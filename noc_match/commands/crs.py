"""`noc-match crs` (score profiles, what-ifs, draw comparison) and `noc-match draws` (list, update)."""
from __future__ import annotations

import argparse
from typing import Any

from ..cli import add_command
from .text_input import read_json_input
from ..errors import UserError
from ..output import table
from ..rules import crs as crs_rules
from ..rules import draws as draws_rules
from ..rules.dated import parse_date
from ..rules.profile import parse_profile
from ..rules.whatif import what_ifs

_SECTION_TITLES = {
    "core": "A. Core / human capital",
    "spouse": "B. Spouse or common-law partner",
    "transferability": "C. Skill transferability",
    "additional": "D. Additional points",
}


def _parse_all(objs: list[Any], on: str | None) -> list[Any]:
    """Every profile parsed; one UserError lists the bad fields of all bad profiles."""
    parsed, details = [], []
    for i, obj in enumerate(objs):
        try:
            parsed.append(parse_profile(obj, on))
        except UserError as exc:
            prefix = f"profile #{i + 1}: " if len(objs) > 1 else ""
            details += [prefix + d for d in (exc.details or [exc.message])]
    if details:
        raise UserError(f"bad profile data ({len(details)} problem{'s' if len(details) > 1 else ''})", details=details)
    return parsed


def _result_text(r: crs_rules.CrsResult) -> str:
    out = [f"CRS score on {r.on.isoformat()}: {r.total} "
           f"({'with' if r.with_spouse else 'without'} an accompanying spouse)"]
    for section in crs_rules.SECTIONS:
        if section == "spouse" and not r.with_spouse:
            continue
        rows = [(k.split(".", 1)[1], v) for k, v in r.items.items() if k.startswith(section + ".")]
        rows += [(f"{k.split('.', 1)[1]} (after cap)", v) for k, v in r.subtotals.items() if k.startswith(section + ".")]
        rows.append(("total", getattr(r, section)))
        out += ["", _SECTION_TITLES[section], table(rows, ["line", "points"])]
    levels = [(name, ", ".join(f"{a} {v}" for a, v in lv.items())) for name, lv in r.clb.items() if lv]
    if levels:
        out += ["", table(levels, ["language", "CLB/NCLC per ability"])]
    out += [f"warning: {w}" for w in r.warnings]
    return "\n".join(out)


def _kinds_for_noc(code: str, profile: Any, result: Any, day: Any) -> list[str]:
    """Draw kinds for this code on `day` and this person (French NCLC 7+, nomination)."""
    from ..catalog import Catalog
    from ..rules import language
    from ..rules.occupation import occupation_rules

    ug = Catalog.load().require(code)
    french = None
    for key, lang in (("first_language", profile.first_language), ("second_language", profile.second_language)):
        if lang is not None and language.is_french(lang.test):
            french = result.clb.get(key)
    return draws_rules.kinds_for_code(occupation_rules(ug.code, day), french_nclc=french,
                                      provincial_nomination=bool(profile.provincial_nomination))


def _crs(args: argparse.Namespace) -> tuple[Any, str]:
    data = read_json_input(args.file)
    single = not isinstance(data, list)
    objs = [data] if single else data
    day = parse_date(args.on)
    kinds = [k.strip() for k in (args.compare or "").split(",") if k.strip()]
    crs_rules.grid(day)  # a date without a CRS grid is one error, not one per profile field
    profiles = _parse_all(objs, day.isoformat())
    payload, texts = [], []
    for p in profiles:
        r = crs_rules.score_profile(p, day)
        item: dict[str, Any] = r.to_dict()
        text = _result_text(r)
        if args.what_if:
            wis = what_ifs(p, day, limit=args.limit)
            item["what_ifs"] = wis
            text += "\n\nWhat would raise the score most\n" + (table(
                [(w.description, f"+{w.gain}", w.new_total) for w in wis], ["change", "gain", "new total"])
                if wis else "(no single change found that raises the score)")
        wanted = list(kinds)
        if args.noc:
            wanted += [k for k in _kinds_for_noc(args.noc, p, r, day) if k not in wanted]
            item["noc"] = args.noc
        if wanted:
            item["draw_kinds"] = wanted
            comps = draws_rules.compare_with_draws(r.total, wanted, on=day, last=args.last)
            item["draws"] = [c.to_dict() for c in comps]
            text += "\n\nCompared with the latest draws\n" + table(
                [(c.label, c.latest_date or "-", c.latest_cutoff if c.latest_cutoff is not None else "-",
                  f"{c.margin:+d}" if c.margin is not None else "-", f"{c.rounds_met}/{len(c.rounds)}")
                 for c in comps], ["kind", "latest round", "cut-off", "margin", "rounds met"])
        payload.append(item)
        texts.append(text)
    return (payload[0] if single else payload), ("\n\n" + "=" * 60 + "\n\n").join(texts)


def _draws(args: argparse.Namespace) -> tuple[Any, str]:
    path = draws_rules.draws_path()
    if args.action == "update":
        if not args.source:
            raise UserError("draws update needs --from FILE_OR_URL", details=["--from: IRCC's ee_rounds_123_en.json"])
        res = draws_rules.update_draws(args.source, path)
        text = f"{len(res.added)} new round(s) added, {res.unchanged} already present; {res.total} rounds in {res.path}"
        if res.added:
            text += "\n" + table([(d.round, d.date, d.type, d.crs_cutoff) for d in res.added],
                                 ["round", "date", "type", "cut-off"])
        return res.to_dict(), text
    if args.source:
        raise UserError("--from is only for `noc-match draws update`")
    rows = draws_rules.select(draws_rules.load_draws(path), category=args.category, since=args.since, until=args.until)
    rows = rows[::-1][: args.limit] if args.limit else rows[::-1]
    text = table([(d.round, d.date, d.kind, d.type, d.invitations, d.crs_cutoff) for d in rows],
                 ["round", "date", "kind", "type", "invitations", "cut-off"], max_width=50)
    return [d.to_dict() for d in rows], text + f"\n{len(rows)} round(s), newest first; source: IRCC rounds feed ({path})"


def register(subparsers: Any) -> None:
    p = add_command(subparsers, "crs", _crs,
                    "Comprehensive Ranking System score of one profile or a JSON list of profiles")
    p.add_argument("file", metavar="FILE.json", help="profile JSON (an object or a list); - reads stdin")
    p.add_argument("--on", metavar="YYYY-MM-DD", default=None, help="scoring date (default: today)")
    p.add_argument("--what-if", dest="what_if", action="store_true", help="the changes that would raise the score most")
    p.add_argument("--limit", type=int, default=6, help="how many what-ifs (default 6)")
    p.add_argument("--compare", metavar="KINDS", default=None,
                   help="compare with the latest draws of these kinds, comma-separated (general,cec,fsw,fst,pnp,french,...)")
    p.add_argument("--noc", metavar="CODE", default=None,
                   help="also compare with the draws this NOC code (and the person's French, nomination) can be invited in")
    p.add_argument("--last", type=int, default=3, help="rounds per kind to compare with (default 3)")

    p = add_command(subparsers, "draws", _draws, "Express Entry rounds of invitations: list them, or update from IRCC's feed")
    p.add_argument("action", nargs="?", choices=["list", "update"], default="list", help="list (default) or update")
    p.add_argument("--category", metavar="NAME", default=None, help="draw kind or category name (e.g. cec, french, STEM)")
    p.add_argument("--since", metavar="YYYY-MM-DD", default=None, help="rounds on or after this date")
    p.add_argument("--until", metavar="YYYY-MM-DD", default=None, help="rounds on or before this date")
    p.add_argument("--limit", type=int, default=0, help="newest N rounds only")
    p.add_argument("--from", dest="source", metavar="FILE_OR_URL", default=None,
                   help="update: IRCC's rounds JSON (ee_rounds_123_en.json) as a file or URL")
