"""Comprehensive Ranking System score of a profile on a date, from the dated grid in `crs.yaml`.

The grid in force on the scoring date is compiled once per date and reused, so a batch of
profiles scores fast; every point value and cap comes from the data file.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping, Sequence

from ..errors import UserError
from . import language
from .dated import load_table, parse_date, pick
from .profile import LanguageResult, Profile, parse_profile

SECTIONS: tuple[str, ...] = ("core", "spouse", "transferability", "additional")


@dataclass(frozen=True)
class CrsResult:
    """A score with its parts: section totals, each grid line's points, the levels used, warnings."""

    total: int
    core: int
    spouse: int
    transferability: int
    additional: int
    items: dict[str, int]
    subtotals: dict[str, int]
    clb: dict[str, dict[str, int] | None]
    with_spouse: bool
    on: dt.date
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total, "core": self.core, "spouse": self.spouse,
            "transferability": self.transferability, "additional": self.additional,
            "items": self.items, "subtotals": self.subtotals, "clb": self.clb,
            "with_spouse": self.with_spouse, "on": self.on.isoformat(), "warnings": self.warnings,
        }


def _rows(seq: Sequence[Sequence[Any]]) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(int(x) for x in r) for r in seq)


def _band(rows: tuple[tuple[int, ...], ...], value: int) -> tuple[int, ...]:
    """The row whose [min, max] holds `value` (values above the last row use the last row)."""
    for row in rows:
        if row[0] <= value <= row[1]:
            return row
    return rows[-1] if value > rows[-1][1] else rows[0]


def _threshold(bands: Sequence[Sequence[Any]], value: int) -> str | None:
    """Name of the highest band whose minimum `value` reaches (None below all)."""
    found = None
    for minimum, name in bands:
        if value >= int(minimum):
            found = str(name)
    return found


class Grid:
    """The CRS grid in force on one date, in lookup-ready form."""

    def __init__(self, data: Mapping[str, Any], day: dt.date) -> None:
        def ver(name: str) -> Mapping[str, Any]:
            v = pick(data[name]["versions"], day)
            if v is None:
                raise UserError(f"no CRS grid in force on {day.isoformat()} (Express Entry started 2015-01-01)",
                                details=[f"on: {day.isoformat()} is not covered by crs.yaml {name}"])
            return v

        self.day = day
        self.maxima = ver("maxima")
        self.age = _rows(ver("age")["rows"])
        self.education = {k: tuple(v) for k, v in ver("education")["levels"].items()}
        fl = ver("first_language")
        self.first_rows, self.first_max = _rows(fl["rows"]), tuple(fl["max_total"])
        sl = ver("second_language")
        self.second_rows, self.second_max = _rows(sl["rows"]), tuple(sl["max_total"])
        self.cdn_work = _rows(ver("canadian_work")["rows"])
        sp = ver("spouse")
        self.spouse_max = int(sp["max_total"])
        self.spouse_education = dict(sp["education"])
        self.spouse_lang_rows, self.spouse_lang_max = _rows(sp["language"]["rows"]), int(sp["language"]["max_total"])
        self.spouse_work = _rows(sp["canadian_work"]["rows"])
        self.tr = ver("transferability")
        self.additional_max = int(ver("additional_cap")["max_total"])
        self.sibling = int(ver("sibling_in_canada")["points"])
        self.french = ver("french")
        self.cdn_education = dict(ver("canadian_education")["levels"])
        self.nomination = int(ver("provincial_nomination")["points"])
        self.job_offer = dict(ver("job_offer")["points"])


@lru_cache(maxsize=64)
def _grid(day: dt.date, table_id: int) -> Grid:
    return Grid(load_table("crs"), day)


def grid(on: dt.date | str | None = None) -> Grid:
    """The grid in force on `on` (default today); UserError before 2015-01-01."""
    return _grid(parse_date(on), id(load_table("crs")))


