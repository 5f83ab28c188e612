"""Language test scores -> CLB / NCLC levels, per ability, from the dated charts in `language.yaml`.

Programs and the CRS work on per-ability levels, never on averages; the chart in force on the
test date is used, because a test (TEF Canada) changed its scale over time.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

from ..errors import UserError
from .dated import load_table, parse_date, pick

ABILITIES: tuple[str, ...] = ("listening", "reading", "writing", "speaking")


@dataclass(frozen=True)
class Chart:
    """One dated conversion chart of one test: rows per ability as (level, min, max)."""

    test: str
    language: str
    direct: bool
    step: float
    rows: Mapping[str, tuple[tuple[int, float, float], ...]]
    effective_from: str | None
    source: str

    def score_range(self, ability: str) -> tuple[float, float]:
        """Lowest and highest score the chart accepts for `ability`."""
        if self.direct:
            return (0, 12)
        return (0, max(r[2] for r in self.rows[ability]))


def _tests() -> Mapping[str, Any]:
    return load_table("language")["tests"]


def known_tests() -> tuple[str, ...]:
    """Test ids the data knows (clb, nclc, ielts, celpip, pte_core, tef, tcf)."""
    return tuple(_tests())


def is_french(test: str) -> bool:
    """True for French tests (nclc, tef, tcf): decides the French additional CRS points."""
    return _test_entry(test)["language"] == "french"


def language_of(test: str) -> str:
    """'english' or 'french' for a test id."""
    return str(_test_entry(test)["language"])


def _test_entry(test: str) -> Mapping[str, Any]:
    tests = _tests()
    if test not in tests:
        raise UserError(f"unknown language test {test!r}", details=[f"test: use one of {', '.join(tests)}"])
    return tests[test]


@lru_cache(maxsize=256)
def _chart_cached(test: str, day: dt.date, table_id: int) -> Chart | None:
    entry = _test_entry(test)
    version = pick(entry["tables"], day)
    if version is None:
        return None
    raw = version.get("rows") or {}
    rows: dict[str, tuple[tuple[int, float, float], ...]] = {}
    for ability in ABILITIES:
        seq = raw.get(ability, raw.get("all_abilities", []))
        rows[ability] = tuple(sorted(((int(a), float(b), float(c)) for a, b, c in seq), key=lambda r: -r[1]))
    return Chart(
        test=test,
        language=str(entry["language"]),
        direct=bool(entry.get("direct", False)),
        step=float(entry.get("step", 1)),
        rows=rows,
        effective_from=None if version.get("effective_from") is None else str(version.get("effective_from")),
        source=str(version.get("source", "")),
    )


def chart(test: str, on: dt.date | str | None = None) -> Chart:
    """The chart of `test` in force on `on` (the test date); UserError when none applies then."""
    day = parse_date(on)
    found = _chart_cached(test, day, id(_tests()))
    if found is None:
        raise UserError(f"no {test} equivalency chart in force on {day.isoformat()}",
                        details=[f"test: {test} was not accepted (or its chart is unknown) on {day.isoformat()}"])
    return found


def _problem(c: Chart, ability: str, score: Any) -> str | None:
    if ability not in ABILITIES:
        return f"unknown ability {ability!r}"
    if isinstance(score, bool) or not isinstance(score, (int, float)) or math.isnan(score):
        return f"{score!r} is not a number"
    low, high = c.score_range(ability)
    if not low <= score <= high:
        return f"{score:g} is outside the {c.test} scale {low:g}-{high:g}"
    step = 1.0 if c.direct else c.step
    if abs(score / step - round(score / step)) > 1e-9:
        return f"{score:g} is not a {c.test} score (steps of {step:g})"
    return None


def _level(c: Chart, ability: str, score: float) -> int:
    if c.direct:
        return int(score)
    rows = c.rows[ability]
    for level, low, _high in rows:
        if score >= low - 1e-9:
            return level
    return max(0, rows[-1][0] - 1)


def check_score(test: str, ability: str, score: Any, on: dt.date | str | None = None) -> str | None:
    """Why `score` is not a valid `test` result for `ability` (None when it is valid)."""
    try:
        c = chart(test, on)
    except UserError as exc:
        return exc.message
    return _problem(c, ability, score)


def to_clb(test: str, ability: str, score: float, on: dt.date | str | None = None) -> int:
    """CLB/NCLC level of one ability's score; below the chart's lowest row gives that level minus one."""
    c = chart(test, on)
    problem = _problem(c, ability, score)
    if problem:
        raise UserError(f"bad {test} {ability} score: {problem}", details=[f"{ability}: {problem}"])
    return _level(c, ability, score)


def clb_levels(lang: Mapping[str, Any], on: dt.date | str | None = None) -> dict[str, int]:
    """Levels per ability for a language dict {test, listening, reading, writing, speaking[, test_date]}.

    The chart is chosen by `test_date` when given, else by `on` (the scoring date).
    """
    test = str(lang.get("test"))
    c = chart(test, lang.get("test_date") or on)
    out = {}
    for a in ABILITIES:
        problem = _problem(c, a, lang[a])
        if problem:
            raise UserError(f"bad {test} {a} score: {problem}", details=[f"{a}: {problem}"])
        out[a] = _level(c, a, lang[a])
    return out


def min_score_for(test: str, ability: str, level: int, on: dt.date | str | None = None) -> float | None:
    """Lowest score giving at least `level` (None when the chart has no such level): used by what-ifs."""
    c = chart(test, on)
    if c.direct:
        return float(level) if 0 <= level <= 12 else None
    candidates = [low for lvl, low, _ in c.rows[ability] if lvl >= level]
    return min(candidates) if candidates else None
