"""Duty alignment: does a person's work match the lead statement and main duties of one NOC code?

IRCC expects the work to match the lead statement and a substantial number of the main duties
of the claimed NOC code, including the essential ones. `align(code, text)` splits the pasted
text into the person's duty statements and lines them up against the code's duties:

- per NOC duty (and the lead statement): the best-matching statement of the person, a
  similarity and covered / partly / not covered;
- per statement of the person: the NOC duty it supports, or "fits no duty", and another code
  whose duties it fits clearly better;
- coverage (share of the code's duties matched, partial matches counting half), precision
  (share of the person's statements that fit the code) and a verdict, strong / partial /
  weak, with the plain reasons behind it;
- look-alike codes (this code's exclusions and the matcher's runners-up) with their own
  figures, so a neighbour that fits better is visible.

Similarity between two statements is the mean of two cosines computed with the matcher's
fitted vectorizers (nothing is fitted here): TF-IDF word 1-2 grams and character n-grams.

Thresholds come from the NOC's own text, never from a benchmark, and are measured again
whenever the index changes (`calibrate`): each main duty (5,060) is compared with the duties of
a random unit group of another minor group (fixed seed). The "partly" threshold is the 90th
percentile of that unrelated best similarity (one chance match in ten; 0.155 with the stemmed
word index, 0.166 with the first one), "covered" the 98th (0.226; 0.23). For the lead statement, each code's duties
taken together are compared with the lead statement of a random code of another minor
group; its 95th percentile (about 0.18) is the lead threshold, while a code's own duties reach
its lead statement above that in over 95 % of codes. The lead statement counts as matched
when the whole text or one statement reaches it.

Coverage counts a duty at or above "covered" as 1, one below "partly" as 0, and one in between
from 0.5 to 1 in proportion to its similarity, so near-misses still separate codes. The two
verdict thresholds on `fit` (STRONG_FIT, PARTIAL_FIT) are the only figures set with the
development benchmark in view (see benchmarks/bench_align.py).

This is a reading aid for the user, not legal advice: the verdict says what to check.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from .catalog import Catalog, UnitGroup
from .errors import UserError
from .text import checked_text, normalize, split_duties

# statement similarity: mean of word and character TF-IDF cosines (see module docstring)
WORD_WEIGHT = 0.5
# fallbacks and calibration quantiles (the thresholds themselves are measured: see calibrate)
COVERED_AT = 0.25
PARTLY_AT = 0.17
LEAD_AT = 0.18
PARTLY_QUANTILE = 90.0
COVERED_QUANTILE = 98.0
LEAD_QUANTILE = 95.0
CALIBRATION_SEED = 2021
# a statement "fits another code clearly better" when that code's best duty beats this code's
# best duty by this much (and reaches PARTLY_AT itself)
BETTER_MARGIN = 0.08
# verdict thresholds on the figures below (see _verdict)
STRONG_FIT = 0.55
PARTIAL_FIT = 0.35
# a strong verdict also needs this much evidence: a "substantial number" of the main duties
STRONG_MIN_STATEMENTS = 3  # statements that fit the code at least partly
STRONG_MIN_COVERAGE = 1 / 3  # of the main duties (of the best-covered role where there are roles)
# a look-alike "fits better" when its fit beats the claimed code's by this much
LOOK_ALIKE_MARGIN = 0.05
RUNNERS_UP = 3
MAX_STATEMENTS = 60

DISCLAIMER = (
    "This comparison of wording is a reading aid, not legal or immigration advice. Officers judge "
    "the duties you actually performed; describe your real work in your own words."
)
_EMPLOYMENT_SENTENCE = re.compile(r"\b(?:employed|self-employed|included in this unit group)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SMALL_WORDS = {"and", "of", "de", "du", "la", "le", "the", "for", "in", "at", "to", "a", "an", "&", "-", "–"}


# -- report structure ---------------------------------------------------------------------------
@dataclass
class DutyRow:
    """One NOC statement of the claimed code (the lead statement or a main duty)."""

    kind: str  # "lead" or "duty"
    section: str | None  # role sub-heading, None where the code has none
    noc_text: str
    essential: bool  # False for "May ..." duties (optional in the NOC wording)
    status: str  # "covered" | "partly" | "not covered"
    similarity: float
    user_index: int | None  # index into user_duties of the best-matching statement
    user_text: str | None


@dataclass
class UserDutyRow:
    """One statement of the person and where it fits."""

    index: int
    text: str
    status: str  # "fits" | "partly" | "fits no duty"
    similarity: float
    noc_duty: str | None  # the claimed code's duty it supports best (None when it fits none)
    section: str | None
    better_code: str | None = None  # another code whose duties it fits clearly better
    better_title: str | None = None
    better_similarity: float | None = None
    better_duty: str | None = None


@dataclass
class SectionFigures:
    heading: str | None
    duties: int
    covered: int
    partly: int
    coverage: float


@dataclass
class LookAlike:
    code: str
    title: str
    source: str  # "exclusion", "matcher" or "exclusion+matcher"
    coverage: float
    precision: float
    lead_covered: bool
    fit: float
    verdict: str
    fits_better: bool


@dataclass
class AlignmentReport:
    code: str
    title: str
    teer: int
    verdict: str  # "strong" | "partial" | "weak"
    fit: float  # the single figure the verdict is read from, in [0, 1]
    coverage: float  # share of the code's main duties matched (partly = half)
    essential_coverage: float  # the same over duties that do not start with "May"
    best_section: str | None  # role sub-heading covered best (None where the code has none)
    best_section_coverage: float
    precision: float  # share of the person's statements that fit the code (partly = half)
    lead_covered: bool
    lead_similarity: float
    reasons: list[str]
    checks: list[str]  # what the user should check
    duties: list[DutyRow]
    user_duties: list[UserDutyRow]
    sections: list[SectionFigures]
    look_alikes: list[LookAlike]
    thresholds: dict[str, float] = field(default_factory=dict)
    disclaimer: str = DISCLAIMER

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "AlignmentReport":
        d = dict(d)
        d["duties"] = [DutyRow(**r) for r in d.get("duties", [])]
        d["user_duties"] = [UserDutyRow(**r) for r in d.get("user_duties", [])]
        d["sections"] = [SectionFigures(**r) for r in d.get("sections", [])]
        d["look_alikes"] = [LookAlike(**r) for r in d.get("look_alikes", [])]
        return cls(**d)


@dataclass(frozen=True)
class Thresholds:
    covered: float = COVERED_AT
    partly: float = PARTLY_AT
    lead: float = LEAD_AT

    def status(self, sim: float, lead: bool = False) -> str:
        low = self.lead if lead else self.partly
        return "covered" if sim >= max(self.covered, low) else "partly" if sim >= low else "not covered"

    def credit(self, sim: float, lead: bool = False) -> float:
        """1 for a covered statement, 0 below the partly threshold, 0.5 → 1 in between."""
        low = self.lead if lead else self.partly
        high = max(self.covered, low + 1e-6)
        if sim >= high:
            return 1.0
        if sim < low:
            return 0.0
        return 0.5 + 0.5 * (sim - low) / (high - low)


# -- NOC statements of every code, vectorised once per index ------------------------------------
def lead_core(lead: str) -> str:
    """The lead statement without the "They are employed in ..." sentences."""
    sentences = [s for s in _SENTENCE.split(lead or "") if s.strip()]
    core = [s for s in sentences if not _EMPLOYMENT_SENTENCE.search(s)]
    return " ".join(core or sentences[:1])


class _Statements:
    """Lead statements and main duties of all unit groups, as word and char TF-IDF rows."""

    def __init__(self, catalog: Catalog, index: Any):
        self.codes = catalog.codes
        self.code_pos = {c: i for i, c in enumerate(self.codes)}
        texts: list[str] = []
        owner: list[int] = []
        kind: list[int] = []  # 0 lead, 1 duty
        section: list[str | None] = []
        for i, ug in enumerate(catalog):
            texts.append(lead_core(ug.lead_statement))
            owner.append(i)
            kind.append(0)
            section.append(None)
            for s in ug.duty_sections:
                for d in s.duties:
                    texts.append(d)
                    owner.append(i)
                    kind.append(1)
                    section.append(s.heading)
        self.texts = texts
        self.owner = np.array(owner, dtype=np.int64)
        self.kind = np.array(kind, dtype=np.int8)
        self.section = section
        self.starts = np.searchsorted(self.owner, np.arange(len(self.codes)))
        self.ends = np.append(self.starts[1:], len(texts))
        norm = [normalize(t) for t in texts]
        self.word = index.word_vec.transform(norm).tocsr()
        self.char = index.char_vec.transform(norm).tocsr()
        self.word_vec = index.word_vec
        self.char_vec = index.char_vec
        # rows that are duties get their own code in the per-code max; lead rows do not count
        self.duty_mask = self.kind == 1
        self.minor = np.array([c[:4] for c in self.codes])
        self.th = self.calibrate(catalog)

    def _random_other(self, rng: np.random.Generator, i: int) -> int:
        while True:
            o = int(rng.integers(len(self.codes)))
            if self.minor[o] != self.minor[i]:
                return o

    def _pair_sims(self, a_word, a_char, rows_a: np.ndarray, b_rows: np.ndarray) -> np.ndarray:
        """Row-wise similarity of a_*[rows_a[k]] with statement b_rows[k]."""
        w = np.asarray(a_word[rows_a].multiply(self.word[b_rows]).sum(axis=1)).ravel()
        c = np.asarray(a_char[rows_a].multiply(self.char[b_rows]).sum(axis=1)).ravel()
        return WORD_WEIGHT * w + (1 - WORD_WEIGHT) * c

    def calibrate(self, catalog: Catalog) -> Thresholds:
        """Thresholds from how well NOC statements match an unrelated code's (see module doc)."""
        rng = np.random.default_rng(CALIBRATION_SEED)
        duty_rows = np.flatnonzero(self.duty_mask)
        a_idx, b_idx, pair = [], [], []
        for n, r in enumerate(duty_rows):
            o = self._random_other(rng, int(self.owner[r]))
            block = [j for j in range(int(self.starts[o]), int(self.ends[o])) if self.kind[j] == 1]
            a_idx += [r] * len(block)
            b_idx += block
            pair += [n] * len(block)
        if not b_idx:
            return Thresholds()
        sims = self._pair_sims(self.word, self.char, np.array(a_idx), np.array(b_idx))
        best = np.zeros(len(duty_rows))
        np.maximum.at(best, np.array(pair), sims)
        docs = [" ".join(u.duties) or u.lead_statement for u in catalog]
        dw, dc = self.vectors(docs)
        dw, dc = dw.tocsr(), dc.tocsr()
        others = np.array([self._random_other(rng, i) for i in range(len(docs))])
        lead = self._pair_sims(dw, dc, np.arange(len(docs)), self.starts[others])
        partly = float(np.percentile(best, PARTLY_QUANTILE))
        covered = float(np.percentile(best, COVERED_QUANTILE))
        lead_at = float(np.percentile(lead, LEAD_QUANTILE))
        if not (0.0 < partly < covered < 1.0) or not (0.0 < lead_at < 1.0):
            return Thresholds()  # a degenerate index: keep the documented defaults
        return Thresholds(covered=round(covered, 3), partly=round(partly, 3), lead=round(lead_at, 3))

    def vectors(self, texts: list[str]):
        norm = [normalize(t) for t in texts]
        return self.word_vec.transform(norm), self.char_vec.transform(norm)

    def similarity(self, texts: list[str]) -> np.ndarray:
        """texts × all NOC statements."""
        w, c = self.vectors(texts)
        sw = (w @ self.word.T).toarray()
        sc = (c @ self.char.T).toarray()
        return (WORD_WEIGHT * sw + (1 - WORD_WEIGHT) * sc).astype(np.float32)

    def per_code_duty_max(self, sims: np.ndarray) -> np.ndarray:
        """texts × codes: the best main-duty similarity in each code (lead rows left out)."""
        masked = np.where(self.duty_mask[None, :], sims, 0.0)
        return np.maximum.reduceat(masked, self.starts, axis=1)


