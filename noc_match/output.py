"""Rendering shared by the CLI commands: one JSON document, or a plain-text table."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any, Sequence


def to_jsonable(obj: Any) -> Any:
    """Dataclasses, dates, sets and tuples as plain JSON values."""
    if hasattr(obj, "to_dict") and callable(obj.to_dict) and not isinstance(obj, type):
        return to_jsonable(obj.to_dict())
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if hasattr(obj, "item") and callable(obj.item):  # numpy scalars
        return obj.item()
    return obj


def dumps(obj: Any) -> str:
    """One JSON document, UTF-8 text kept readable."""
    return json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2)


def table(rows: Sequence[Sequence[Any]], headers: Sequence[str], max_width: int = 60) -> str:
    """A fixed-width text table; long cells are cut with an ellipsis."""

    def cell(v: Any) -> str:
        s = "" if v is None else str(v)
        s = " ".join(s.split())
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    body = [[cell(v) for v in r] for r in rows]
    widths = [len(h) for h in headers]
    for r in body:
        for i, v in enumerate(r):
            widths[i] = max(widths[i], len(v))
    line = lambda r: "  ".join(v.ljust(widths[i]) for i, v in enumerate(r)).rstrip()  # noqa: E731
    out = [line(list(headers)), line(["-" * w for w in widths])]
    out += [line(r) for r in body]
    return "\n".join(out)
