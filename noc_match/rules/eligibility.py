"""A person's Express Entry eligibility on a date: FSW (minimum requirements, 67-point grid, proof of funds),
CEC and FST, each with every unmet requirement named, and the category-based selection categories the person
qualifies for (occupation lists plus that list's experience rule).

Input: the CRS profile (`noc_match.rules.profile.parse_profile`) plus these keys:

    primary_noc          "21231"   the occupation named in the application (FSW, FST)
    experience           list of work periods (may be empty):
        {"code": "21231",            NOC 2021 unit group of the job (required)
         "start": "2021-03-01",      first day (YYYY-MM-DD)
         "end": "2024-02-29" | null, last day; null = still working (counted up to the assessment date)
         "months": 18,               instead of start/end: months ending on the assessment date
         "hours_per_week": 40,       paid hours a week (required); hours above 30 a week never count
         "country": "CA",            where the work was done ("CA"/"CAN"/"Canada" = in Canada) (required)
         "paid": true, "self_employed": false, "full_time_student": false,
         "authorized": true}         (defaults shown; CEC excludes self-employment, work while a full-time
                                      student and unauthorized work; every program needs paid work)
    funds_cad            settlement funds available (number)
    family_size          applicant + spouse/partner + dependent children (whole number >= 1)
    job_offer_details    optional, when job_offer is not "none":
        {"code": "72310", "full_time": true, "at_least_one_year": true,
         "basis": "lmia_work_permit" | "lmia_exempt_work_permit" | "lmia" | "none",
         "months_with_employer": 14}
    authorized_to_work_in_canada   optional bool (default false): with a qualifying offer, no proof of funds
    eca                  optional bool: foreign credential has an Educational Credential Assessment
    relative_in_canada   optional bool (FSW adaptability; sibling_in_canada also counts)
    canadian_study_years optional number: full-time academic years studied in Canada (FSW adaptability)

Hours: one year of full-time work = the tables' 1,560 hours (30 h/week); a month = 1/12 of that. Overlapping
jobs never count more than 30 hours a week. "Continuous" experience is the longest run of consecutive days
covered by the relevant jobs.
"""
from __future__ import annotations

import datetime as dt
import math
from typing import Any, Mapping

from ..errors import UserError
from . import categories as _categories
from . import fsw as _fsw
from . import language as _language
from . import programs as _programs
from .dated import load_table, parse_date
from .profile import EDUCATION_LEVELS, Profile, parse_profile, read_bool

CANADA = frozenset({"ca", "can", "canada"})
BASES = ("lmia_work_permit", "lmia_exempt_work_permit", "lmia", "none")
ABILITIES = _language.ABILITIES
DAYS_PER_MONTH = 365.25 / 12


# --------------------------------------------------------------------------- input checking
class _Errors(list):
    def add(self, path: str, message: str) -> None:
        self.append(f"{path}: {message}")