_CACHE: dict[int, tuple[Any, _Statements]] = {}


def _statements_for(matcher: Any) -> _Statements:
    """The vectorised NOC statements for this matcher's index (rebuilt when the index changes)."""
    index = matcher.index
    hit = _CACHE.get(id(index))
    if hit is not None and hit[0] is index:
        return hit[1]
    st = _Statements(Catalog.load(), index)
    _CACHE.clear()
    _CACHE[id(index)] = (index, st)
    return st


def prepare(matcher: Any = None) -> None:
    """Vectorise and calibrate the NOC statements now (1-3 s, once per index), so the first
    `align` call of an interactive page is as fast as the others."""
    if matcher is None:
        from .matcher import Matcher

        matcher = Matcher.load()
    _statements_for(matcher)


# -- scoring ------------------------------------------------------------------------------------
def _r(x: float) -> float:
    return round(float(x), 4)


@dataclass
class _Figures:
    coverage: float
    essential_coverage: float
    precision: float
    lead_similarity: float
    sections: list[SectionFigures]
    best_section: str | None
    best_section_coverage: float
    fit: float
    verdict: str
    fitting: int
    capped: bool


def _fit(coverage: float, precision: float, lead_credit: float) -> float:
    """One figure in [0, 1]: what share of the person's work fits, and how much of the code it covers.

    Precision weighs most because a 4-statement paragraph cannot cover 12 duties; coverage
    is counted on the best-covered role where the code has role sub-headings.
    """
    return 0.5 * precision + 0.35 * min(1.0, coverage) + 0.15 * lead_credit


