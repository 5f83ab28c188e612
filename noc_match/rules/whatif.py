"""What-ifs: the single changes to a profile that would raise its CRS score the most.

Each candidate change is applied to a copy of the profile and scored with the same grid, so
the suggestions follow the data files (no point values here).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Callable, Mapping

from . import language
from .crs import score_profile
from .dated import parse_date
from .profile import (
    CANADIAN_EDUCATION_LEVELS, EDUCATION_LEVELS, LanguageResult, Profile, parse_profile,
)


@dataclass(frozen=True)
class WhatIf:
    """One change, the score it would give, and the gain over the current score."""

    change: str
    description: str
    new_total: int
    gain: int


def _raise_ability(lang: LanguageResult, ability: str, target: int, day: dt.date) -> LanguageResult | None:
    """The result with `ability` raised to the lowest score giving CLB/NCLC `target` (None if impossible)."""
    when = lang.test_date or day
    score = language.min_score_for(lang.test, ability, target, when)
    if score is None:
        return None
    current = getattr(lang, ability)
    if score <= current:
        return None
    return replace(lang, **{ability: score})


def _raise_all(lang: LanguageResult, levels: Mapping[str, int], target: Callable[[int], int],
               day: dt.date) -> LanguageResult | None:
    out = lang
    changed = False
    for ability in language.ABILITIES:
        new = _raise_ability(out, ability, target(levels[ability]), day)
        if new is not None:
            out, changed = new, True
    return out if changed else None


def _direct(test: str, level: int) -> LanguageResult:
    return LanguageResult(test=test, listening=level, reading=level, writing=level, speaking=level)


def _next(levels: tuple[str, ...], value: str) -> str | None:
    i = levels.index(value)
    return levels[i + 1] if i + 1 < len(levels) else None


def _candidates(p: Profile, day: dt.date) -> list[tuple[str, str, Profile]]:
    """(change id, description, changed profile) for every single change worth trying."""
    out: list[tuple[str, str, Profile]] = []

    def lang_changes(key: str, label: str, lang: LanguageResult | None, set_: Callable[[LanguageResult], Profile]) -> None:
        if lang is None:
            return
        levels = language.clb_levels(lang.as_dict(), day)
        for ability in language.ABILITIES:
            new = _raise_ability(lang, ability, levels[ability] + 1, day)
            if new is not None:
                out.append((f"{key}.{ability}+1",
                            f"{label} {ability}: {getattr(lang, ability):g} -> {getattr(new, ability):g} "
                            f"({lang.test}, level {levels[ability]} -> {levels[ability] + 1})", set_(new)))
        new = _raise_all(lang, levels, lambda lvl: lvl + 1, day)
        if new is not None:
            out.append((f"{key}.all+1", f"{label}: one more level on every ability", set_(new)))
        for target in (7, 9):   # the levels where transferability and French points step up
            if min(levels.values()) < target:
                new = _raise_all(lang, levels, lambda lvl, t=target: max(lvl, t), day)
                if new is not None:
                    out.append((f"{key}.all>={target}", f"{label}: level {target} or more on all four abilities",
                                set_(new)))

    lang_changes("first_language", "first language", p.first_language, lambda x: replace(p, first_language=x))
    if p.second_language is None:
        if p.first_language is None or not p.first_language.is_french:
            out.append(("second_language.nclc7", "second language: French at NCLC 7 on all four (TEF/TCF Canada)",
                        replace(p, second_language=_direct("nclc", 7))))
        else:
            out.append(("second_language.clb7", "second language: English at CLB 7 on all four",
                        replace(p, second_language=_direct("clb", 7))))
    else:
        lang_changes("second_language", "second language", p.second_language, lambda x: replace(p, second_language=x))

    out.append(("canadian_work_years+1", f"one more year of Canadian work ({p.canadian_work_years} -> "
                f"{p.canadian_work_years + 1})", replace(p, canadian_work_years=p.canadian_work_years + 1)))
    out.append(("foreign_work_years+1", f"one more year of foreign work ({p.foreign_work_years} -> "
                f"{p.foreign_work_years + 1})", replace(p, foreign_work_years=p.foreign_work_years + 1)))
    nxt = _next(EDUCATION_LEVELS, p.education)
    if nxt:
        out.append(("education+1", f"education: {p.education} -> {nxt}", replace(p, education=nxt)))
    nxt = _next(CANADIAN_EDUCATION_LEVELS, p.canadian_education)
    if nxt:
        out.append(("canadian_education+1", f"Canadian education: {p.canadian_education} -> {nxt}",
                    replace(p, canadian_education=nxt)))
    if not p.provincial_nomination:
        out.append(("provincial_nomination", "a provincial or territorial nomination",
                    replace(p, provincial_nomination=True)))
    if not p.certificate_of_qualification:
        out.append(("certificate_of_qualification", "a Canadian certificate of qualification in a trade",
                    replace(p, certificate_of_qualification=True)))
    if p.job_offer == "none":
        out.append(("job_offer", "a qualifying job offer", replace(p, job_offer="other")))
    if p.spouse is not None:
        s = p.spouse

        def with_spouse(**kw: Any) -> Profile:
            return replace(p, spouse=replace(s, **kw))

        if s.language is None:
            out.append(("spouse.language.clb7", "spouse takes a language test at CLB 7 on all four",
                        with_spouse(language=_direct("clb", 7))))
        else:
            lang_changes("spouse.language", "spouse's language", s.language, lambda x: with_spouse(language=x))
        out.append(("spouse.canadian_work_years+1", "spouse: one more year of Canadian work",
                    with_spouse(canadian_work_years=s.canadian_work_years + 1)))
        nxt = _next(EDUCATION_LEVELS, s.education)
        if nxt:
            out.append(("spouse.education+1", f"spouse's education: {s.education} -> {nxt}", with_spouse(education=nxt)))
    return out


def what_ifs(profile: Profile | Mapping[str, Any], on: dt.date | str | None = None, limit: int = 6) -> list[WhatIf]:
    """The `limit` single changes with the biggest gain (gain > 0 only), best first."""
    day = parse_date(on)
    p = profile if isinstance(profile, Profile) else parse_profile(profile, day)
    base = score_profile(p, day).total
    found = []
    for change, description, changed in _candidates(p, day):
        total = score_profile(changed, day).total
        if total > base:
            found.append(WhatIf(change=change, description=description, new_total=total, gain=total - base))
    found.sort(key=lambda w: (-w.gain, w.change))
    return found[:limit] if limit else found


__all__ = ["WhatIf", "what_ifs"]
