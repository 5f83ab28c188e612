"""`noc-match data fetch|status`: getting the official NOC files onto this machine."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from ..cli import add_command
from ..output import table
from ..paths import noc_data_dir
from ..sources import SOURCES, fetch, read_manifest, sha256_of


def _fetch(args: argparse.Namespace) -> tuple[Any, str]:
    results = fetch(args.from_dir, force=args.force, progress=sys.stderr.isatty() and not args.json)
    payload = {"data_dir": str(noc_data_dir()), "files": results}
    text = table([(r.filename, r.status, r.sha256[:16]) for r in results], ["file", "status", "sha256"])
    return payload, f"NOC 2021 data in {noc_data_dir()}\n{text}"


def _status(args: argparse.Namespace) -> tuple[Any, str]:
    dest = noc_data_dir()
    manifest = read_manifest(dest)
    rows = []
    for s in SOURCES:
        path = dest / s.filename
        rows.append(
            {
                "file": s.filename,
                "present": path.exists(),
                "sha256": sha256_of(path) if path.exists() else None,
                "origin": manifest.get(s.key, {}).get("origin"),
                "url": s.url,
            }
        )
    text = table([(r["file"], "yes" if r["present"] else "no", r["origin"] or "") for r in rows], ["file", "present", "from"])
    return {"data_dir": str(dest), "files": rows}, text


def register(subparsers: Any) -> None:
    data = subparsers.add_parser("data", help="get or inspect the official NOC 2021 files")
    sub = data.add_subparsers(dest="data_command", required=True, parser_class=type(data))
    p = add_command(sub, "fetch", _fetch, "download (or copy from a mirror) and verify the NOC 2021 files")
    p.add_argument("--from", dest="from_dir", metavar="DIR", help="copy from a local mirror folder (or set NOC_MATCH_MIRROR)")
    p.add_argument("--force", action="store_true", help="fetch again even when the files are present and valid")
    add_command(sub, "status", _status, "which NOC files are present and where they came from")
