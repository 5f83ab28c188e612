"""Accuracy of the matcher on any labelled CSV: top-1 / top-5, TEER level, per kind, speed.

Gold cells may hold several codes separated by ";" (a hit is any of them), as in the
development benchmark where concordances map one occupation to several NOC codes.
"""
from __future__ import annotations

import csv
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import UserError
from .matcher import Matcher


def read_labelled(path: str | Path, text_column: str, gold_column: str, kind_column: str | None) -> pd.DataFrame:
    path = Path(path)
    if not path.is_file():
        raise UserError(f"file not found: {path}")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise UserError(f"{path.name}: not a readable CSV file ({str(exc).splitlines()[0]})") from None
    missing = [c for c in (text_column, gold_column, kind_column) if c and c not in df.columns]
    if missing:
        raise UserError(f"{path.name}: column(s) {', '.join(missing)} not found; columns are: {', '.join(df.columns)}")
    return df


def gold_set(cell: str) -> set[str]:
    return {c.strip().zfill(5) for c in str(cell).split(";") if c.strip()}


def evaluate(
    path: str | Path,
    *,
    text_column: str = "text",
    gold_column: str = "gold_noc2021",
    kind_column: str | None = None,
    strict_column: str | None = None,
    limit: int | None = None,
    misses: str | Path | None = None,
    matcher: Matcher | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Score the matcher on a labelled file; returns rates as fractions in [0, 1]."""
    from tqdm import tqdm

    df = read_labelled(path, text_column, gold_column, kind_column)
    if strict_column and strict_column not in df.columns:
        raise UserError(f"column {strict_column} not found")
    if limit:
        df = df.head(limit)
    df = df[df[text_column].str.strip() != ""]
    if df.empty:
        raise UserError("no labelled rows with text to evaluate")
    matcher = matcher or Matcher.load()
    teers = dict(zip(matcher.index.codes, matcher.index.teers.tolist()))
    tallies: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    miss_rows = []
    latencies = []
    texts = df[text_column].tolist()
    golds = [gold_set(g) for g in df[gold_column]]
    kinds = df[kind_column].tolist() if kind_column else ["all"] * len(df)
    stricts = [gold_set(g) for g in df[strict_column]] if strict_column else [None] * len(df)
    start = time.perf_counter()
    for text, gold, kind, strict in tqdm(zip(texts, golds, kinds, stricts), total=len(texts), disable=not progress, desc="evaluate", unit="q"):
        t0 = time.perf_counter()
        try:
            codes, _, flagged = matcher.rank(text, k=5)
        except UserError:
            codes, flagged = [], True
        latencies.append(time.perf_counter() - t0)
        top1 = bool(codes) and codes[0] in gold
        top5 = bool(set(codes) & gold)
        teer1 = bool(codes) and teers[codes[0]] in {teers.get(g) for g in gold}
        for key in ("*", kind):
            t = tallies[key]
            t["n"] += 1
            t["top1"] += top1
            t["top5"] += top5
            t["teer_top1"] += teer1
            t["flagged"] += flagged
            t["flagged_top1"] += flagged and top1
            t["unflagged_top1"] += (not flagged) and top1
            if strict:
                t["strict_n"] += 1
                t["strict_top1"] += bool(codes) and codes[0] in strict
                t["strict_top5"] += bool(set(codes) & strict)
        if not top1:
            miss_rows.append({"kind": kind, "text": text, "gold": ";".join(sorted(gold)), "predicted": ";".join(codes)})
    elapsed = time.perf_counter() - start

    def rates(t: dict[str, float]) -> dict[str, Any]:
        n = int(t["n"])
        out: dict[str, Any] = {"n": n, "top1": t["top1"] / n, "top5": t["top5"] / n, "teer_top1": t["teer_top1"] / n}
        flagged, unflagged = t["flagged"], n - t["flagged"]
        out["needs_review"] = {
            "flagged": int(flagged),
            "flagged_top1": t["flagged_top1"] / flagged if flagged else None,
            "unflagged_top1": t["unflagged_top1"] / unflagged if unflagged else None,
        }
        if t.get("strict_n"):
            out["strict_top1"] = t["strict_top1"] / t["strict_n"]
            out["strict_top5"] = t["strict_top5"] / t["strict_n"]
        return out

    result = rates(tallies["*"])
    result["by_kind"] = {k: rates(v) for k, v in sorted(tallies.items()) if k != "*"} if kind_column else {}
    lat = sorted(latencies)
    result["queries_per_s"] = len(texts) / elapsed if elapsed else 0.0
    result["latency_ms"] = {"p50": lat[len(lat) // 2] * 1000, "p95": lat[int(len(lat) * 0.95) - 1] * 1000}
    if misses:
        with open(misses, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=["kind", "text", "gold", "predicted"])
            w.writeheader()
            w.writerows(miss_rows)
        result["misses_file"] = str(misses)
    return result
