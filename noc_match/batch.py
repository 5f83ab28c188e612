"""Coding a whole CSV file: one output row per input row, in input order, in bounded memory."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

import pandas as pd

from .errors import UserError
from .matcher import Matcher

OUTPUT_COLUMNS = ("noc_code", "noc_title", "noc_teer", "noc_score", "needs_review", "noc_alternatives", "note")
CHUNK_ROWS = 2000
RANK_BATCH = 512  # rows ranked together (shared matrix products, two threads)


def code_frame(df: pd.DataFrame, column: str, matcher: Matcher, top: int = 3, on_row: Callable[[], None] | None = None) -> pd.DataFrame:
    """`df` with the coding columns added; blank or unusable rows are kept and flagged."""
    if column not in df.columns:
        raise UserError(f"column {column!r} not found; columns are: {', '.join(map(str, df.columns))}")
    titles = dict(zip(matcher.index.codes, matcher.index.titles))
    teers = dict(zip(matcher.index.codes, matcher.index.teers.tolist()))
    out = {c: [] for c in OUTPUT_COLUMNS}
    texts = ["" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v) for v in df[column].tolist()]
    ranked: list = []
    for start in range(0, len(texts), RANK_BATCH):  # batched ranking, progress after each batch
        batch = texts[start : start + RANK_BATCH]
        ranked += matcher.rank_many(batch, k=max(1, top))
        if on_row:
            for _ in batch:
                on_row()
    for text, item in zip(texts, ranked):
        if isinstance(item, UserError):
            codes, scores, flagged, note = [], [], True, "blank" if not text.strip() else str(item)
        else:
            (codes, scores, flagged), note = item, ""
        out["noc_code"].append(codes[0] if codes else "")
        out["noc_title"].append(titles[codes[0]] if codes else "")
        out["noc_teer"].append(teers[codes[0]] if codes else "")
        out["noc_score"].append(round(scores[0], 4) if scores else "")
        out["needs_review"].append(flagged)
        out["noc_alternatives"].append(";".join(codes[1:]))
        out["note"].append(note)
    result = df.copy()
    for c in OUTPUT_COLUMNS:
        result[c] = out[c]
    return result


def code_csv(
    in_path: str | Path,
    out_path: str | Path,
    column: str,
    *,
    top: int = 3,
    matcher: Matcher | None = None,
    progress: bool = True,
) -> dict:
    """Code `in_path` into `out_path` chunk by chunk; the output appears only when complete."""
    from tqdm import tqdm

    in_path, out_path = Path(in_path), Path(out_path)
    if not in_path.is_file():
        raise UserError(f"file not found: {in_path}")
    if in_path.resolve() == out_path.resolve():
        raise UserError("the output file must differ from the input file")
    matcher = matcher or Matcher.load()
    with in_path.open("rb") as fh:
        total = max(0, sum(1 for _ in fh) - 1)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out_path.parent, prefix=f".{out_path.name}.", suffix=".part")
    os.close(fd)
    rows = flagged = blank = 0
    try:
        reader = pd.read_csv(in_path, dtype=str, keep_default_na=False, chunksize=CHUNK_ROWS)
        with tqdm(total=total, disable=not progress, desc="coding", unit="row") as bar:
            first = True
            for chunk in reader:
                coded = code_frame(chunk, column, matcher, top=top, on_row=lambda: bar.update(1))
                coded.to_csv(tmp, mode="w" if first else "a", header=first, index=False)
                first = False
                rows += len(coded)
                flagged += int(coded["needs_review"].sum())
                blank += int((coded["note"] == "blank").sum())
            if first:
                raise UserError(f"{in_path.name} has no rows")
        os.replace(tmp, out_path)
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise UserError(f"{in_path.name}: not a readable CSV file ({str(exc).splitlines()[0]})") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return {"input": str(in_path), "output": str(out_path), "rows": rows, "needs_review": flagged, "blank": blank}
