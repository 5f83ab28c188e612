"""`noc-match align CODE [TEXT]`: does this job really match the NOC code I am about to claim?"""
from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import Any

from ..cli import add_command
from .text_input import read_text_input
from ..errors import UserError
from ..output import table

_EXT_FORMAT = {".md": "md", ".markdown": "md", ".json": "json", ".csv": "csv"}


def _write(path: Path, text: str) -> None:
    """Write atomically so an interrupted export never leaves half a file."""
    path = path.expanduser()
    if not path.parent.is_dir():
        raise UserError(f"folder not found for --out: {path.parent}")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def render(report: Any) -> str:
    r = report
    pct = lambda x: f"{round(100 * x)} %"  # noqa: E731
    lines = [
        f"{r.code}  {r.title}  (TEER {r.teer})",
        f"verdict: {r.verdict.upper()} match  (fit {r.fit:.2f})",
        f"coverage of main duties: {pct(r.coverage)}   essential: {pct(r.essential_coverage)}   "
        f"your statements that fit: {pct(r.precision)}   lead statement: {'matched' if r.lead_covered else 'not matched'}",
    ]
    if r.best_section:
        lines.append(f"role best covered: {r.best_section} ({pct(r.best_section_coverage)})")
    lines += ["", "Why:"] + [f"  - {x}" for x in r.reasons]
    if r.checks:
        lines += ["", "What to check:"] + [f"  - {x}" for x in r.checks]
    rows = []
    for d in r.duties:
        label = "LEAD" if d.kind == "lead" else (d.section or "")
        rows.append((label, d.noc_text, d.status, f"{d.similarity:.2f}", d.user_text or ""))
    lines += ["", f"NOC {r.code} duties:", table(rows, ["role", "NOC duty", "status", "sim", "your statement"], max_width=50)]
    rows = [
        (u.index + 1, u.text, u.status, f"{u.similarity:.2f}", u.noc_duty or f"fits no duty of {r.code}",
         f"{u.better_code} {u.better_title}" if u.better_code else "")
        for u in r.user_duties
    ]
    lines += ["", "Your statements:", table(rows, ["#", "statement", "status", "sim", f"{r.code} duty", "fits better"], max_width=40)]
    if r.look_alikes:
        rows = [
            (a.code, a.title, a.source, pct(a.coverage), pct(a.precision), a.verdict, "YES" if a.fits_better else "")
            for a in r.look_alikes
        ]
        lines += ["", "Look-alike codes:", table(rows, ["code", "title", "why", "coverage", "fit stmts", "verdict", "fits better"], max_width=44)]
    lines += ["", r.disclaimer]
    return "\n".join(lines)


def _align(args: argparse.Namespace) -> tuple[Any, str]:
    from ..align import align
    from ..align_export import FORMATS, export
    from ..catalog import Catalog

    Catalog.load().require(args.code)  # a bad code fails before reading stdin
    text = read_text_input(args.text, args.file, "duties")
    fmt = args.format
    if args.out and not fmt:
        fmt = _EXT_FORMAT.get(Path(args.out).suffix.lower(), "md")
    if fmt and fmt not in FORMATS:
        raise UserError(f"unknown --format {fmt!r}; use one of {', '.join(FORMATS)}")
    from ..matcher import Matcher

    report = align(args.code, text, matcher=Matcher.load(progress=True))
    if args.out:
        _write(Path(args.out), export(report, fmt))
        return report, render(report) + f"\n\nsaved the {fmt} export to {args.out}"
    if fmt:
        return report, export(report, fmt)
    return report, render(report)


def register(subparsers: Any) -> None:
    p = add_command(
        subparsers,
        "align",
        _align,
        "check a job's duties against the lead statement and main duties of one NOC code",
    )
    p.add_argument("code", help="5-digit NOC 2021 code you intend to claim, e.g. 21231")
    p.add_argument("text", nargs="?", help="the duties (quote them), or - to read stdin")
    p.add_argument("--file", metavar="F", help="read the duties from a text file")
    p.add_argument("--format", choices=("md", "json", "csv"), help="print (or save with --out) this export instead of the summary")
    p.add_argument("--out", metavar="FILE", help="save the export to FILE (format from --format or the file extension)")