def _num(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _date(value: Any, path: str, errs: _Errors) -> dt.date | None:
    try:
        return parse_date(value)
    except UserError:
        errs.add(path, f"{value!r} is not a date (YYYY-MM-DD)")
        return None


def _code(value: Any, path: str, errs: _Errors, catalog: Any) -> str | None:
    try:
        code = _programs.check_code(value, path)
    except UserError as exc:
        errs.append(exc.message)
        return None
    if catalog is not None and code not in catalog:
        errs.add(path, f"unknown NOC 2021 code {code}")
        return None
    return code


def _experience(raw: Any, on: dt.date, errs: _Errors, catalog: Any) -> list[dict[str, Any]]:
    if raw is None:
        errs.add("experience", "is required (a list of work periods; [] for none)")
        return []
    if not isinstance(raw, list):
        errs.add("experience", "must be a list of work periods")
        return []
    out = []
    for i, item in enumerate(raw):
        path = f"experience[{i}]"
        if not isinstance(item, Mapping):
            errs.add(path, "must be an object {code, start, end, hours_per_week, country}")
            continue
        n_before = len(errs)
        code = _code(item.get("code"), f"{path}.code", errs, catalog)
        hours = _num(item.get("hours_per_week"))
        if item.get("hours_per_week") is None:
            errs.add(f"{path}.hours_per_week", "is required")
        elif hours is None or not 0 < hours <= 168:
            errs.add(f"{path}.hours_per_week", f"{item.get('hours_per_week')!r} must be a number of hours above 0 "
                                               "and at most 168")
        country = item.get("country")
        if not isinstance(country, str) or not country.strip():
            errs.add(f"{path}.country", "is required (e.g. \"CA\" for Canada, or the country's name or code)")
        start = end = None
        if item.get("start") is not None:
            start = _date(item.get("start"), f"{path}.start", errs)
            end = None if item.get("end") is None else _date(item.get("end"), f"{path}.end", errs)
            if start and end and end < start:
                errs.add(f"{path}.end", f"{end.isoformat()} is before start {start.isoformat()}")
            if end is None and start is not None:
                end = max(on, start)  # still working: counted up to the assessment date (none if it starts later)
            if item.get("months") is not None:
                errs.add(f"{path}.months", "give either start/end or months, not both")
        elif item.get("months") is not None:
            months = _num(item.get("months"))
            if months is None or not 0 < months <= 12 * 80:
                errs.add(f"{path}.months", f"{item.get('months')!r} must be a number of months above 0")
            else:
                end = on
                start = on - dt.timedelta(days=round(months * DAYS_PER_MONTH) - 1)
        else:
            errs.add(f"{path}.start", "is required (or give months)")
        flags = {k: read_bool(item, k, f"{path}.{k}", errs, d) for k, d in
                 (("paid", True), ("self_employed", False), ("full_time_student", False), ("authorized", True))}
        if len(errs) == n_before:
            out.append({"code": code, "start": start, "end": min(end, on), "hours_per_week": hours,
                        "in_canada": country.strip().lower() in CANADA, "country": country.strip(),
                        "months_only": item.get("start") is None, **flags})
    return out


def _job_offer(profile: Profile, extra: Mapping[str, Any], errs: _Errors, catalog: Any,
               primary: str | None, notes: list[str]) -> dict[str, Any] | None:
    raw = extra.get("job_offer_details")
    if raw is None:
        if profile.job_offer == "none":
            return None
        notes.append(f"job_offer is {profile.job_offer!r} without job_offer_details: taken as a full-time offer of "
                     "at least one year in the primary occupation, approved on an LMIA")
        return {"code": primary, "full_time": True, "at_least_one_year": True, "basis": "lmia",
                "months_with_employer": 0, "assumed": True}
    if not isinstance(raw, Mapping):
        errs.add("job_offer_details", "must be an object {code, full_time, at_least_one_year, basis}")
        return None
    code = _code(raw.get("code"), "job_offer_details.code", errs, catalog)
    basis = raw.get("basis", "none")
    if basis not in BASES:
        errs.add("job_offer_details.basis", f"{basis!r} is not one of {', '.join(BASES)}")
    months = raw.get("months_with_employer", 0)
    if _num(months) is None or _num(months) < 0:
        errs.add("job_offer_details.months_with_employer", f"{months!r} must be a number of months (0 or more)")
        months = 0
    full_time = read_bool(raw, "full_time", "job_offer_details.full_time", errs, None)
    one_year = read_bool(raw, "at_least_one_year", "job_offer_details.at_least_one_year", errs, None)
    if full_time is None:
        errs.add("job_offer_details.full_time", "is required (true or false)")
    if one_year is None:
        errs.add("job_offer_details.at_least_one_year", "is required (true or false)")
    return {"code": code, "full_time": bool(full_time), "at_least_one_year": bool(one_year), "basis": basis,
            "months_with_employer": float(_num(months) or 0), "assumed": False}


def _check(obj: Any, on: dt.date, catalog: Any) -> tuple[Profile, dict[str, Any]]:
    """The parsed CRS profile and the checked eligibility fields; one UserError lists every bad field."""
    errs = _Errors()
    profile = None
    try:
        profile = parse_profile(obj, on)
    except UserError as exc:
        if not isinstance(obj, Mapping):
            raise
        errs.extend(exc.details or [exc.message])
    obj = dict(obj)
    notes: list[str] = []
    primary = None
    if obj.get("primary_noc") is None:
        errs.add("primary_noc", "is required (the NOC 2021 code of the occupation named in the application)")
    else:
        primary = _code(obj.get("primary_noc"), "primary_noc", errs, catalog)
    experience = _experience(obj.get("experience"), on, errs, catalog)
    funds = _num(obj.get("funds_cad"))
    if obj.get("funds_cad") is None:
        errs.add("funds_cad", "is required (settlement funds in Canadian dollars; 0 if none)")
    elif funds is None or funds < 0:
        errs.add("funds_cad", f"{obj.get('funds_cad')!r} must be an amount of 0 or more")
    size = obj.get("family_size")
    if size is None:
        errs.add("family_size", "is required (applicant + spouse/partner + dependent children)")
    elif isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= 50:
        errs.add("family_size", f"{size!r} must be a whole number from 1 to 50")
    elif isinstance(obj.get("spouse"), Mapping) and size < 2:
        errs.add("family_size", f"{size} cannot hold the applicant and the spouse given in the profile")
    study = obj.get("canadian_study_years")
    if study is not None and (_num(study) is None or _num(study) < 0):
        errs.add("canadian_study_years", f"{study!r} must be a number of years (0 or more)")
    fields = {
        "primary_noc": primary, "experience": experience, "funds_cad": funds, "family_size": size,
        "authorized_to_work_in_canada": read_bool(obj, "authorized_to_work_in_canada",
                                                  "authorized_to_work_in_canada", errs, False),
        "eca": read_bool(obj, "eca", "eca", errs, None),
        "relative_in_canada": read_bool(obj, "relative_in_canada", "relative_in_canada", errs, False),
        "canadian_study_years": _num(study) if study is not None else None,
        "notes": notes,
    }
    if profile is not None:
        fields["job_offer"] = _job_offer(profile, obj, errs, catalog, primary, notes)
    if errs:
        raise UserError(f"bad profile ({len(errs)} problem{'s' if len(errs) > 1 else ''})", details=list(errs))
    assert profile is not None
    return profile, fields


# --------------------------------------------------------------------------- hours of experience
def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def _hours(entries: list[dict[str, Any]], window_start: dt.date, window_end: dt.date, full_time: float,
           continuous: bool = False) -> float:
    """Full-time-equivalent hours of `entries` inside the window; weekly hours capped at `full_time`.

    With `continuous`, only the longest run of consecutive covered days counts.
    """
    per_day: dict[dt.date, float] = {}
    for e in entries:
        start, end = max(e["start"], window_start), min(e["end"], window_end)
        if end < start:
            continue
        for day in _days(start, end):
            per_day[day] = per_day.get(day, 0.0) + e["hours_per_week"] / 7
    cap = full_time / 7
    if not continuous:
        return sum(min(h, cap) for h in per_day.values())
    best = run = 0.0
    prev = None
    for day in sorted(per_day):
        run = run + min(per_day[day], cap) if prev is not None and (day - prev).days == 1 else min(per_day[day], cap)
        best = max(best, run)
        prev = day
    return best


def _years_before(on: dt.date, years: int) -> dt.date:
    try:
        return on.replace(year=on.year - years) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        return on.replace(year=on.year - years, day=28) + dt.timedelta(days=1)


def _fmt_years(hours: float, year_hours: float) -> str:
    return f"{hours / year_hours:.2f} years ({hours:,.0f} h)"


# --------------------------------------------------------------------------- programs
def _clb(lang: Any, on: dt.date) -> dict[str, int] | None:
    return None if lang is None else _language.clb_levels(lang.as_dict(), on)


def _test_too_old(lang: Any, on: dt.date, max_years: int) -> bool:
    return lang is not None and lang.test_date is not None and lang.test_date < _years_before(on, max_years)


def _language_unmet(label: str, clb: Mapping[str, int] | None, minimum: Mapping[str, int], lang: Any,
                    on: dt.date, max_years: int) -> list[str]:
    if clb is None:
        return [f"{label}: no first official language test result"]
    out = []
    short = [f"{a} CLB {clb[a]} < {minimum[a]}" for a in ABILITIES if clb[a] < int(minimum[a])]
    if short:
        out.append(f"{label}: first official language below the minimum ({', '.join(short)})")
    if _test_too_old(lang, on, max_years):
        out.append(f"{label}: language test of {lang.test_date.isoformat()} is more than {max_years} years old")
    return out


def _qualifying_offer(offer: Mapping[str, Any] | None, skilled_teer: list[int], *, need_code_in: Any = None) -> tuple[bool, str]:
    if offer is None:
        return False, "no job offer"
    problems = []
    if not offer["full_time"]:
        problems.append("not full-time")
    if not offer["at_least_one_year"]:
        problems.append("not for at least one year")
    basis = offer["basis"]
    if basis == "none":
        problems.append("not supported by an LMIA or an LMIA-exempt employer-specific work permit")
    if basis == "lmia_exempt_work_permit" and offer["months_with_employer"] < 12:
        problems.append("LMIA-exempt work permit case needs 1 year of full-time work for the employer")
    if offer.get("code") and _programs.teer_of(offer["code"]) not in skilled_teer:
        problems.append(f"offer occupation {offer['code']} is not TEER {', '.join(map(str, skilled_teer))}")
    if need_code_in is not None and offer.get("code") and not need_code_in(offer["code"]):
        problems.append(f"offer occupation {offer['code']} is not an FST skilled trade")
    return (not problems), "; ".join(problems) or "qualifying offer"


def _funds(fields: Mapping[str, Any], exempt: bool, on: dt.date, label: str) -> tuple[dict[str, Any], list[str]]:
    try:
        pof = _fsw.proof_of_funds(fields["family_size"], on)
    except UserError as exc:
        return {"required_cad": None, "note": exc.message}, [f"{label}: {exc.message}"]
    pof = {**pof, "funds_cad": fields["funds_cad"], "exempt": exempt}
    if exempt:
        pof["note"] = "not required: authorized to work in Canada with a qualifying job offer"
        return pof, []
    if fields["funds_cad"] < pof["required_cad"]:
        return pof, [f"{label}: CAD {fields['funds_cad']:,.0f} is below the CAD "
                     f"{pof['required_cad']:,} required for a family of {fields['family_size']} ({pof['table']}, "
                     f"from {pof['effective_from']})"]
    return pof, []


def _fsw_result(profile: Profile, f: Mapping[str, Any], on: dt.date, first_clb: Any, second_clb: Any,
                skilled: Mapping[str, Any], notes: list[str]) -> dict[str, Any]:
    version = _fsw.require_version(on)
    req = version["minimum_requirements"]
    work = req["skilled_work_experience"]
    full_time, year_h = float(work["full_time_hours_per_week"]), float(work["one_year_full_time_hours"])
    fsw_teer = [int(t) for t in work["eligible_teer"]]
    unmet: list[str] = []
    primary = f["primary_noc"]
    primary_teer = _programs.teer_of(primary)
    if primary_teer not in fsw_teer:
        unmet.append(f"primary occupation: {primary} is TEER {primary_teer}, FSW needs TEER "
                     f"{', '.join(map(str, fsw_teer))}")
    ten = _years_before(on, 10)
    paid = [e for e in f["experience"] if e["paid"]]
    in_primary = _hours([e for e in paid if e["code"] == primary], ten, on, full_time, continuous=True)
    if in_primary < year_h:
        unmet.append(f"work experience: {_fmt_years(in_primary, year_h)} of continuous paid work in {primary} within "
                     f"10 years; FSW needs 1 year ({year_h:,.0f} h)")
    unmet += _language_unmet("language", first_clb, req["language"]["first_official_language_min"],
                             profile.first_language, on, int(req["language"]["test_max_age_years"]))
    if profile.education == "none":
        unmet.append("education: FSW needs a secondary or post-secondary credential")
    elif profile.canadian_education == "none" and f["eca"] is False:
        unmet.append("education: a foreign credential needs an Educational Credential Assessment (eca is false)")
    elif profile.canadian_education == "none" and f["eca"] is None:
        notes.append("FSW education: a foreign credential needs an ECA less than 5 years old (eca not given)")
    # grid
    skilled_entries = [e for e in paid if _programs.teer_of(e["code"]) in fsw_teer]
    years = math.floor(_hours(skilled_entries, ten, on, full_time) / year_h + 1e-9)
    offer_ok, offer_why = _qualifying_offer(f["job_offer"], [int(t) for t in skilled["fsw"]])
    canada_work = _hours([e for e in skilled_entries if e["in_canada"] and e["authorized"]], _years_before(on, 80),
                         on, full_time)
    spouse = profile.spouse
    spouse_clb = _clb(spouse.language, on) if spouse and spouse.language else None
    adapt_items = {i["id"] for i in version["selection_grid"]["adaptability"]["items"]}
    adaptability = {
        "spouse_language": bool(spouse_clb and min(spouse_clb.values()) >= 4),
        "own_study_in_canada": bool((f["canadian_study_years"] or 0) >= 2
                                    or profile.canadian_education == "three_year_or_more"),
        "spouse_study_in_canada": False,
        "own_work_in_canada": canada_work >= year_h,
        "spouse_work_in_canada": bool(spouse and spouse.canadian_work_years >= 1),
        "relative_in_canada": bool(f["relative_in_canada"] or profile.sibling_in_canada),
        "arranged_employment": offer_ok,
    }
    adaptability = {k: v for k, v in adaptability.items() if k in adapt_items}
    points = _fsw.selection_points(age=profile.age, education=profile.education, first_clb=first_clb,
                                   second_clb=second_clb, experience_years=years, arranged_employment=offer_ok,
                                   adaptability=adaptability, on=on)
    if not points["passes"]:
        unmet.append(f"selection grid: {points['total']} points, below the pass mark of {points['pass_mark']}")
    exempt = bool(f["authorized_to_work_in_canada"] and offer_ok)
    pof, funds_unmet = _funds(f, exempt, on, "proof of funds")
    unmet += funds_unmet
    return {"eligible": not unmet, "unmet": unmet, "points": points, "proof_of_funds": pof,
            "job_offer": {"qualifies": offer_ok, "reason": offer_why},
            "experience": {"continuous_hours_in_primary": round(in_primary), "skilled_years_in_10": years}}


def _cec_result(profile: Profile, f: Mapping[str, Any], on: dt.date, first_clb: Any,
                cec: Mapping[str, Any], skilled: Mapping[str, Any]) -> dict[str, Any]:
    work = cec["work_experience"]
    full_time, year_h = float(work["full_time_hours_per_week"]), float(work["one_year_full_time_hours"])
    teers = [int(t) for t in skilled["cec"]]
    window = _years_before(on, int(work["window_years"]))
    counted = [e for e in f["experience"] if e["paid"] and e["in_canada"] and e["authorized"]
               and not e["self_employed"] and not e["full_time_student"] and _programs.teer_of(e["code"]) in teers]
    hours = _hours(counted, window, on, full_time)
    need = year_h * float(work["years_required"])
    unmet = []
    if hours < need:
        excluded = [e for e in f["experience"] if e not in counted and e["in_canada"]]
        why = f" ({len(excluded)} Canadian period(s) not counted: self-employed, student, unpaid, unauthorized or " \
              "not TEER 0-3)" if excluded else ""
        unmet.append(f"Canadian work experience: {_fmt_years(hours, year_h)} of skilled paid work in Canada within "
                     f"{work['window_years']} years; CEC needs {work['years_required']} year ({need:,.0f} h){why}")
    # language threshold of the occupation with the most experience in the window (IRPR 87.1(2)(e))
    by_code = {c: _hours([e for e in counted if e["code"] == c], window, on, full_time) for c in {e["code"] for e in counted}}
    main = max(by_code, key=by_code.get) if by_code else f["primary_noc"]
    main_teer = _programs.teer_of(main)
    th = cec["language"]["thresholds"]
    minimum = th["teer_0_1"] if main_teer in (0, 1) else th["teer_2_3"]
    unmet += _language_unmet(f"language (TEER {main_teer}, {main})", first_clb, minimum, profile.first_language, on,
                             int(cec["language"]["test_max_age_years"]))
    return {"eligible": not unmet, "unmet": unmet,
            "experience": {"canadian_skilled_hours_in_window": round(hours), "main_occupation": main},
            "language_minimum": dict(minimum)}


def _fst_result(profile: Profile, f: Mapping[str, Any], on: dt.date, first_clb: Any, fst: Mapping[str, Any],
                skilled: Mapping[str, Any]) -> dict[str, Any]:
    work = fst["work_experience"]
    year_h = float(work["full_time_hours_total"]) / float(work["years_required"])
    full_time = year_h / 52
    primary = f["primary_noc"]
    unmet = []
    group = _programs.fst_group(primary, on)
    if group is None:
        unmet.append(f"primary occupation: {primary} is not a skilled trade eligible for FST")
    window = _years_before(on, int(work["window_years"]))
    hours = _hours([e for e in f["experience"] if e["paid"] and e["code"] == primary], window, on, full_time)
    if hours < float(work["full_time_hours_total"]):
        unmet.append(f"work experience: {_fmt_years(hours, year_h)} of paid work in {primary} within "
                     f"{work['window_years']} years; FST needs {work['years_required']} years "
                     f"({float(work['full_time_hours_total']):,.0f} h)")
    unmet += _language_unmet("language", first_clb, fst["language"]["thresholds"], profile.first_language, on,
                             int(fst["language"]["test_max_age_years"]))
    is_trade = lambda c: _programs.fst_group(c, on) is not None  # noqa: E731
    offer_ok, offer_why = _qualifying_offer(f["job_offer"], [int(t) for t in skilled["fsw"]], need_code_in=is_trade)
    if not (offer_ok or profile.certificate_of_qualification):
        unmet.append(f"job offer or certificate: no certificate of qualification and no qualifying offer ({offer_why})")
    exempt = bool(f["authorized_to_work_in_canada"] and offer_ok)
    pof, funds_unmet = _funds(f, exempt, on, "proof of funds")
    unmet += funds_unmet
    return {"eligible": not unmet, "unmet": unmet, "proof_of_funds": pof,
            "job_offer": {"qualifies": offer_ok, "reason": offer_why},
            "experience": {"hours_in_trade_in_window": round(hours)}}


# --------------------------------------------------------------------------- categories
def _category_result(cat: Mapping[str, Any], exp: Mapping[str, Any] | None, profile: Profile, f: Mapping[str, Any], on: dt.date,
                     langs: list[tuple[Any, dict[str, int]]], in_pool: bool, full_time: float,
                     year_h: float) -> dict[str, Any]:
    unmet, met = [], []
    if not in_pool:
        unmet.append("not eligible for any Express Entry program (FSW, CEC or FST)")
    if cat.get("language") and cat["language"].get("french_nclc_min"):
        minimum = cat["language"]["french_nclc_min"]
        french = [clb for lang, clb in langs if lang.is_french]
        if not french:
            unmet.append("French: no French test result (TEF Canada / TCF Canada)")
        elif not any(all(clb[a] >= int(minimum[a]) for a in ABILITIES) for clb in french):
            unmet.append(f"French: below NCLC {min(minimum.values())} in at least one ability "
                         f"({', '.join(f'{a} {french[0][a]}' for a in ABILITIES)})")
        else:
            met.append("French NCLC minimum in all four abilities")
    codes = cat.get("codes") or []
    if codes:
        mine = sorted({e["code"] for e in f["experience"]} & set(codes))
        if not mine:
            unmet.append("occupation: no work experience in a listed occupation")
        elif exp:
            window = _years_before(on, int(exp["window_years"]))
            need = float(exp["months"]) * year_h / 12
            best_code, best = None, -1.0
            for code in mine:
                entries = [e for e in f["experience"] if e["code"] == code and e["paid"]
                           and (e["in_canada"] or not exp.get("in_canada_only"))]
                h = _hours(entries, window, on, full_time, continuous=bool(exp.get("continuous")))
                if h > best:
                    best_code, best = code, h
            where = " in Canada" if exp.get("in_canada_only") else ""
            kind = "continuous " if exp.get("continuous") else ""
            if best < need:
                unmet.append(f"experience: {best * 12 / year_h:.1f} months of {kind}paid work{where} in {best_code} "
                             f"within {exp['window_years']} years; the category needs {exp['months']} months")
            else:
                met.append(f"{best * 12 / year_h:.1f} months of {kind}work{where} in {best_code}")
    if cat.get("education_min"):
        if EDUCATION_LEVELS.index(profile.education) < EDUCATION_LEVELS.index(cat["education_min"]):
            unmet.append(f"education: {profile.education} is below {cat['education_min']}")
    to_confirm = list(cat.get("other_conditions") or [])
    qualifies: bool | None = not unmet
    if qualifies and to_confirm:
        qualifies = None
    return {"id": cat["id"], "name": cat["name"], "qualifies": qualifies, "unmet": unmet, "met": met,
            "to_confirm": to_confirm}


# --------------------------------------------------------------------------- public API
def assess(profile_obj: Mapping[str, Any], on: dt.date | str | None = None, catalog: Any = None) -> dict[str, Any]:
    """Eligibility of a person (a JSON-like dict, see the module doc) on `on` (default today).

    `catalog` (a `noc_match.catalog.Catalog`) checks that every code exists; without it the catalog is loaded.
    Raises UserError naming every bad field.
    """
    day = parse_date(on)
    if catalog is None:
        from ..catalog import Catalog

        catalog = Catalog.load()
    profile, f = _check(profile_obj, day, catalog)
    notes: list[str] = list(f["notes"])
    version = _programs.programs_version(day)
    if version is None or _fsw.fsw_version(day) is None:
        raise UserError(f"no Express Entry program rules in force on {day.isoformat()} in data/rules/ "
                        "(the NOC 2021 rules start 2022-11-16)")
    skilled = version["skilled_teer"]
    first_clb = _clb(profile.first_language, day)
    second_clb = _clb(profile.second_language, day)
    if any(e["months_only"] for e in f["experience"]):
        notes.append("experience given in months is counted as ending on the assessment date")
    fsw = _fsw_result(profile, f, day, first_clb, second_clb, skilled, notes)
    cec = _cec_result(profile, f, day, first_clb, version["canadian_experience_class"], skilled)
    fst = _fst_result(profile, f, day, first_clb, version["federal_skilled_trades"], skilled)
    programs = {"FSW": fsw, "CEC": cec, "FST": fst}
    in_pool = any(p["eligible"] for p in programs.values())

    lst = _categories.list_on(day)
    work = _fsw.require_version(day)["minimum_requirements"]["skilled_work_experience"]
    full_time, year_h = float(work["full_time_hours_per_week"]), float(work["one_year_full_time_hours"])
    langs = [(l, c) for l, c in ((profile.first_language, first_clb), (profile.second_language, second_clb)) if l]
    cats: dict[str, Any] = {**_categories.list_summary(lst)}
    if lst is None:
        cats.update({"note": _categories.no_list_reason(day), "qualifies": [], "details": []})
    else:
        details = []
        for cat in lst["categories"]:
            entry = _categories.category_entry(lst, cat)
            result = _category_result(cat, entry["experience"], profile, f, day, langs, in_pool, full_time, year_h)
            result["requirements"] = entry["requirements"]
            details.append(result)
        cats["qualifies"] = [d["name"] for d in details if d["qualifies"]]
        cats["to_confirm"] = [d["name"] for d in details if d["qualifies"] is None]
        cats["details"] = details
    ug = catalog.get(f["primary_noc"]) if catalog is not None else None
    return {
        "on": day.isoformat(),
        "primary_noc": {"code": f["primary_noc"], "title": getattr(ug, "title", None),
                        "teer": _programs.teer_of(f["primary_noc"])},
        "language": {"first": first_clb, "second": second_clb},
        "eligible_programs": [p for p, r in programs.items() if r["eligible"]],
        "programs": programs,
        "categories": cats,
        "notes": notes,
        "rules_used": {
            "programs": _programs.rules_used(day),
            "fsw": {"table": "data/rules/fsw.yaml", "effective_from": _fsw.require_version(day)["effective_from"],
                    "source": _fsw.require_version(day)["source"]},
            "categories": {"table": "data/rules/categories.yaml", **_categories.list_summary(lst)},
            "language": {"table": "data/rules/language.yaml", "source": load_table("language").get("meta", {}).get("source")},
        },
    }