def _figures(st: _Statements, ci: int, sims: np.ndarray, whole_sims: np.ndarray) -> _Figures:
    """Figures for code index ci from user × statement sims and whole-text × statement sims."""
    th = st.th
    lo, hi = int(st.starts[ci]), int(st.ends[ci])
    block = sims[:, lo:hi]
    best = np.maximum(block.max(axis=0), 0.0)  # per NOC row: its best user statement
    lead_sim = float(max(best[0], whole_sims[lo]))
    duty_idx = [j for j in range(hi - lo) if st.kind[lo + j] == 1]
    credits = {j: th.credit(float(best[j])) for j in duty_idx}
    coverage = float(np.mean(list(credits.values()))) if credits else 0.0
    ess = [credits[j] for j in duty_idx if not st.texts[lo + j].startswith("May ")]
    essential = float(np.mean(ess)) if ess else coverage
    groups: dict[str | None, list[int]] = {}
    for j in duty_idx:
        groups.setdefault(st.section[lo + j], []).append(j)
    sections = [
        SectionFigures(
            heading=h,
            duties=len(js),
            covered=sum(1 for j in js if th.status(float(best[j])) == "covered"),
            partly=sum(1 for j in js if th.status(float(best[j])) == "partly"),
            coverage=_r(np.mean([credits[j] for j in js])),
        )
        for h, js in groups.items()
    ]
    best_sec = max(sections, key=lambda x: x.coverage) if len(sections) > 1 else None
    best_cov = max(coverage, best_sec.coverage if best_sec else 0.0)
    per_user = block[:, duty_idx].max(axis=1) if duty_idx else np.zeros(len(sims))
    precision = float(np.mean([th.credit(float(x)) for x in per_user])) if len(per_user) else 0.0
    fit = _fit(best_cov, precision, th.credit(lead_sim, lead=True))
    fitting = int(sum(1 for x in per_user if th.status(float(x)) != "not covered"))
    verdict = "strong" if fit >= STRONG_FIT else "partial" if fit >= PARTIAL_FIT else "weak"
    capped = verdict == "strong" and (fitting < STRONG_MIN_STATEMENTS or best_cov < STRONG_MIN_COVERAGE)
    if capped:
        verdict = "partial"
    return _Figures(
        coverage=_r(coverage),
        essential_coverage=_r(essential),
        precision=_r(precision),
        lead_similarity=_r(lead_sim),
        sections=sections,
        best_section=best_sec.heading if best_sec else None,
        best_section_coverage=_r(best_cov),
        fit=_r(fit),
        verdict=verdict,
        fitting=fitting,
        capped=capped,
    )