def _levels(lang: LanguageResult | None, day: dt.date) -> dict[str, int] | None:
    if lang is None:
        return None
    return language.clb_levels(lang.as_dict(), day)


def score_profile(profile: Profile, on: dt.date | str | None = None) -> CrsResult:
    """CRS points of a parsed profile on `on` (default today), grid line by grid line."""
    day = parse_date(on)
    g = grid(day)
    col = 2 if profile.spouse is not None else 3      # row index of with_spouse / without_spouse
    ecol = col - 2                                     # index in [with_spouse, without_spouse] pairs
    warnings: list[str] = []
    items: dict[str, int] = {}
    subtotals: dict[str, int] = {}

    first = _levels(profile.first_language, day)
    second = _levels(profile.second_language, day)
    sp_lang = _levels(profile.spouse.language if profile.spouse else None, day)
    for name, lang in (("first_language", profile.first_language), ("second_language", profile.second_language),
                       ("spouse.language", profile.spouse.language if profile.spouse else None)):
        if lang is not None and lang.test_date is not None and (day - lang.test_date).days > 730:
            warnings.append(f"{name}: test of {lang.test_date.isoformat()} is more than 2 years old on {day.isoformat()}")
    if first is None:
        warnings.append("first_language: no test given, so no language points")

    # A. core / human capital
    items["core.age"] = _band(g.age, profile.age)[col]
    items["core.education"] = g.education[profile.education][ecol]
    for ability in language.ABILITIES:
        items[f"core.first_language.{ability}"] = _band(g.first_rows, first[ability])[col] if first else 0
    for ability in language.ABILITIES:
        items[f"core.second_language.{ability}"] = _band(g.second_rows, second[ability])[col] if second else 0
    first_sum = sum(items[f"core.first_language.{a}"] for a in language.ABILITIES)
    second_sum = sum(items[f"core.second_language.{a}"] for a in language.ABILITIES)
    subtotals["core.first_language"] = min(first_sum, g.first_max[ecol])
    subtotals["core.second_language"] = min(second_sum, g.second_max[ecol])
    items["core.canadian_work"] = _band(g.cdn_work, profile.canadian_work_years)[col]
    core = (items["core.age"] + items["core.education"] + subtotals["core.first_language"]
            + subtotals["core.second_language"] + items["core.canadian_work"])
    side = "with_spouse" if profile.spouse is not None else "without_spouse"
    core = min(core, int(g.maxima[side]["core"]))

    # B. spouse
    spouse_pts = 0
    if profile.spouse is not None:
        s = profile.spouse
        items["spouse.education"] = int(g.spouse_education[s.education])
        lang_pts = 0
        for ability in language.ABILITIES:
            pts = _band(g.spouse_lang_rows, sp_lang[ability])[2] if sp_lang else 0
            items[f"spouse.language.{ability}"] = pts
            lang_pts += pts
        subtotals["spouse.language"] = min(lang_pts, g.spouse_lang_max)
        items["spouse.canadian_work"] = _band(g.spouse_work, s.canadian_work_years)[2]
        spouse_pts = min(items["spouse.education"] + subtotals["spouse.language"] + items["spouse.canadian_work"],
                         g.spouse_max)

    # C. skill transferability (first official language, minimum of the four abilities)
    tr = g.tr
    min_first = min(first.values()) if first else 0
    lang_band = _threshold(tr["language_bands"], min_first)
    cdn_band = _threshold(tr["canadian_work_bands"], profile.canadian_work_years)
    foreign_tier = _threshold(tr["foreign_work_tiers"], profile.foreign_work_years)
    edu_tier = tr["education_tiers"][profile.education]
    cert_band = _threshold(tr["certificate_bands"], min_first) if profile.certificate_of_qualification else None

    def combo(table: str, row: str | None, column: str | None) -> int:
        if row is None or column is None:
            return 0
        return int(tr[table].get(row, {}).get(column, 0))

    items["transferability.education_x_language"] = combo("education_x_language", edu_tier, lang_band)
    items["transferability.education_x_canadian_work"] = combo("education_x_canadian_work", edu_tier, cdn_band)
    items["transferability.foreign_work_x_language"] = combo("foreign_work_x_language", foreign_tier, lang_band)
    items["transferability.foreign_work_x_canadian_work"] = combo("foreign_work_x_canadian_work", foreign_tier, cdn_band)
    items["transferability.certificate_x_language"] = int(tr["certificate_x_language"].get(cert_band, 0)) if cert_band else 0
    caps = tr["caps"]
    subtotals["transferability.education_group"] = min(
        items["transferability.education_x_language"] + items["transferability.education_x_canadian_work"],
        int(caps["education_group"]))
    subtotals["transferability.foreign_work_group"] = min(
        items["transferability.foreign_work_x_language"] + items["transferability.foreign_work_x_canadian_work"],
        int(caps["foreign_work_group"]))
    subtotals["transferability.certificate_group"] = min(items["transferability.certificate_x_language"],
                                                         int(caps["certificate_group"]))
    transferability = min(subtotals["transferability.education_group"] + subtotals["transferability.foreign_work_group"]
                          + subtotals["transferability.certificate_group"], int(caps["total"]))

    # D. additional points
    items["additional.provincial_nomination"] = g.nomination if profile.provincial_nomination else 0
    items["additional.job_offer"] = int(g.job_offer[profile.job_offer])
    if profile.job_offer != "none" and items["additional.job_offer"] == 0:
        warnings.append(f"job_offer: no CRS points for a job offer on {day.isoformat()} (removed 2025-03-25)")
    items["additional.canadian_education"] = int(g.cdn_education[profile.canadian_education])
    items["additional.sibling_in_canada"] = g.sibling if profile.sibling_in_canada else 0
    items["additional.french"] = _french_points(profile, first, second, g)
    additional = min(sum(v for k, v in items.items() if k.startswith("additional.")), g.additional_max)

    total = min(core + spouse_pts + transferability + additional, int(g.maxima[side]["total"]))
    return CrsResult(
        total=total, core=core, spouse=spouse_pts, transferability=transferability, additional=additional,
        items=items, subtotals=subtotals,
        clb={"first_language": first, "second_language": second, "spouse_language": sp_lang},
        with_spouse=profile.spouse is not None, on=day, warnings=warnings,
    )


