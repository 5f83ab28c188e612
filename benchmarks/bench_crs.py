"""Benchmark: parse and score 1,000 varied profiles (target: under one second).

Run: .venv/bin/python benchmarks/bench_crs.py
"""
from __future__ import annotations

import random
import time

from noc_match.rules.crs import score, score_many
from noc_match.rules.profile import CANADIAN_EDUCATION_LEVELS, EDUCATION_LEVELS

ABILITIES = ("listening", "reading", "writing", "speaking")


def make_profiles(n: int, seed: int = 7) -> list[dict]:
    """Deterministic, varied profiles (IELTS/CELPIP/CLB first language, TEF/NCLC second, spouses)."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        test = rnd.choice(["ielts", "celpip", "clb"])
        first = {"test": test, **{a: (rnd.randint(8, 18) / 2 if test == "ielts" else rnd.randint(4, 12)) for a in ABILITIES}}
        second = rnd.choice([None, {"test": "tef", **{a: rnd.randint(300, 699) for a in ABILITIES}},
                             {"test": "nclc", **{a: rnd.randint(4, 10) for a in ABILITIES}}])
        spouse = rnd.choice([None, {"education": rnd.choice(EDUCATION_LEVELS), "canadian_work_years": rnd.randint(0, 5),
                                    "language": {"test": "clb", **{a: rnd.randint(4, 10) for a in ABILITIES}}}])
        out.append({
            "age": rnd.randint(18, 50), "education": rnd.choice(EDUCATION_LEVELS),
            "canadian_education": rnd.choice(CANADIAN_EDUCATION_LEVELS), "first_language": first,
            "second_language": second, "canadian_work_years": rnd.randint(0, 6), "foreign_work_years": rnd.randint(0, 6),
            "certificate_of_qualification": rnd.random() < 0.1, "sibling_in_canada": rnd.random() < 0.1,
            "provincial_nomination": rnd.random() < 0.05, "job_offer": "none", "spouse": spouse,
        })
    return out


def main() -> None:
    profiles = make_profiles(1000)
    start = time.perf_counter()
    score(profiles[0], "2026-09-01")          # first call loads the YAML data files
    print(f"first profile (loads the rule files): {time.perf_counter() - start:.3f} s")
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        results = score_many(profiles, "2026-09-01")
        best = min(best, time.perf_counter() - start)
    assert len(results) == 1000
    print(f"{len(profiles)} profiles parsed and scored in {best:.3f} s (best of 5) = {len(profiles) / best:,.0f} profiles/second")
    print(f"mean total {sum(r.total for r in results) / len(results):.1f}")


if __name__ == "__main__":
    main()