# -- the public function ------------------------------------------------------------------------
def _looks_like_heading(statement: str) -> bool:
    """A job-title or employer line the splitter kept ("Head Chef", "Cook, Maple Bistro (2019-2023)").

    Such lines are short and in Title Case, or carry a year; duty statements are sentences.
    """
    words = statement.replace(",", " ").replace("(", " ").replace(")", " ").split()
    if _YEAR.search(statement) and len(words) <= 10:
        return True
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content or len(words) > 6:
        return False
    return all(w[:1].isupper() for w in content)


def user_statements(text: object) -> list[str]:
    """The person's duty statements, or a UserError saying why there are none."""
    text = checked_text(text, "duty text")
    stmts = [x for x in split_duties(text) if not _looks_like_heading(x)] or split_duties(text)
    if not stmts:
        raise UserError(
            "no duty statements found in the text: paste the duties you performed, one per line or as sentences"
        )
    return stmts[:MAX_STATEMENTS]


def align(code: str, text: str, *, matcher: Any = None, look_alikes: bool = True) -> AlignmentReport:
    """Line the person's duties in `text` up against the lead statement and main duties of `code`."""
    catalog = Catalog.load()
    ug = catalog.require(code)
    stmts = user_statements(text)
    if matcher is None:
        from .matcher import Matcher

        matcher = Matcher.load()
    st = _statements_for(matcher)
    ci = st.code_pos[ug.code]
    sims = st.similarity(stmts)  # user statements × all NOC statements
    whole = st.similarity([" ".join(stmts)])[0]
    fig = _figures(st, ci, sims, whole)
    lo, hi = int(st.starts[ci]), int(st.ends[ci])

    # per NOC statement
    duties: list[DutyRow] = []
    for j in range(lo, hi):
        col = sims[:, j]
        i = int(np.argmax(col))
        sim = float(col[i])
        is_lead = st.kind[j] == 0
        if is_lead:
            sim = max(sim, float(whole[j]))
        status = st.th.status(sim, lead=bool(is_lead))
        duties.append(
            DutyRow(
                kind="lead" if is_lead else "duty",
                section=st.section[j],
                noc_text=ug.lead_statement if is_lead else st.texts[j],
                essential=not st.texts[j].startswith("May "),
                status=status,
                similarity=_r(sim),
                user_index=i if status != "not covered" else None,
                user_text=stmts[i] if status != "not covered" else None,
            )
        )

    # per user statement
    per_code = st.per_code_duty_max(sims)  # user × codes
    duty_rows = [j for j in range(lo, hi) if st.kind[j] == 1]
    user_rows: list[UserDutyRow] = []
    for i, s in enumerate(stmts):
        row_sims = sims[i, duty_rows] if duty_rows else np.zeros(1)
        k = int(np.argmax(row_sims))
        sim = float(row_sims[k])
        status = {"covered": "fits", "partly": "partly", "not covered": "fits no duty"}[st.th.status(sim)]
        others = per_code[i].copy()
        others[ci] = -1.0
        o = int(np.argmax(others))
        row = UserDutyRow(
            index=i,
            text=s,
            status=status,
            similarity=_r(sim),
            noc_duty=st.texts[duty_rows[k]] if duty_rows and status != "fits no duty" else None,
            section=st.section[duty_rows[k]] if duty_rows and status != "fits no duty" else None,
        )
        if others[o] >= st.th.partly and others[o] - sim >= BETTER_MARGIN:
            olo, ohi = int(st.starts[o]), int(st.ends[o])
            seg = np.where(st.duty_mask[olo:ohi], sims[i, olo:ohi], -1.0)
            row.better_code = st.codes[o]
            row.better_title = catalog[st.codes[o]].title
            row.better_similarity = _r(others[o])
            row.better_duty = st.texts[olo + int(np.argmax(seg))]
        user_rows.append(row)

    alikes = _look_alikes(catalog, ug, st, matcher, stmts, sims, whole, fig) if look_alikes else []
    reasons, checks = _explain(ug, fig, duties, user_rows, alikes)
    return AlignmentReport(
        code=ug.code,
        title=ug.title,
        teer=ug.teer,
        verdict=fig.verdict,
        fit=fig.fit,
        coverage=fig.coverage,
        essential_coverage=fig.essential_coverage,
        best_section=fig.best_section,
        best_section_coverage=fig.best_section_coverage,
        precision=fig.precision,
        lead_covered=fig.lead_similarity >= st.th.lead,
        lead_similarity=fig.lead_similarity,
        reasons=reasons,
        checks=checks,
        duties=duties,
        user_duties=user_rows,
        sections=fig.sections,
        look_alikes=alikes,
        thresholds={
            "covered": st.th.covered,
            "partly": st.th.partly,
            "lead": st.th.lead,
            "strong_fit": STRONG_FIT,
            "partial_fit": PARTIAL_FIT,
        },
    )


