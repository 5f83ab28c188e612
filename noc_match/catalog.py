"""The NOC 2021 V1.0 catalog: 516 unit groups with their hierarchy, duties, titles and links.

Built from Statistics Canada's files as they are published: rows are stripped, doubled
spaces folded and repeated rows dropped; role sub-headings inside the main duties (e.g.
"Chefs", "Sous-chefs" in 62200) are kept as structure, never as duties.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .errors import DataError, UserError
from .paths import noc_data_dir
from .sources import SOURCE_BY_KEY, ensure_data

LEVEL_NAMES = {1: "broad_category", 2: "major_group", 3: "sub_major_group", 4: "minor_group", 5: "unit_group"}
PREAMBLE = re.compile(r"^This group performs some or all of the following duties:?$", re.I)
EXCLUSION = re.compile(r"^(?P<text>.*?)\s*\(\s*See\s+(?P<code>\d{1,5})\s+(?P<title>.+?)\)\s*\.?$", re.S)
CODE_SHAPE = re.compile(r"^\d{5}$")
# A duty-list row must start with a word seen this often as a duty's first word to count as a
# duty when it opens a block; other block openers are role sub-headings (nouns naming workers).
_DUTY_VERB_MIN_COUNT = 3


def clean(text: str) -> str:
    """Official text with trailing spaces and doubled spaces folded."""
    return " ".join((text or "").split())


@dataclass(frozen=True)
class Group:
    """A broad category, major, sub-major or minor group."""

    code: str
    title: str
    level: str
    definition: str = ""


@dataclass(frozen=True)
class Exclusion:
    """An exclusion line and the group it sends the reader to (a unit group or a higher group)."""

    text: str
    code: str
    title: str


@dataclass(frozen=True)
class DutySection:
    """The duties of one role inside a unit group; heading is None where the group has no roles."""

    heading: str | None
    duties: tuple[str, ...]


@dataclass(frozen=True)
class UnitGroup:
    code: str
    title: str
    teer: int
    lead_statement: str
    broad_category: Group
    major_group: Group
    sub_major_group: Group
    minor_group: Group
    duty_sections: tuple[DutySection, ...] = ()
    illustrative_examples: tuple[str, ...] = ()
    example_titles: tuple[str, ...] = ()
    inclusions: tuple[str, ...] = ()
    exclusions: tuple[Exclusion, ...] = ()
    employment_requirements: tuple[str, ...] = ()
    additional_information: tuple[str, ...] = ()

    @property
    def duties(self) -> tuple[str, ...]:
        """Every main duty in order, without role sub-headings."""
        return tuple(d for s in self.duty_sections for d in s.duties)

    @property
    def role_headings(self) -> tuple[str, ...]:
        return tuple(s.heading for s in self.duty_sections if s.heading)

    @property
    def hierarchy(self) -> tuple[Group, Group, Group, Group]:
        return (self.broad_category, self.major_group, self.sub_major_group, self.minor_group)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "title": self.title,
            "teer": self.teer,
            "lead_statement": self.lead_statement,
            "hierarchy": {g.level: {"code": g.code, "title": g.title} for g in self.hierarchy},
            "duty_sections": [{"heading": s.heading, "duties": list(s.duties)} for s in self.duty_sections],
            "main_duties": list(self.duties),
            "illustrative_examples": list(self.illustrative_examples),
            "example_titles": list(self.example_titles),
            "inclusions": list(self.inclusions),
            "exclusions": [{"text": e.text, "code": e.code, "title": e.title} for e in self.exclusions],
            "employment_requirements": list(self.employment_requirements),
            "additional_information": list(self.additional_information),
        }


@dataclass(frozen=True)
class Conversion:
    """One row of the NOC 2016 V1.3 → NOC 2021 V1.0 concordance."""

    noc2016: str
    noc2016_title: str
    noc2021: str
    noc2021_title: str
    change: str
    notes: str


def _read_rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    reader = csv.DictReader(io.StringIO(text))
    reader.fieldnames = [clean(f) for f in (reader.fieldnames or [])]
    return list(reader)


def _column(row: dict[str, str], *names: str) -> str:
    for n in names:
        if n in row:
            return row[n] or ""
    raise DataError(f"column missing: one of {names}")


def _dedupe(items: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for it in items:
        key = it.casefold()
        if it and key not in seen:
            seen.add(key)
            out.append(it)
    return tuple(out)


def _duty_verbs(duty_rows: dict[str, list[str]]) -> Counter:
    """First words of rows that are surely duties: rows ending a list, or in groups with one list."""
    verbs: Counter = Counter()
    for rows in duty_rows.values():
        openers = _block_openers(rows)
        for r in rows:
            if len(openers) <= 1 or r.endswith("."):
                verbs[r.split()[0].casefold()] += 1
    return verbs


def _block_openers(rows: list[str]) -> list[int]:
    """Rows that open a list: the first row, or one right after a row ending with a full stop."""
    out, prev_closed = [], True
    for i, r in enumerate(rows):
        if prev_closed and not r.endswith("."):
            out.append(i)
        prev_closed = r.endswith(".")
    return out


def _sections(rows: list[str], verbs: Counter) -> tuple[DutySection, ...]:
    """Split a group's duty rows into role sections where it has role sub-headings."""
    heads = [
        i
        for i in _block_openers(rows)
        if verbs[rows[i].split()[0].casefold()] < _DUTY_VERB_MIN_COUNT and len(rows[i].split()) <= 14 and i + 1 < len(rows)
    ]
    if len(heads) < 2:
        return (DutySection(None, _dedupe(rows)),) if rows else ()
    sections = []
    if heads[0] > 0:
        sections.append(DutySection(None, _dedupe(rows[: heads[0]])))
    for n, start in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(rows)
        sections.append(DutySection(rows[start], _dedupe(rows[start + 1 : end])))
    return tuple(sections)


