"""Dated rule tables: every table carries `effective_from`, optional `effective_to` and `source`.

Logic never holds a rule; it asks this module for the version of a table in force on a date.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from ..errors import UserError
from ..paths import rules_dir


def parse_date(value: str | dt.date | None) -> dt.date:
    """A date from `YYYY-MM-DD` (or a date); None means today."""
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise UserError(f"not a date: {value!r} (expected YYYY-MM-DD)") from None


def _as_date(value: Any) -> dt.date | None:
    if value in (None, "", "null"):
        return None
    return parse_date(value)


def in_force(entry: Mapping[str, Any], on: dt.date) -> bool:
    """True when `entry` (with effective_from / effective_to, inclusive) applies on `on`."""
    start = _as_date(entry.get("effective_from"))
    end = _as_date(entry.get("effective_to"))
    return (start is None or start <= on) and (end is None or on <= end)


def pick(entries: Iterable[Mapping[str, Any]], on: dt.date | str | None = None) -> Mapping[str, Any] | None:
    """The entry in force on `on`; None when no entry covers that date."""
    day = parse_date(on)
    matches = [e for e in entries if in_force(e, day)]
    if not matches:
        return None
    return max(matches, key=lambda e: _as_date(e.get("effective_from")) or dt.date.min)


@lru_cache(maxsize=None)
def _load(path: Path, mtime: float) -> Any:
    with path.open(encoding="utf-8") as fh:
        # libyaml's safe loader when PyYAML has it: the same result, several times faster
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_table(name: str) -> Any:
    """Parsed YAML rule file `data/rules/<name>.yaml` (cached until the file changes)."""
    path = rules_dir() / f"{name}.yaml"
    if not path.exists():
        raise UserError(f"rule file missing: {path}")
    return _load(path, path.stat().st_mtime)