def _look_alikes(catalog, ug: UnitGroup, st: _Statements, matcher, stmts, sims, whole, fig: _Figures) -> list[LookAlike]:
    sources: dict[str, set[str]] = {}
    for e in ug.exclusions:
        if e.code in st.code_pos and e.code != ug.code:
            sources.setdefault(e.code, set()).add("exclusion")
    try:
        found, _, _ = matcher.rank("\n".join(stmts), k=RUNNERS_UP + 1)  # codes only: no evidence needed
    except UserError:
        found = []
    for code in [c for c in found if c != ug.code][:RUNNERS_UP]:
        sources.setdefault(code, set()).add("matcher")
    out = []
    for code, src in sources.items():
        f = _figures(st, st.code_pos[code], sims, whole)
        out.append(
            LookAlike(
                code=code,
                title=catalog[code].title,
                source="+".join(sorted(src)),
                coverage=f.coverage,
                precision=f.precision,
                lead_covered=f.lead_similarity >= st.th.lead,
                fit=f.fit,
                verdict=f.verdict,
                fits_better=f.fit >= fig.fit + LOOK_ALIKE_MARGIN,
            )
        )
    out.sort(key=lambda a: -a.fit)
    return out


def _pct(x: float) -> str:
    return f"{round(100 * x)} %"


