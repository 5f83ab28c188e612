"""Duty alignment on the development benchmark: gold code vs a random other code of the same TEER.

Rows: the O*NET duty paragraphs (text_kind == "duties") of onet_dev.csv with a single gold
code (label_tier A, or one gold code). For each row the paragraph is aligned against its gold
code and against one random other code of the same TEER (fixed seed). Printed:
- how often the gold code's coverage beats the random code's (strictly; ties counted apart),
  and the same for the verdict's `fit` figure;
- how often the gold code's verdict is strong or partial;
- the verdict confusion (gold vs random), mean figures and the time per alignment.

Nothing here is fitted: the benchmark is only measured.

    NOC_MATCH_MIRROR=/work/shared/noc2021 .venv/bin/python benchmarks/bench_align.py [--limit N] [--seed S]
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

DEFAULT_BENCH = Path(os.environ.get("NOC_MATCH_BENCH", "/work/shared/bench/onet_dev.csv"))
VERDICTS = ("strong", "partial", "weak")


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        out = []
        for r in csv.DictReader(fh):
            gold = [g for g in r["gold_noc2021"].split(";") if g]
            if r["text_kind"] == "duties" and (r["label_tier"] == "A" or len(gold) == 1):
                out.append(r | {"gold": gold[0]})
        return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--dump", type=Path, help="write per-row figures to this CSV")
    args = ap.parse_args(argv)

    from noc_match.align import align
    from noc_match.catalog import Catalog
    from noc_match.matcher import Matcher

    catalog = Catalog.load()
    matcher = Matcher.load()
    by_teer: dict[int, list[str]] = {}
    for u in catalog:
        by_teer.setdefault(u.teer, []).append(u.code)
    rng = random.Random(args.seed)
    data = rows(args.bench)
    if args.limit:
        data = data[: args.limit]
    align(data[0]["gold"], data[0]["text"], matcher=matcher)  # warm caches

    cov_win = cov_tie = fit_win = fit_tie = ok_verdict = 0
    confusion: Counter = Counter()
    gold_v: Counter = Counter()
    rand_v: Counter = Counter()
    sums = Counter()
    times: list[float] = []
    dump = []
    for r in data:
        gold = r["gold"]
        other = rng.choice([c for c in by_teer[catalog[gold].teer] if c != gold])
        t0 = time.perf_counter()
        g = align(gold, r["text"], matcher=matcher)
        times.append(time.perf_counter() - t0)
        o = align(other, r["text"], matcher=matcher, look_alikes=False)
        cov_win += g.coverage > o.coverage
        cov_tie += g.coverage == o.coverage
        fit_win += g.fit > o.fit
        fit_tie += g.fit == o.fit
        ok_verdict += g.verdict in ("strong", "partial")
        confusion[(g.verdict, o.verdict)] += 1
        gold_v[g.verdict] += 1
        rand_v[o.verdict] += 1
        for k, rep in (("gold", g), ("rand", o)):
            sums[k + "_cov"] += rep.coverage
            sums[k + "_prec"] += rep.precision
            sums[k + "_fit"] += rep.fit
            sums[k + "_lead"] += rep.lead_covered
        dump.append({"id": r["id"], "gold": gold, "other": other, "n_stmts": len(g.user_duties),
                     "g_cov": g.coverage, "g_prec": g.precision, "g_fit": g.fit, "g_verdict": g.verdict,
                     "o_cov": o.coverage, "o_prec": o.precision, "o_fit": o.fit, "o_verdict": o.verdict})
    n = len(data)
    pct = lambda x: f"{100 * x / n:.1f} %"  # noqa: E731
    print(f"duty paragraphs with one gold code: {n} (seed {args.seed})")
    print(f"coverage(gold) > coverage(random same-TEER code): {pct(cov_win)}  (ties {pct(cov_tie)})")
    print(f"fit(gold) > fit(random same-TEER code):           {pct(fit_win)}  (ties {pct(fit_tie)})")
    print(f"verdict for gold code strong or partial:          {pct(ok_verdict)}")
    print(f"verdict for random code weak:                     {pct(rand_v['weak'])}")
    print()
    print("mean figures        gold    random")
    for name in ("cov", "prec", "fit", "lead"):
        print(f"  {name:<16} {sums['gold_' + name] / n:7.3f}  {sums['rand_' + name] / n:7.3f}")
    print()
    print("verdict confusion (rows: gold code, columns: random same-TEER code)")
    print("gold \\ random   " + "".join(f"{v:>9}" for v in VERDICTS) + "    total")
    for gv in VERDICTS:
        print(f"  {gv:<13}" + "".join(f"{confusion[(gv, ov)]:>9}" for ov in VERDICTS) + f"{gold_v[gv]:>9}")
    print(f"  {'total':<13}" + "".join(f"{rand_v[ov]:>9}" for ov in VERDICTS) + f"{n:>9}")
    times.sort()
    print()
    print(f"time per alignment (with look-alikes): median {1000 * times[n // 2]:.0f} ms, "
          f"95th pct {1000 * times[int(0.95 * (n - 1))]:.0f} ms, max {1000 * times[-1]:.0f} ms")
    if args.dump:
        with args.dump.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(dump[0]))
            w.writeheader()
            w.writerows(dump)
    return 0


if __name__ == "__main__":
    sys.exit(main())
