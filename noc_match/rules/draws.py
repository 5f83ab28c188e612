"""Express Entry rounds of invitations: read `data/draws.csv`, compare a score, merge IRCC's feed.

Round-type names change over the years, so they are mapped to draw kinds by the keywords in
`draw_kinds.yaml`; a round's key is (round, type) because round 91 was two draws on one day.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import tempfile
import urllib.request
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from ..errors import UserError
from ..paths import data_dir
from .dated import load_table, parse_date

FIELDS: tuple[str, ...] = ("round", "date", "type", "invitations", "crs_cutoff", "tie_break", "source")


@dataclass(frozen=True)
class Draw:
    """One round of invitations."""

    round: int
    date: dt.date
    type: str
    invitations: int | None
    crs_cutoff: int | None
    tie_break: str
    source: str

    @property
    def key(self) -> tuple[int, str]:
        return (self.round, self.type)

    @property
    def kind(self) -> str:
        return kind_of(self.type)

    def to_dict(self) -> dict[str, Any]:
        return {"round": self.round, "date": self.date.isoformat(), "type": self.type, "kind": self.kind,
                "invitations": self.invitations, "crs_cutoff": self.crs_cutoff, "tie_break": self.tie_break,
                "source": self.source}


def draws_path() -> Path:
    """The user's draws file (moves with NOC_MATCH_RULES_DIR, via paths.data_dir())."""
    return data_dir() / "draws.csv"


# ---------------------------------------------------------------- kinds
def _kinds() -> list[Mapping[str, Any]]:
    return list(load_table("draw_kinds")["kinds"])


@lru_cache(maxsize=1024)
def _kind_cached(name: str, table_id: int) -> str:
    low = " ".join(name.lower().replace("_", " ").split())
    for kind in _kinds():
        if low == str(kind["id"]).replace("_", " "):
            return str(kind["id"])
    for kind in _kinds():
        for word in kind["keywords"]:
            if re.search(r"(?<![a-z])" + re.escape(str(word).lower()) + r"(?![a-z])", low):
                return str(kind["id"])
    return "other"


def kind_of(name: str) -> str:
    """Draw kind id (general, cec, fsw, fst, pnp, french, healthcare ...) of a round type or category name."""
    return _kind_cached(str(name), id(load_table("draw_kinds")))


def kind_label(kind: str) -> str:
    """Readable label of a kind id."""
    for k in _kinds():
        if k["id"] == kind:
            return str(k["label"])
    return kind


# ---------------------------------------------------------------- reading
def _int_or_none(value: Any) -> int | None:
    text = str(value if value is not None else "").replace(",", "").strip()
    if not text:
        return None
    try:
        return int(float(text))
    except ValueError:
        return None


def _round_number(value: Any) -> int | None:
    m = re.match(r"\s*(\d+)", str(value if value is not None else ""))
    return int(m.group(1)) if m else None


def load_draws(path: Path | str | None = None) -> list[Draw]:
    """All rounds in the CSV at `path` (default the user's draws file), oldest first."""
    p = Path(path) if path else draws_path()
    if not p.exists():
        raise UserError(f"draws file missing: {p}")
    return list(_load_cached(p, p.stat().st_mtime))


@lru_cache(maxsize=8)
def _load_cached(path: Path, mtime: float) -> tuple[Draw, ...]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for n, row in enumerate(rows, start=2):
        number = _round_number(row.get("round"))
        try:
            day = parse_date(row.get("date"))
        except UserError:
            day = None
        if number is None or day is None or not row.get("type"):
            raise UserError(f"bad row in {path}", details=[f"line {n}: round, date and type are required"])
        out.append(Draw(number, day, row["type"].strip(), _int_or_none(row.get("invitations")),
                        _int_or_none(row.get("crs_cutoff")), row.get("tie_break") or "", row.get("source") or ""))
    out.sort(key=lambda d: (d.date, d.round))
    return tuple(out)