def _french_points(profile: Profile, first: dict[str, int] | None, second: dict[str, int] | None, g: Grid) -> int:
    """French bonus: NCLC 7+ on all four French abilities; more when English is CLB 5+ on all four."""
    french = english = None
    for lang, levels in ((profile.first_language, first), (profile.second_language, second)):
        if lang is None or levels is None:
            continue
        if lang.is_french:
            french = levels
        else:
            english = levels
    rule = g.french
    if french is None or min(french.values()) < int(rule["min_nclc"]):
        return 0
    if english is not None and min(english.values()) >= int(rule["min_english_clb"]):
        return int(rule["with_english"])
    return int(rule["without_english"])


def score(obj: Mapping[str, Any] | Profile, on: dt.date | str | None = None) -> CrsResult:
    """CRS points of a profile given as JSON-like dict (checked) or as a parsed `Profile`."""
    profile = obj if isinstance(obj, Profile) else parse_profile(obj, on)
    return score_profile(profile, on)


def score_many(objs: Sequence[Mapping[str, Any] | Profile], on: dt.date | str | None = None) -> list[CrsResult]:
    """Scores in input order; a bad profile raises one UserError naming its position and fields."""
    out = []
    for i, obj in enumerate(objs):
        try:
            out.append(score(obj, on))
        except UserError as exc:
            if len(objs) == 1:
                raise
            raise UserError(f"profile #{i + 1}: {exc.message}", details=exc.details) from None
    return out