class Catalog:
    """All NOC 2021 unit groups, the higher groups, and the 2016 → 2021 concordance."""

    def __init__(self, unit_groups: list[UnitGroup], groups: dict[str, Group], conversions: list[Conversion], data_dir: Path):
        self.unit_groups: list[UnitGroup] = unit_groups
        self.groups: dict[str, Group] = groups
        self.conversions: list[Conversion] = conversions
        self.data_dir = data_dir
        self._by_code = {u.code: u for u in unit_groups}

    # -- access -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.unit_groups)

    def __iter__(self) -> Iterator[UnitGroup]:
        return iter(self.unit_groups)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def get(self, code: str) -> UnitGroup | None:
        return self._by_code.get(str(code).strip())

    def __getitem__(self, code: str) -> UnitGroup:
        ug = self.get(code)
        if ug is None:
            raise KeyError(code)
        return ug

    @property
    def codes(self) -> list[str]:
        return [u.code for u in self.unit_groups]

    def group(self, code: str) -> Group | None:
        """Any level's group (unit groups included) by code."""
        return self.groups.get(str(code).strip())

    def closest_codes(self, query: str, n: int = 3) -> list[str]:
        """Valid codes nearest to a mistyped one (by digits), for error messages."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        q = re.sub(r"\D", "", str(query)) or str(query)
        hits = process.extract(q, self.codes, scorer=Levenshtein.distance, limit=n)
        return [h[0] for h in hits]

    def require(self, code: str) -> UnitGroup:
        """The unit group, or a UserError naming the closest valid codes."""
        raw = str(code).strip()
        ug = self.get(raw)
        if ug is not None:
            return ug
        near = ", ".join(f"{c} {self._by_code[c].title}" for c in self.closest_codes(raw))
        if not CODE_SHAPE.match(raw):
            higher = self.groups.get(raw)
            if higher is not None:
                raise UserError(f"{raw} is a {higher.level.replace('_', ' ')} ({higher.title}), not a 5-digit unit group; closest codes: {near}")
            raise UserError(f"not a NOC 2021 code: {raw!r} (expected 5 digits); closest codes: {near}")
        raise UserError(f"unknown NOC 2021 code {raw}; closest codes: {near}")

    def convert_2016(self, code: str) -> list[Conversion]:
        """NOC 2021 codes a NOC 2016 V1.3 code maps to, with the concordance's type of change."""
        raw = str(code).strip()
        if not re.fullmatch(r"\d{1,4}", raw):
            raise UserError(f"not a NOC 2016 code: {raw!r} (expected 4 digits, e.g. 2173)")
        key = raw.zfill(4)
        rows = [c for c in self.conversions if c.noc2016 == key]
        if not rows:
            raise UserError(f"NOC 2016 code {key} is not in the NOC 2016 V1.3 → NOC 2021 V1.0 concordance")
        return rows

    # -- loading ------------------------------------------------------------------------
    @classmethod
    def load(cls, data_dir: str | Path | None = None) -> "Catalog":
        """The catalog from `data_dir` (default `data/noc2021/`), fetching missing files first."""
        path = Path(data_dir) if data_dir else noc_data_dir()
        path = ensure_data(path)
        key = tuple((s.filename, (path / s.filename).stat().st_mtime_ns) for s in SOURCE_BY_KEY.values())
        return _load_cached(str(path.resolve()), key)

    @classmethod
    def from_files(cls, data_dir: Path) -> "Catalog":
        structure = _read_rows(data_dir / SOURCE_BY_KEY["structure"].filename)
        elements = _read_rows(data_dir / SOURCE_BY_KEY["elements"].filename)
        concordance = _read_rows(data_dir / SOURCE_BY_KEY["concordance"].filename)
        return _build(structure, elements, concordance, data_dir)