def select(draws: Iterable[Draw], *, category: str | None = None, since: dt.date | str | None = None,
           until: dt.date | str | None = None) -> list[Draw]:
    """Draws of one kind/category (any name, mapped by keyword) within a date range."""
    start = parse_date(since) if since else None
    end = parse_date(until) if until else None
    kind = kind_of(category) if category else None
    if category and kind == "other":
        ids = ", ".join(str(k["id"]) for k in _kinds())
        raise UserError(f"unknown draw category {category!r}", details=[f"category: use one of {ids}"])
    return [d for d in draws
            if (kind is None or d.kind == kind) and (start is None or d.date >= start) and (end is None or d.date <= end)]


# ---------------------------------------------------------------- comparing
@dataclass(frozen=True)
class DrawComparison:
    """How a score compares with the latest rounds of one kind."""

    kind: str
    label: str
    score: int
    rounds: list[Draw]
    latest_cutoff: int | None
    latest_date: dt.date | None
    margin: int | None            # score - latest cut-off (positive = above)
    rounds_met: int               # of `rounds`, how many had a cut-off at or below the score

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "label": self.label, "score": self.score,
                "latest_cutoff": self.latest_cutoff,
                "latest_date": self.latest_date.isoformat() if self.latest_date else None,
                "margin": self.margin, "rounds_met": self.rounds_met, "rounds_compared": len(self.rounds),
                "rounds": [d.to_dict() for d in self.rounds]}


def compare_with_draws(score: int, kinds: Sequence[str], *, draws: Sequence[Draw] | None = None,
                       path: Path | str | None = None, on: dt.date | str | None = None,
                       last: int = 3) -> list[DrawComparison]:
    """The score against the `last` rounds (up to `on`) of each kind the person is eligible for.

    `kinds` are draw kinds or category/round names (mapped by keyword); the eligibility module
    decides them. A tie at the cut-off counts as met (the tie-break date then decides).
    """
    pool = list(draws) if draws is not None else load_draws(path)
    end = parse_date(on)
    out: list[DrawComparison] = []
    seen: set[str] = set()
    for name in kinds:
        kind = kind_of(name)
        if kind in seen:
            continue
        seen.add(kind)
        rounds = [d for d in pool if d.kind == kind and d.date <= end and d.crs_cutoff is not None][-last:][::-1]
        latest = rounds[0] if rounds else None
        out.append(DrawComparison(
            kind=kind, label=kind_label(kind), score=int(score), rounds=rounds,
            latest_cutoff=latest.crs_cutoff if latest else None, latest_date=latest.date if latest else None,
            margin=int(score) - latest.crs_cutoff if latest and latest.crs_cutoff is not None else None,
            rounds_met=sum(1 for d in rounds if d.crs_cutoff is not None and d.crs_cutoff <= score),
        ))
    return out


# ---------------------------------------------------------------- updating from IRCC's feed
def _read_source(source: str) -> Any:
    if re.match(r"^https?://", source):
        try:
            with urllib.request.urlopen(source, timeout=30) as resp:  # noqa: S310 (user-given URL)
                raw = resp.read().decode("utf-8-sig")
        except OSError as exc:
            raise UserError(f"could not download {source}: {exc}") from None
    else:
        p = Path(source).expanduser()
        if not p.exists():
            raise UserError(f"file not found: {p}", details=["--from: give a file or an http(s) URL"])
        raw = p.read_text(encoding="utf-8-sig")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UserError(f"not JSON: {source} ({exc.msg} at line {exc.lineno})") from None


def _feed_date(item: Mapping[str, Any]) -> dt.date | None:
    for key in ("drawDate", "drawDateFull"):
        value = str(item.get(key) or "").strip()
        if not value:
            continue
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
        for fmt in ("%B %d, %Y", "%b %d, %Y"):
            try:
                return dt.datetime.strptime(value, fmt).date()
            except ValueError:
                pass
    return None


