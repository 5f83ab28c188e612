"""Where the official NOC 2021 files come from, and getting them onto disk safely.

Files come from Statistics Canada's official URLs or from a local mirror folder (offline
set-up, tests, CI). Every file is verified before it replaces anything: byte files by their
pinned sha256, the elements file by its content (the shared mirror holds a faithful
reconstruction whose bytes differ from the official download). Writes are atomic: a cut
download or a corrupt copy never leaves a half file behind.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .errors import DataError
from .paths import mirror_dir, noc_data_dir

BASE = "https://www.statcan.gc.ca/en/subjects/standard/noc/2021/indexV1/"
MANIFEST_NAME = "MANIFEST.json"

EXPECTED_ELEMENT_TYPES = frozenset(
    {
        "Illustrative example(s)",
        "All examples",
        "Inclusion(s)",
        "Exclusion(s)",
        "Main duties",
        "Employment requirements",
        "Additional information",
    }
)
UNIT_GROUP_COUNT = 516


@dataclass(frozen=True)
class SourceFile:
    """One official file: its name on disk, its URL and how it is checked."""

    key: str
    filename: str
    url: str
    sha256: str | None  # pinned when the official bytes are known
    description: str


SOURCES: tuple[SourceFile, ...] = (
    SourceFile(
        "structure",
        "noc-2021-v1.0-classification-structure.csv",
        BASE + "noc-2021-v1.0-classification-structure.csv",
        "186bf1dce249a6b8cd0d87f6f52bfe6c700d6577e08216f5b1f7d4242e051071",
        "NOC 2021 V1.0 classification structure (codes, titles, lead statements)",
    ),
    SourceFile(
        "elements",
        "noc-2021-v1.0-elements.csv",
        BASE + "noc-2021-v1.0-elements.csv",
        None,  # validated by content; the checksum seen is recorded in MANIFEST.json
        "NOC 2021 V1.0 elements (example titles, duties, inclusions, exclusions, requirements)",
    ),
    SourceFile(
        "concordance",
        "noc2016v1_3-noc2021v1_0-eng.csv",
        "https://www.statcan.gc.ca/en/statistical-programs/document/noc2016v1_3-noc2021v1_0-eng.csv",
        "0a8375082e3a297910fbebadd4d44fd831300df3d5c04edec0b8a1d6b37172f1",
        "NOC 2016 V1.3 to NOC 2021 V1.0 concordance",
    ),
)
SOURCE_BY_KEY = {s.key: s for s in SOURCES}


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _read_csv_rows(path: Path) -> list[dict[str, str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = path.read_bytes().decode("cp1252")
        except UnicodeDecodeError as exc:
            raise DataError(f"{path.name}: not a text CSV file ({exc})") from None
    try:
        return list(csv.DictReader(io.StringIO(text)))
    except csv.Error as exc:
        raise DataError(f"{path.name}: not a readable CSV file ({exc})") from None


def validate_elements(path: Path) -> None:
    """Refuse an elements file that lacks the shape the catalog relies on."""
    rows = _read_csv_rows(path)
    need = {"Code - NOC 2021 V1.0", "Element Type Label English", "Element Description English"}
    if not rows or not need.issubset(rows[0].keys()):
        raise DataError(f"{path.name}: missing columns {sorted(need)}")
    types_by_code: dict[str, set[str]] = {}
    for r in rows:
        types_by_code.setdefault(r["Code - NOC 2021 V1.0"].strip(), set()).add(r["Element Type Label English"].strip())
    unit_groups = {c for c in types_by_code if len(c) == 5 and c.isdigit()}
    if len(unit_groups) != UNIT_GROUP_COUNT:
        raise DataError(f"{path.name}: {len(unit_groups)} unit groups, expected {UNIT_GROUP_COUNT}")
    seen_types = set().union(*types_by_code.values())
    missing_types = EXPECTED_ELEMENT_TYPES - seen_types
    if missing_types:
        raise DataError(f"{path.name}: element types missing: {sorted(missing_types)}")
    lacking = sorted(c for c in unit_groups if not {"Main duties", "All examples"} <= types_by_code[c])
    if lacking:
        raise DataError(f"{path.name}: unit groups without main duties or example titles: {', '.join(lacking[:5])}")


def validate(source: SourceFile, path: Path) -> str:
    """Check one file; return its sha256 or raise DataError naming the problem."""
    digest = sha256_of(path)
    if source.sha256 is not None:
        if digest != source.sha256:
            raise DataError(
                f"{source.filename}: checksum mismatch (got {digest[:12]}…, expected {source.sha256[:12]}…); "
                "the file is corrupt or not the official NOC 2021 V1.0 file"
            )
    else:
        validate_elements(path)
    return digest


def _manifest_path(dest: Path) -> Path:
    return dest / MANIFEST_NAME


def read_manifest(dest: Path | None = None) -> dict[str, dict[str, str]]:
    path = _manifest_path(dest or noc_data_dir())
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_atomic_text(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _is_present_and_valid(source: SourceFile, path: Path, manifest: dict[str, dict[str, str]]) -> bool:
    if not path.exists():
        return False
    recorded = manifest.get(source.key, {}).get("sha256")
    digest = sha256_of(path)
    if source.sha256 is not None:
        return digest == source.sha256
    if recorded == digest:  # validated by content when it was fetched
        return True
    try:
        validate_elements(path)
    except DataError:
        return False
    return True


def _download(url: str, out: Path, label: str, progress: bool) -> None:
    from tqdm import tqdm

    req = urllib.request.Request(url, headers={"User-Agent": "noc-match (+https://pypi.org/project/noc-match)"})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp, out.open("wb") as fh:
            total = int(resp.headers.get("Content-Length") or 0) or None
            with tqdm(total=total, unit="B", unit_scale=True, desc=label, disable=not progress, leave=False) as bar:
                for chunk in iter(lambda: resp.read(1 << 16), b""):
                    fh.write(chunk)
                    bar.update(len(chunk))
    except OSError as exc:
        raise DataError(
            f"could not download {url}: {exc}. Use a local copy: noc-match data fetch --from DIR "
            "(or set NOC_MATCH_MIRROR=DIR)"
        ) from None


@dataclass
class FetchResult:
    key: str
    filename: str
    status: str  # "present", "copied" or "downloaded"
    sha256: str
    origin: str


def fetch(
    from_dir: str | Path | None = None,
    *,
    dest: Path | None = None,
    force: bool = False,
    progress: bool = True,
    keys: Iterable[str] | None = None,
) -> list[FetchResult]:
    """Bring every official file into `dest` (default `data/noc2021/`), verified and atomic.

    `from_dir` (or `NOC_MATCH_MIRROR`) copies from a local mirror instead of downloading.
    Files already present and valid are skipped unless `force`.
    """
    dest = Path(dest or noc_data_dir())
    dest.mkdir(parents=True, exist_ok=True)
    mirror = Path(from_dir).expanduser() if from_dir else mirror_dir()
    if mirror is not None and not mirror.is_dir():
        raise DataError(f"mirror folder not found: {mirror}")
    manifest = read_manifest(dest)
    results: list[FetchResult] = []
    wanted = [SOURCE_BY_KEY[k] for k in keys] if keys else list(SOURCES)
    for source in wanted:
        target = dest / source.filename
        if not force and _is_present_and_valid(source, target, manifest):
            results.append(FetchResult(source.key, source.filename, "present", sha256_of(target), str(target)))
            continue
        fd, tmp_name = tempfile.mkstemp(dir=dest, prefix=f".{source.filename}.", suffix=".part")
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            if mirror is not None:
                origin = mirror / source.filename
                if not origin.is_file():
                    raise DataError(f"mirror {mirror} has no {source.filename}")
                shutil.copyfile(origin, tmp)
                status = "copied"
            else:
                origin = source.url  # type: ignore[assignment]
                _download(source.url, tmp, source.filename, progress)
                status = "downloaded"
            digest = validate(source, tmp)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        manifest[source.key] = {"filename": source.filename, "sha256": digest, "origin": str(origin)}
        _write_atomic_text(_manifest_path(dest), json.dumps(manifest, indent=2, sort_keys=True))
        results.append(FetchResult(source.key, source.filename, status, digest, str(origin)))
    return results


def ensure_data(dest: Path | None = None, progress: bool = True) -> Path:
    """The data folder with every file present; fetches what is missing (mirror or download)."""
    dest = Path(dest or noc_data_dir())
    if any(not (dest / s.filename).exists() for s in SOURCES):
        fetch(dest=dest, progress=progress)
    return dest


def data_checksums(dest: Path | None = None) -> dict[str, str]:
    """sha256 of each data file now on disk, for the index manifest."""
    dest = Path(dest or noc_data_dir())
    return {s.key: sha256_of(dest / s.filename) for s in SOURCES if (dest / s.filename).exists()}