@lru_cache(maxsize=4)
def _load_cached(path: str, _stamp: tuple) -> Catalog:
    return Catalog.from_files(Path(path))


def _build(structure: list[dict], elements: list[dict], concordance: list[dict], data_dir: Path) -> Catalog:
    groups: dict[str, Group] = {}
    for r in structure:
        level = int(_column(r, "Level"))
        code = clean(_column(r, "Code - NOC 2021 V1.0"))
        groups[code] = Group(code, clean(_column(r, "Class title")), LEVEL_NAMES[level], clean(_column(r, "Class definition")))

    fields: dict[str, dict[str, list[str]]] = {}
    for r in elements:
        code = clean(_column(r, "Code - NOC 2021 V1.0"))
        kind = clean(_column(r, "Element Type Label English"))
        text = clean(_column(r, "Element Description English"))
        if text:
            fields.setdefault(code, {}).setdefault(kind, []).append(text)

    duty_rows = {
        code: [d for d in f.get("Main duties", []) if not PREAMBLE.match(d)] for code, f in fields.items()
    }
    verbs = _duty_verbs(duty_rows)
    unit_groups = []
    for code, g in groups.items():
        if g.level != "unit_group":
            continue
        f = fields.get(code, {})
        exclusions = []
        for text in _dedupe(f.get("Exclusion(s)", [])):
            m = EXCLUSION.match(text)
            if m:
                exclusions.append(Exclusion(clean(m["text"]), m["code"], clean(m["title"])))
            else:
                exclusions.append(Exclusion(text, "", ""))
        unit_groups.append(
            UnitGroup(
                code=code,
                title=g.title,
                teer=int(code[1]),
                lead_statement=g.definition,
                broad_category=groups[code[0]],
                major_group=groups[code[:2]],
                sub_major_group=groups[code[:3]],
                minor_group=groups[code[:4]],
                duty_sections=_sections(duty_rows.get(code, []), verbs),
                illustrative_examples=_dedupe(f.get("Illustrative example(s)", [])),
                example_titles=_dedupe(f.get("All examples", [])),
                inclusions=_dedupe(f.get("Inclusion(s)", [])),
                exclusions=tuple(exclusions),
                employment_requirements=_dedupe(f.get("Employment requirements", [])),
                additional_information=_dedupe(f.get("Additional information", [])),
            )
        )
    if len(unit_groups) != 516:
        raise DataError(f"the structure file has {len(unit_groups)} unit groups, expected 516")

    conversions = []
    for r in concordance:
        old = clean(_column(r, "NOC 2016 V1.3 Code"))
        new = clean(_column(r, "NOC 2021 V1.0 Code"))
        if not old or not new:
            continue
        conversions.append(
            Conversion(
                noc2016=old.zfill(4),
                noc2016_title=clean(_column(r, "NOC 2016 V1.3 Title")),
                noc2021=new.zfill(5),
                noc2021_title=clean(_column(r, "NOC 2021 V1.0 Title")),
                change=clean(_column(r, "GSIM Type of Change")),
                notes=clean(_column(r, "Notes")),
            )
        )
    return Catalog(unit_groups, groups, conversions, data_dir)