def parse_feed(data: Any, source: str = "ircc_json") -> list[Draw]:
    """Rounds from IRCC's `ee_rounds_123_en.json` ({"rounds": [{drawNumber, drawDate, drawName,
    drawSize, drawCRS, drawCutOff ...}]}); one UserError lists every unreadable round."""
    items = data.get("rounds") if isinstance(data, Mapping) else data
    if not isinstance(items, list):
        raise UserError("not an IRCC rounds feed", details=['expected {"rounds": [...]} with drawNumber, drawDate, drawName'])
    out, problems = [], []
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            problems.append(f"rounds[{i}]: not an object")
            continue
        number, day, name = _round_number(item.get("drawNumber")), _feed_date(item), str(item.get("drawName") or "").strip()
        bad = [k for k, v in (("drawNumber", number), ("drawDate", day), ("drawName", name)) if not v]
        if bad:
            problems.append(f"rounds[{i}]: missing or bad {', '.join(bad)}")
            continue
        out.append(Draw(number, day, name, _int_or_none(item.get("drawSize")), _int_or_none(item.get("drawCRS")),
                        str(item.get("drawCutOff") or "").strip(), source))
    if problems:
        raise UserError(f"{len(problems)} unreadable round(s) in the feed", details=problems[:20])
    return out


@dataclass(frozen=True)
class UpdateResult:
    """What a merge did."""

    path: str
    added: list[Draw]
    total: int
    unchanged: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "added": [d.to_dict() for d in self.added], "added_count": len(self.added),
                "unchanged": self.unchanged, "total": self.total}


def write_draws(draws: Sequence[Draw], path: Path) -> None:
    """Write the CSV atomically (temporary file in the same folder, then rename)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(FIELDS)
    for d in sorted(draws, key=lambda d: (d.date, d.round)):
        writer.writerow([d.round, d.date.isoformat(), d.type, "" if d.invitations is None else d.invitations,
                         "" if d.crs_cutoff is None else d.crs_cutoff, d.tie_break, d.source])
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".draws-", suffix=".csv", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def update_draws(source: str, path: Path | str | None = None) -> UpdateResult:
    """Merge rounds from IRCC's feed (file or URL) into the draws file, keyed by (round, type).

    Rounds already present are kept as they are; new ones are added; nothing is lost or doubled.
    """
    p = Path(path) if path else draws_path()
    current = load_draws(p)
    tag = "ircc_json" if re.match(r"^https?://", source) else f"ircc_json:{Path(source).name}"
    incoming = parse_feed(_read_source(source), source=tag)
    keys = {d.key for d in current}
    added: list[Draw] = []
    for d in incoming:
        if d.key not in keys:
            keys.add(d.key)
            added.append(d)
    if added:
        write_draws(list(current) + added, p)
    return UpdateResult(path=str(p), added=sorted(added, key=lambda d: (d.date, d.round)),
                        total=len(current) + len(added), unchanged=len(incoming) - len(added))


def program_flags(rules: Mapping[str, Any]) -> list[tuple[str, bool, str]]:
    """(program, eligible, reason) for FSW, CEC and FST from `occupation_rules`."""
    progs = rules.get("programs") or {}
    return [(p, bool(progs.get(p, {}).get("eligible")), str(progs.get(p, {}).get("reason", "")))
            for p in ("FSW", "CEC", "FST")]


def kinds_for_code(rules: Mapping[str, Any] | None, *, french_nclc: Mapping[str, int] | None = None,
                   provincial_nomination: bool = False) -> list[str]:
    """Draw kinds worth comparing with for a code and a person.

    General rounds always; the programs the code's TEER allows; the code's categories on the
    date; French-language rounds when the person's French result is NCLC 7 in every ability;
    PNP rounds when nominated. This is a starting choice the user can change (the person's own
    program eligibility needs their work history, see `noc-match eligibility`).
    """
    kinds = ["general"]
    if rules:
        for prog, eligible, _ in program_flags(rules):
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
