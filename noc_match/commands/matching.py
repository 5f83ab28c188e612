"""`noc-match search | evaluate | batch | index`: the matcher from the command line."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from ..cli import add_command
from .text_input import read_text_input
from ..output import table
from ..rules.dated import parse_date


def _rules_for(code: str, on: Any) -> dict:
    from ..rules.occupation import occupation_rules

    r = occupation_rules(code, parse_date(on))
    return {k: r[k] for k in ("programs", "categories", "teer_meaning") if k in r}


def _search(args: argparse.Namespace) -> tuple[Any, str]:
    from ..matcher import Matcher

    args.text = (" ".join(args.text) if args.text != ["-"] else "-") if args.text else None
    text = read_text_input(args.text, args.file, "job text")
    result = Matcher.load(progress=True).search(text, k=args.top)
    for c in result.candidates:
        c.rules = _rules_for(c.code, args.on)
    rows = []
    for c in result.candidates:
        progs = ",".join(p for p, v in (c.rules or {}).get("programs", {}).items() if v.get("eligible")) or "-"
        rows.append((c.rank, c.code, c.title, c.teer, f"{c.score:.2f}", progs, "; ".join(c.evidence.example_titles[:1])))
    text_out = table(rows, ["#", "code", "title", "TEER", "score", "programs", "matched title"], max_width=48)
    if result.needs_review:
        text_out += "\nneeds review: " + "; ".join(result.review_reasons)
    return result, text_out


def _evaluate(args: argparse.Namespace) -> tuple[Any, str]:
    from ..evaluate import evaluate

    res = evaluate(
        args.csv,
        text_column=args.text_column,
        gold_column=args.gold_column,
        kind_column=args.kind_column,
        strict_column=args.strict_column,
        limit=args.limit,
        misses=args.misses,
        progress=sys.stderr.isatty() and not args.json,
    )
    pct = lambda x: "" if x is None else f"{100 * x:.1f}%"  # noqa: E731
    rows = [("all", res["n"], pct(res["top1"]), pct(res["top5"]), pct(res["teer_top1"]))]
    rows += [(k, v["n"], pct(v["top1"]), pct(v["top5"]), pct(v["teer_top1"])) for k, v in res["by_kind"].items()]
    out = table(rows, ["kind", "n", "top-1", "top-5", "TEER top-1"])
    nr = res["needs_review"]
    out += (
        f"\nneeds_review: {nr['flagged']} flagged, top-1 {pct(nr['flagged_top1'])} flagged vs "
        f"{pct(nr['unflagged_top1'])} unflagged\n{res['queries_per_s']:.0f} queries/s, "
        f"p50 {res['latency_ms']['p50']:.1f} ms, p95 {res['latency_ms']['p95']:.1f} ms"
    )
    return res, out


def _batch(args: argparse.Namespace) -> tuple[Any, str]:
    from ..batch import code_csv

    res = code_csv(args.csv, args.out, args.column, top=args.top, progress=sys.stderr.isatty() and not args.json)
    return res, f"coded {res['rows']} rows into {res['output']} ({res['needs_review']} need review, {res['blank']} blank)"


def _index_build(args: argparse.Namespace) -> tuple[Any, str]:
    from .. import index as idx
    from ..catalog import Catalog

    reason = idx.check()
    if reason is None and not args.force:
        return {"status": "valid", "path": str(idx.models_dir())}, f"index is up to date in {idx.models_dir()}"
    built = idx.build(Catalog.load())
    path = idx.save(built)
    return {"status": "built", "path": str(path), **built.meta}, f"index built in {built.meta['build_seconds']} s → {path}"


def _index_status(args: argparse.Namespace) -> tuple[Any, str]:
    from .. import index as idx

    reason = idx.check()
    return {"valid": reason is None, "reason": reason}, "index is valid" if reason is None else f"index needs a rebuild: {reason}"


def register(subparsers: Any) -> None:
    p = add_command(subparsers, "search", _search, "rank NOC 2021 codes for a job title, duties or a posting")
    p.add_argument("text", nargs="*", help="the text (or - for stdin)")
    p.add_argument("--file", metavar="F", help="read the text from a file")
    p.add_argument("--top", type=int, default=5, metavar="K", help="how many codes (default 5)")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="date for the Express Entry rules (default: today)")
    p.set_defaults(text_list=True)

    p = add_command(subparsers, "evaluate", _evaluate, "accuracy on a labelled CSV (top-1, top-5, TEER, per kind, speed)")
    p.add_argument("csv")
    p.add_argument("--text-column", default="text")
    p.add_argument("--gold-column", default="gold_noc2021")
    p.add_argument("--kind-column", default=None)
    p.add_argument("--strict-column", default=None, help="a second, narrower gold column to report beside")
    p.add_argument("--limit", type=int, default=None, help="only the first N rows")
    p.add_argument("--misses", metavar="FILE", help="write the top-1 misses to a CSV file")

    p = add_command(subparsers, "batch", _batch, "code every row of a CSV column into a new CSV")
    p.add_argument("csv")
    p.add_argument("--column", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--top", type=int, default=3)

    idx = subparsers.add_parser("index", help="build or check the search index")
    sub = idx.add_subparsers(dest="index_command", required=True, parser_class=type(idx))
    b = add_command(sub, "build", _index_build, "build the index under models/ (skips a valid one)")
    b.add_argument("--force", action="store_true")
    add_command(sub, "status", _index_status, "is the saved index valid for this data and these libraries?")
