"""Accuracy and speed of the matcher on the development benchmark; prints the README table.

    python benchmarks/run.py [--bench ../shared/bench/onet_dev.csv] [--limit N] [--json]

The benchmark is for measuring only: nothing from it enters the index.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from noc_match import index as idx  # noqa: E402
from noc_match.catalog import Catalog  # noqa: E402
from noc_match.evaluate import evaluate  # noqa: E402
from noc_match.matcher import Matcher  # noqa: E402

DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "onet_dev.csv"


def speed(matcher: Matcher, titles: list[str]) -> dict:
    lat = []
    for t in titles[:300]:
        t0 = time.perf_counter()
        matcher.search(t, k=5)
        lat.append((time.perf_counter() - t0) * 1000)
    lat.sort()
    t0 = time.perf_counter()
    matcher.rank_many(titles, k=5)
    batch_rate = len(titles) / (time.perf_counter() - t0)
    return {
        "title_p50_ms": statistics.median(lat),
        "title_p95_ms": lat[int(len(lat) * 0.95) - 1],
        "batch_titles_per_s": batch_rate,
    }


def build_and_load() -> dict:
    catalog = Catalog.load()
    t0 = time.perf_counter()
    built = idx.build(catalog)
    build_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        idx.save(built, Path(tmp))
        size = (Path(tmp) / idx.INDEX_FILE).stat().st_size
        t0 = time.perf_counter()
        idx.load(Path(tmp), rebuild=False)
        load_s = time.perf_counter() - t0
    return {"index_build_s": build_s, "index_load_s": load_s, "index_file_mb": size / 1e6}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", default=os.environ.get("NOC_MATCH_BENCH", str(DEFAULT_BENCH)))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    timing = build_and_load()
    matcher = Matcher.load()
    acc = evaluate(args.bench, text_column="text", gold_column="gold_noc2021", kind_column="text_kind",
                   strict_column="gold_noc2021_strict", limit=args.limit, progress=sys.stderr.isatty())
    import pandas as pd

    titles = pd.read_csv(args.bench, dtype=str, keep_default_na=False).query("text_kind == 'title'")["text"]
    titles = titles.sample(min(5000, len(titles)), random_state=0).tolist()
    sp = speed(matcher, titles)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"accuracy": acc, "speed": sp | timing | {"max_rss_mb": rss_mb}}
    out_dir = ROOT / "benchmarks" / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "matcher.json").write_text(json.dumps(result, indent=2))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    pct = lambda x: f"{100 * x:.1f} %"  # noqa: E731
    print("| kind | n | top-1 | top-5 | strict top-1 | strict top-5 | TEER top-1 |")
    print("|---|---|---|---|---|---|---|")
    for kind, r in list(acc["by_kind"].items()) + [("all", acc)]:
        print(f"| {kind} | {r['n']} | {pct(r['top1'])} | {pct(r['top5'])} | {pct(r.get('strict_top1', 0))} | "
              f"{pct(r.get('strict_top5', 0))} | {pct(r['teer_top1'])} |")
    nr = acc["needs_review"]
    print(f"\nneeds_review: {nr['flagged']} of {acc['n']} flagged; top-1 {pct(nr['flagged_top1'] or 0)} when flagged, "
          f"{pct(nr['unflagged_top1'] or 0)} when not")
    print("\n| speed | value |\n|---|---|")
    print(f"| single title query p50 / p95 | {sp['title_p50_ms']:.1f} ms / {sp['title_p95_ms']:.1f} ms |")
    print(f"| batch (titles/s) | {sp['batch_titles_per_s']:.0f} |")
    print(f"| evaluate throughput (all kinds, queries/s) | {acc['queries_per_s']:.0f} |")
    print(f"| index build / load | {timing['index_build_s']:.1f} s / {timing['index_load_s']:.2f} s |")
    print(f"| index file | {timing['index_file_mb']:.0f} MB |")
    print(f"| peak memory (RSS) | {rss_mb:.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
