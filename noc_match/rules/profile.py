"""The candidate profile shared by the CRS scorer, eligibility checks, CLI and app.

One parser checks the whole JSON object and reports every bad field at once, so a user fixes
a profile in one go; keys it does not know are kept in `extra` for other rule modules.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, Mapping

from ..errors import UserError
from . import language
from .dated import parse_date

EDUCATION_LEVELS: tuple[str, ...] = (
    "none", "secondary", "one_year", "two_year", "bachelors", "two_or_more", "masters", "doctoral",
)
CANADIAN_EDUCATION_LEVELS: tuple[str, ...] = ("none", "one_or_two_year", "three_year_or_more")
JOB_OFFERS: tuple[str, ...] = ("none", "other", "teer_0_major_group_00")

KNOWN_KEYS = frozenset({
    "age", "education", "canadian_education", "first_language", "second_language",
    "canadian_work_years", "foreign_work_years", "certificate_of_qualification",
    "sibling_in_canada", "provincial_nomination", "job_offer", "spouse",
})


@dataclass(frozen=True)
class LanguageResult:
    """One test result: the test id and a score per ability (test_date picks the chart)."""

    test: str
    listening: float
    reading: float
    writing: float
    speaking: float
    test_date: dt.date | None = None

    def as_dict(self) -> dict[str, Any]:
        """The form `language.clb_levels` takes."""
        d: dict[str, Any] = {"test": self.test, "listening": self.listening, "reading": self.reading,
                             "writing": self.writing, "speaking": self.speaking}
        if self.test_date is not None:
            d["test_date"] = self.test_date
        return d

    @property
    def is_french(self) -> bool:
        return language.is_french(self.test)


@dataclass(frozen=True)
class Spouse:
    """An accompanying spouse or partner (not a citizen/PR): switches the grid's column."""

    education: str = "none"
    language: LanguageResult | None = None
    canadian_work_years: int = 0


@dataclass(frozen=True)
class Profile:
    """A candidate's CRS factors; `extra` keeps keys other modules use (primary_noc, funds_cad ...)."""

    age: int
    education: str = "none"
    canadian_education: str = "none"
    first_language: LanguageResult | None = None
    second_language: LanguageResult | None = None
    canadian_work_years: int = 0
    foreign_work_years: int = 0
    certificate_of_qualification: bool = False
    sibling_in_canada: bool = False
    provincial_nomination: bool = False
    job_offer: str = "none"
    spouse: Spouse | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


class _Errors:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, path: str, message: str) -> None:
        self.items.append(f"{path}: {message}")


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def _int_field(obj: Mapping[str, Any], key: str, path: str, errs: _Errors, *, default: int | None,
               low: int, high: int, floor: bool) -> int:
    if key not in obj or obj[key] is None:
        if default is None:
            errs.add(path, "is required")
            return 0
        return default
    n = _number(obj[key])
    if n is None:
        errs.add(path, f"{obj[key]!r} is not a number")
        return 0
    if not floor and n != int(n):
        errs.add(path, f"{obj[key]!r} is not a whole number")
        return 0
    if not low <= n <= high:
        errs.add(path, f"{obj[key]!r} is outside {low}-{high}")
        return 0
    return int(math.floor(n))


def _choice(obj: Mapping[str, Any], key: str, path: str, errs: _Errors, choices: tuple[str, ...]) -> str:
    value = obj.get(key)
    if value is None:
        return choices[0]
    if isinstance(value, str) and value.strip().lower() in choices:
        return value.strip().lower()
    errs.add(path, f"{value!r} is not one of {', '.join(choices)}")
    return choices[0]


def read_bool(obj: Mapping[str, Any], key: str, path: str, errs: Any, default: bool | None = False) -> bool | None:
    """A true/false field (missing: `default`); a wrong value is added to `errs` by path."""
    value = obj.get(key)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    errs.add(path, f"{value!r} is not true or false")
    return default


_bool = read_bool


