"""Exports of a duty alignment the user can keep: Markdown, JSON (round-trips), CSV of the duty table."""
from __future__ import annotations

import csv
import io
import json

from .align import AlignmentReport, DutyRow
from .errors import UserError

CSV_FIELDS = ("kind", "section", "noc_text", "essential", "status", "similarity", "user_index", "user_text")
FORMATS = ("md", "json", "csv")


def to_json(report: AlignmentReport) -> str:
    """The whole report as one JSON document; `from_json` gives it back unchanged."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def from_json(text: str) -> AlignmentReport:
    """A report saved with `to_json`."""
    try:
        data = json.loads(text)
        return AlignmentReport.from_dict(data)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise UserError(f"not a saved duty alignment (JSON from `noc-match align --format json`): {exc}") from None


def to_csv(report: AlignmentReport) -> str:
    """The per-NOC-duty table, one row per lead statement or main duty."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    w.writeheader()
    for d in report.duties:
        w.writerow(
            {
                "kind": d.kind,
                "section": d.section or "",
                "noc_text": d.noc_text,
                "essential": "yes" if d.essential else "no",
                "status": d.status,
                "similarity": f"{d.similarity:.4f}",
                "user_index": "" if d.user_index is None else d.user_index,
                "user_text": d.user_text or "",
            }
        )
    return buf.getvalue()


def duties_from_csv(text: str) -> list[DutyRow]:
    """The duty table back from `to_csv` output."""
    rows = []
    for r in csv.DictReader(io.StringIO(text)):
        rows.append(
            DutyRow(
                kind=r["kind"],
                section=r["section"] or None,
                noc_text=r["noc_text"],
                essential=r["essential"] == "yes",
                status=r["status"],
                similarity=float(r["similarity"]),
                user_index=int(r["user_index"]) if r["user_index"] != "" else None,
                user_text=r["user_text"] or None,
            )
        )
    return rows


def _cell(text: object) -> str:
    s = "" if text is None else " ".join(str(text).split())
    return s.replace("|", "\\|")


def _pct(x: float) -> str:
    return f"{round(100 * x)} %"


_MARK = {"covered": "✔ covered", "partly": "≈ partly", "not covered": "✘ not covered",
         "fits": "✔ fits", "fits no duty": "✘ fits no duty"}


def to_markdown(report: AlignmentReport) -> str:
    """A readable report: verdict, reasons, what to check, every NOC duty and every statement."""
    r = report
    out = [
        f"# Duty alignment with NOC {r.code} {r.title} (TEER {r.teer})",
        "",
        f"**Verdict: {r.verdict} match** (fit {r.fit:.2f}; strong from {r.thresholds.get('strong_fit', '?')}, "
        f"partial from {r.thresholds.get('partial_fit', '?')})",
        "",
        f"- Coverage of the main duties: {_pct(r.coverage)} (essential duties: {_pct(r.essential_coverage)})",
        f"- Your statements that fit {r.code}: {_pct(r.precision)}",
        f"- Lead statement matched: {'yes' if r.lead_covered else 'no'} (similarity {r.lead_similarity:.2f})",
    ]
    if r.best_section:
        out.append(f"- Role best covered: {r.best_section} ({_pct(r.best_section_coverage)})")
    out += ["", "## Why", ""] + [f"- {x}" for x in r.reasons]
    if r.checks:
        out += ["", "## What to check", ""] + [f"- {x}" for x in r.checks]
    out += ["", f"## NOC {r.code}: lead statement and main duties", ""]
    section = object()
    for d in r.duties:
        if d.kind == "lead":
            out += ["| NOC statement | status | similarity | your best-matching statement |", "|---|---|---|---|"]
            out.append(f"| **Lead statement:** {_cell(d.noc_text)} | {_MARK[d.status]} | {d.similarity:.2f} | {_cell(d.user_text)} |")
            continue
        if d.section != section:
            section = d.section
            if d.section:
                out.append(f"| ***{_cell(d.section)}*** | | | |")
        ess = "" if d.essential else " *(optional)*"
        out.append(f"| {_cell(d.noc_text)}{ess} | {_MARK[d.status]} | {d.similarity:.2f} | {_cell(d.user_text)} |")
    out += ["", "## Your statements", "", f"| # | your statement | status | NOC {r.code} duty it supports | fits better |",
            "|---|---|---|---|---|"]
    for u in r.user_duties:
        better = f"{u.better_code} {_cell(u.better_title)} ({u.better_similarity:.2f})" if u.better_code else ""
        supports = _cell(u.noc_duty) if u.noc_duty else f"fits no duty of {r.code}"
        out.append(f"| {u.index + 1} | {_cell(u.text)} | {_MARK[u.status]} ({u.similarity:.2f}) | {supports} | {better} |")
    if r.look_alikes:
        out += ["", "## Look-alike codes", "", "| code | title | why listed | coverage | your statements that fit | verdict | fits better |",
                "|---|---|---|---|---|---|---|"]
        for a in r.look_alikes:
            out.append(f"| {a.code} | {_cell(a.title)} | {a.source} | {_pct(a.coverage)} | {_pct(a.precision)} | {a.verdict} | "
                       f"{'**yes**' if a.fits_better else 'no'} |")
    out += ["", f"*{r.disclaimer}*", ""]
    return "\n".join(out)


def export(report: AlignmentReport, fmt: str) -> str:
    if fmt == "md":
        return to_markdown(report)
    if fmt == "json":
        return to_json(report)
    if fmt == "csv":
        return to_csv(report)
    raise UserError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