def _explain(ug: UnitGroup, fig: _Figures, duties: list[DutyRow], users: list[UserDutyRow], alikes: list[LookAlike]):
    n_duties = sum(1 for d in duties if d.kind == "duty")
    covered = sum(1 for d in duties if d.kind == "duty" and d.status == "covered")
    partly = sum(1 for d in duties if d.kind == "duty" and d.status == "partly")
    fitting = sum(1 for u in users if u.status != "fits no duty")
    lead = duties[0]
    reasons = [
        f"{covered} of the {n_duties} main duties of {ug.code} are covered and {partly} partly covered "
        f"(coverage {_pct(fig.coverage)}; essential duties, i.e. those not starting with 'May', {_pct(fig.essential_coverage)})",
        f"{fitting} of your {len(users)} duty statements fit a duty of {ug.code} (precision {_pct(fig.precision)})",
        "your duties match the lead statement" if lead.status != "not covered" else "your duties do not clearly match the lead statement",
    ]
    if fig.capped:
        reasons.append(
            f"the figures are high but rest on little: a strong match needs at least {STRONG_MIN_STATEMENTS} of your "
            f"statements fitting and a third of the duties covered, so this reads as partial"
        )
    if fig.best_section is not None:
        reasons.append(f"the role best covered is '{fig.best_section}' ({_pct(fig.best_section_coverage)} of its duties)")
    checks: list[str] = []
    missing = [d for d in duties if d.kind == "duty" and d.status == "not covered" and d.essential]
    if missing:
        checks.append(
            f"{len(missing)} essential duties of {ug.code} have no matching statement in your text; check whether you "
            "performed them and, if so, say so in your own words"
        )
    if lead.status == "not covered":
        checks.append(f"check that the lead statement of {ug.code} describes your job as a whole")
    misfits = [u for u in users if u.status == "fits no duty"]
    if misfits:
        checks.append(f"{len(misfits)} of your statements fit no duty of {ug.code}; check whether they describe another occupation")
    better = sorted({u.better_code for u in users if u.better_code})
    if better:
        checks.append("some statements fit other codes clearly better: " + ", ".join(better))
    better_alikes = [a for a in alikes if a.fits_better]
    if better_alikes:
        checks.append(
            "these codes fit your duties better and are worth reading: "
            + ", ".join(f"{a.code} {a.title}" for a in better_alikes)
        )
    if fig.verdict == "weak":
        checks.append(f"the duties you gave do not read like {ug.code}; compare them with the NOC description before claiming this code")
    return reasons, checks


# -- exports (implemented in align_export) -------------------------------------------------------
def to_markdown(report: AlignmentReport) -> str:
    from .align_export import to_markdown as f

    return f(report)


def to_json(report: AlignmentReport) -> str:
    from .align_export import to_json as f

    return f(report)


def to_csv(report: AlignmentReport) -> str:
    from .align_export import to_csv as f

    return f(report)


def from_json(text: str) -> AlignmentReport:
    from .align_export import from_json as f

    return f(text)


class _CallableModule(__import__("types").ModuleType):
    """`noc_match.align(code, text)` calls `align()`, while `noc_match.align.to_json` etc. stay
    reachable: the package's public name and this module's name are the same word."""

    def __call__(self, code: str, text: str, **kwargs: Any) -> AlignmentReport:
        return align(code, text, **kwargs)


__import__("sys").modules[__name__].__class__ = _CallableModule
