"""Small, Streamlit-free helpers for the web page (`app.py`): text escaping, draw kinds, batch rows.

Nothing here writes to disk or logs what the user pasted; everything works on in-memory values.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, is_dataclass
from typing import Any, Iterable, Mapping, Sequence

# characters that Streamlit markdown would interpret (markdown, LaTeX `$`, colour directives `:`)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$:<])")


def md_escape(text: object) -> str:
    """`text` as literal markdown (user text must never be read as markup, links or LaTeX)."""
    s = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", s)


def pct(x: float | None) -> str:
    return "-" if x is None else f"{round(100 * float(x))} %"


def program_badges(rules: Mapping[str, Any]) -> list[tuple[str, bool, str]]:
    """(program, eligible, reason) for FSW, CEC and FST from `occupation_rules`."""
    progs = rules.get("programs") or {}
    return [(p, bool(progs.get(p, {}).get("eligible")), str(progs.get(p, {}).get("reason", "")))
            for p in ("FSW", "CEC", "FST")]


def draw_kinds_for(rules: Mapping[str, Any] | None, *, french_nclc: Mapping[str, int] | None = None,
                   provincial_nomination: bool = False) -> list[str]:
    """Draw kinds worth comparing with for a code and a person.

    General rounds always; the programs the code's TEER allows; the code's categories on the
    date; French-language rounds when the person's French result is NCLC 7 in every ability;
    PNP rounds when nominated. This is a starting choice the user can change (the person's own
    program eligibility needs their work history, see `noc-match eligibility`).
    """
    from .rules.draws import kind_of

    kinds = ["general"]
    if rules:
        for prog, eligible, _ in program_badges(rules):
            if eligible:
                kinds.append(prog.lower())
        for cat in rules.get("categories") or []:
            k = kind_of(str(cat.get("id") or ""))
            if k == "other":
                k = kind_of(str(cat.get("name") or ""))
            if k != "other":
                kinds.append(k)
    if french_nclc and len(french_nclc) == 4 and min(french_nclc.values()) >= 7:
        kinds.append("french")
    if provincial_nomination:
        kinds.append("pnp")
    out: list[str] = []
    for k in kinds:
        if k not in out:
            out.append(k)
    return out


def batch_rows(texts: Sequence[object], search, k: int = 3, on_progress=None) -> list[dict[str, Any]]:
    """Code each text with `search(text, k)` (a `Matcher.search`); bad rows get an `error` cell."""
    from .errors import UserError

    rows: list[dict[str, Any]] = []
    n = len(texts)
    for i, text in enumerate(texts):
        row: dict[str, Any] = {"noc_code": "", "noc_title": "", "teer": "", "score": "",
                               "needs_review": "", "runners_up": "", "error": ""}
        try:
            res = search("" if text is None else str(text), k)
            if res.candidates:
                top = res.candidates[0]
                row.update(noc_code=top.code, noc_title=top.title, teer=top.teer, score=round(top.score, 4),
                           needs_review=res.needs_review,
                           runners_up="; ".join(f"{c.code} {c.title}" for c in res.candidates[1:]))
        except UserError as exc:
            row["error"] = exc.message
        rows.append(row)
        if on_progress is not None:
            on_progress(i + 1, n)
    return rows


def _plain(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    return obj


def report_markdown(report: Any) -> str:
    """The alignment report as Markdown (the engine's `to_markdown` when it has one)."""
    try:
        from .align import to_markdown  # type: ignore[attr-defined]
    except ImportError:
        to_markdown = None
    if to_markdown is not None:
        return to_markdown(report)
    r = report
    lines = [f"# Duty alignment: {r.code} {r.title} (TEER {r.teer})", "",
             f"- Verdict: **{r.verdict}** (fit {pct(r.fit)})",
             f"- Coverage of main duties: {pct(r.coverage)}; essential duties: {pct(r.essential_coverage)}",
             f"- Lead statement matched: {'yes' if r.lead_covered else 'no'}",
             f"- Your statements that fit the code: {pct(r.precision)}", ""]
    lines += [f"- {x}" for x in r.reasons] + [""]
    lines += ["## NOC duties", "", "| status | similarity | NOC duty | your statement |", "|---|---|---|---|"]
    for d in r.duties:
        lines.append(f"| {d.status} | {d.similarity:.2f} | {_cell(d.noc_text)} | {_cell(d.user_text or '')} |")
    lines += ["", "## Your statements", "", "| status | similarity | your statement | better code |", "|---|---|---|---|"]
    for u in r.user_duties:
        better = f"{u.better_code} {u.better_title}" if u.better_code else ""
        lines.append(f"| {u.status} | {u.similarity:.2f} | {_cell(u.text)} | {_cell(better)} |")
    if r.look_alikes:
        lines += ["", "## Look-alike codes", "", "| code | title | fit | verdict | fits better |", "|---|---|---|---|---|"]
        for a in r.look_alikes:
            lines.append(f"| {a.code} | {_cell(a.title)} | {pct(a.fit)} | {a.verdict} | {'yes' if a.fits_better else 'no'} |")
    lines += ["", f"_{r.disclaimer}_", ""]
    return "\n".join(lines)


def _cell(s: str) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def report_json(report: Any) -> str:
    try:
        from .align import to_json  # type: ignore[attr-defined]
    except ImportError:
        to_json = None
    if to_json is not None:
        out = to_json(report)
        return out if isinstance(out, str) else json.dumps(out, ensure_ascii=False, indent=2, default=str)
    return json.dumps(_plain(report), ensure_ascii=False, indent=2, default=str)


def report_csv(report: Any) -> str:
    try:
        from .align import to_csv  # type: ignore[attr-defined]
    except ImportError:
        to_csv = None
    if to_csv is not None:
        return to_csv(report)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["kind", "section", "noc_text", "essential", "status", "similarity", "user_text"])
    for d in report.duties:
        w.writerow([d.kind, d.section or "", d.noc_text, d.essential, d.status, d.similarity, d.user_text or ""])
    return buf.getvalue()


def to_csv_bytes(header: Iterable[str], rows: Iterable[Mapping[str, Any]]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(header), extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue().encode("utf-8")