def _language(value: Any, path: str, errs: _Errors, on: dt.date) -> LanguageResult | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        errs.add(path, "must be an object {test, listening, reading, writing, speaking} or null")
        return None
    tests = language.known_tests()
    test = value.get("test")
    test = test.strip().lower() if isinstance(test, str) else test
    if test not in tests:
        errs.add(f"{path}.test", f"{value.get('test')!r} is not one of {', '.join(tests)}")
        return None
    test_date: dt.date | None = None
    if value.get("test_date") not in (None, ""):
        try:
            test_date = parse_date(value["test_date"])
        except UserError:
            errs.add(f"{path}.test_date", f"{value['test_date']!r} is not a date (YYYY-MM-DD)")
            return None
    scores: dict[str, float] = {}
    for ability in language.ABILITIES:
        if value.get(ability) is None:
            errs.add(f"{path}.{ability}", "is required")
            continue
        n = _number(value[ability])
        if n is None:
            errs.add(f"{path}.{ability}", f"{value[ability]!r} is not a number")
            continue
        problem = language.check_score(test, ability, n, test_date or on)
        if problem:
            errs.add(f"{path}.{ability}", problem)
            continue
        scores[ability] = n
    if len(scores) < len(language.ABILITIES):
        return None
    return LanguageResult(test=test, test_date=test_date, **scores)


def _spouse(value: Any, errs: _Errors, on: dt.date) -> Spouse | None:
    if value is None or value is False:
        return None
    if not isinstance(value, Mapping):
        errs.add("spouse", "must be an object or null")
        return None
    return Spouse(
        education=_choice(value, "education", "spouse.education", errs, EDUCATION_LEVELS),
        language=_language(value.get("language"), "spouse.language", errs, on),
        canadian_work_years=_int_field(value, "canadian_work_years", "spouse.canadian_work_years", errs,
                                       default=0, low=0, high=80, floor=True),
    )


def parse_profile(obj: Any, on: dt.date | str | None = None) -> Profile:
    """A checked `Profile` from a JSON object; one UserError lists every bad field.

    `on` (default today) picks the language charts when a result has no `test_date`.
    Work years may be fractional and are floored to completed years.
    """
    if not isinstance(obj, Mapping):
        raise UserError("a profile must be a JSON object", details=[f"profile: got {type(obj).__name__}"])
    day = parse_date(on)
    errs = _Errors()
    profile = Profile(
        age=_int_field(obj, "age", "age", errs, default=None, low=0, high=130, floor=False),
        education=_choice(obj, "education", "education", errs, EDUCATION_LEVELS),
        canadian_education=_choice(obj, "canadian_education", "canadian_education", errs, CANADIAN_EDUCATION_LEVELS),
        first_language=_language(obj.get("first_language"), "first_language", errs, day),
        second_language=_language(obj.get("second_language"), "second_language", errs, day),
        canadian_work_years=_int_field(obj, "canadian_work_years", "canadian_work_years", errs,
                                       default=0, low=0, high=80, floor=True),
        foreign_work_years=_int_field(obj, "foreign_work_years", "foreign_work_years", errs,
                                      default=0, low=0, high=80, floor=True),
        certificate_of_qualification=_bool(obj, "certificate_of_qualification", "certificate_of_qualification", errs),
        sibling_in_canada=_bool(obj, "sibling_in_canada", "sibling_in_canada", errs),
        provincial_nomination=_bool(obj, "provincial_nomination", "provincial_nomination", errs),
        job_offer=_choice(obj, "job_offer", "job_offer", errs, JOB_OFFERS),
        spouse=_spouse(obj.get("spouse"), errs, day),
        extra={k: v for k, v in obj.items() if k not in KNOWN_KEYS},
    )
    fl, sl = profile.first_language, profile.second_language
    if fl is not None and sl is not None and fl.is_french == sl.is_french:
        errs.add("second_language.test", "must be in the other official language than first_language")
    if errs.items:
        raise UserError(f"bad profile ({len(errs.items)} problem{'s' if len(errs.items) > 1 else ''})",
                        details=errs.items)
    return profile


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The JSON form of a profile (inverse of `parse_profile`, extra keys included)."""
    def lang(x: LanguageResult | None) -> dict[str, Any] | None:
        if x is None:
            return None
        d = x.as_dict()
        if x.test_date is not None:
            d["test_date"] = x.test_date.isoformat()
        return d

    out: dict[str, Any] = dict(profile.extra)
    out.update({
        "age": profile.age, "education": profile.education, "canadian_education": profile.canadian_education,
        "first_language": lang(profile.first_language), "second_language": lang(profile.second_language),
        "canadian_work_years": profile.canadian_work_years, "foreign_work_years": profile.foreign_work_years,
        "certificate_of_qualification": profile.certificate_of_qualification,
        "sibling_in_canada": profile.sibling_in_canada, "provincial_nomination": profile.provincial_nomination,
        "job_offer": profile.job_offer,
        "spouse": None if profile.spouse is None else {
            "education": profile.spouse.education, "language": lang(profile.spouse.language),
            "canadian_work_years": profile.spouse.canadian_work_years},
    })
    return out
