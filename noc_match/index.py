"""The fitted search structures over the catalog, saved under `models/` with a manifest.

The manifest records the data checksums, library versions and the index file's own checksum,
so a stale or corrupt index is rebuilt, never trusted. Only the official NOC text goes in:
titles, example titles, inclusions, exclusions (as evidence for the code they point to),
lead statements and main duties.
"""
from __future__ import annotations

import hashlib
import json
import os
import platform
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from .catalog import Catalog
from .paths import models_dir
from .sources import data_checksums, sha256_of
from .text import normalize, stemmed

INDEX_FORMAT = 3
INDEX_FILE = "noc_index.joblib"
MANIFEST_FILE = "noc_index.manifest.json"

# kinds of title entry, by how much they say about the code they belong to
TITLE_KINDS = ("title", "example", "illustrative", "inclusion", "exclusion", "example_core")


@dataclass
class Index:
    """Everything the matcher needs at query time, fitted once from the catalog."""

    codes: list[str]
    titles: list[str]  # unit-group titles, aligned with codes
    teers: np.ndarray
    # title-like entries (official titles, example titles, inclusions, exclusion texts)
    entry_text: list[str]
    entry_norm: list[str]
    entry_code: np.ndarray  # index into codes
    entry_kind: np.ndarray  # index into TITLE_KINDS
    char_vec: Any
    entry_char: sparse.csr_matrix
    # statement entries (lead statements and main duties), sorted by code
    stmt_text: list[str]
    stmt_code: np.ndarray
    stmt_starts: np.ndarray  # first statement row of each code (for reduceat)
    word_vec: Any
    stmt_word: sparse.csr_matrix
    doc_word: sparse.csr_matrix  # one document per unit group
    doc_char: sparse.csr_matrix
    cover_vec: Any = None  # binary stemmed-word vocabulary of the unit-group documents
    cover_terms: sparse.csr_matrix | None = None  # vocabulary × codes, 1 where the group uses the word
    cover_idf: np.ndarray | None = None
    known_words: frozenset = frozenset()  # every word of the NOC text, unstemmed
    meta: dict = field(default_factory=dict)


def _title_entries(catalog: Catalog) -> list[tuple[str, int, int]]:
    code_pos = {c: i for i, c in enumerate(catalog.codes)}
    entries: list[tuple[str, int, int]] = []
    for i, ug in enumerate(catalog):
        entries.append((ug.title, i, 0))
        entries += [(t, i, 1) for t in ug.example_titles]
        # "Testing machine operator - electronic equipment manufacturing": the part before the
        # industry qualifier is how people write the title
        entries += [(t.split(" - ")[0], i, 5) for t in ug.example_titles if " - " in t]
        entries += [(t, i, 2) for t in ug.illustrative_examples]
        entries += [(t, i, 3) for t in ug.inclusions]
        for ex in ug.exclusions:
            target = code_pos.get(ex.code)
            if target is not None:  # the exclusion's wording names the other code's workers
                entries.append((ex.text, target, 4))
    seen: set[tuple[str, int]] = set()
    unique = []
    for text, code, kind in entries:
        key = (normalize(text), code)
        if key[0] and key not in seen:
            seen.add(key)
            unique.append((text, code, kind))
    return unique


def _statements(catalog: Catalog) -> list[tuple[str, int]]:
    rows = []
    for i, ug in enumerate(catalog):
        rows.append((ug.lead_statement, i))
        rows += [(d, i) for d in ug.duties]
    return rows


def _unit_document(ug) -> str:
    parts = [ug.title] * 3 + list(ug.illustrative_examples) + list(ug.example_titles) + list(ug.inclusions)
    parts += [ug.lead_statement] * 2 + list(ug.duties)
    return " . ".join(parts)


def build(catalog: Catalog) -> Index:
    """Fit every structure from the catalog (a few seconds on two cores)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    t0 = time.perf_counter()
    entries = _title_entries(catalog)
    entry_norm = [normalize(t) for t, _, _ in entries]
    char_vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=1, dtype=np.float32)
    entry_char = char_vec.fit_transform(entry_norm).tocsr()

    stmts = _statements(catalog)
    docs = [_unit_document(ug) for ug in catalog]
    word_vec = TfidfVectorizer(
        preprocessor=stemmed, token_pattern=r"\S+", ngram_range=(1, 2), sublinear_tf=True, min_df=1, dtype=np.float32
    )
    word_vec.fit(docs)
    stmt_word = word_vec.transform([s for s, _ in stmts]).tocsr()
    doc_word = word_vec.transform(docs).tocsr()
    doc_char = char_vec.transform([stemmed(d) for d in docs]).tocsr()
    stmt_code = np.array([c for _, c in stmts], dtype=np.int32)
    starts = np.searchsorted(stmt_code, np.arange(len(catalog)))

    index = Index(
        codes=catalog.codes,
        titles=[u.title for u in catalog],
        teers=np.array([u.teer for u in catalog], dtype=np.int8),
        entry_text=[t for t, _, _ in entries],
        entry_norm=entry_norm,
        entry_code=np.array([c for _, c, _ in entries], dtype=np.int32),
        entry_kind=np.array([k for _, _, k in entries], dtype=np.int8),
        char_vec=char_vec,
        entry_char=entry_char,
        stmt_text=[s for s, _ in stmts],
        stmt_code=stmt_code,
        stmt_starts=starts.astype(np.int64),
        word_vec=word_vec,
        stmt_word=stmt_word,
        doc_word=doc_word,
        doc_char=doc_char,
    )
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

    cover_vec = CountVectorizer(preprocessor=stemmed, token_pattern=r"\S+", binary=True, dtype=np.float32)
    terms = cover_vec.fit_transform(docs).T.tocsr()
    df = np.asarray(terms.sum(axis=1)).ravel()
    index.cover_vec, index.cover_terms = cover_vec, terms
    index.cover_idf = (np.log((len(docs) + 1) / (df + 1)) + 1).astype(np.float32)

    index.known_words = frozenset(w for d in docs for w in normalize(d).split()) | ENGLISH_STOP_WORDS
    index.meta = {"build_seconds": round(time.perf_counter() - t0, 2)}
    return index


# -- persistence ------------------------------------------------------------------------------
def library_versions() -> dict[str, str]:
    import rapidfuzz
    import scipy
    import sklearn

    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "scikit-learn": sklearn.__version__,
        "rapidfuzz": rapidfuzz.__version__,
    }


def code_fingerprint() -> str:
    """sha256 of the modules that shape the index, so a code change rebuilds it."""
    h = hashlib.sha256(str(INDEX_FORMAT).encode())
    here = Path(__file__).resolve().parent
    for name in ("index.py", "text.py", "catalog.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()


def _expected_manifest() -> dict[str, Any]:
    return {"format": code_fingerprint(), "data": data_checksums(), "libraries": library_versions()}


def save(index: Index, folder: Path | None = None) -> Path:
    """Write the index and its manifest atomically."""
    import joblib

    folder = Path(folder or models_dir())
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / INDEX_FILE
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".noc_index.", suffix=".part")
    os.close(fd)
    try:
        joblib.dump(index, tmp, compress=0)  # uncompressed: loads faster; models/ is not in git
        digest = sha256_of(Path(tmp))
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    manifest = _expected_manifest() | {"index_sha256": digest, "built": time.strftime("%Y-%m-%dT%H:%M:%S"), **index.meta}
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".manifest.", suffix=".part")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2, sort_keys=True)
    os.replace(tmp, folder / MANIFEST_FILE)
    return target


def check(folder: Path | None = None) -> str | None:
    """None when the saved index can be trusted, else the reason it must be rebuilt."""
    folder = Path(folder or models_dir())
    path, mpath = folder / INDEX_FILE, folder / MANIFEST_FILE
    if not path.exists() or not mpath.exists():
        return "no index built yet"
    try:
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "index manifest unreadable"
    expected = _expected_manifest()
    for key in ("format", "data", "libraries"):
        if manifest.get(key) != expected[key]:
            return f"index built with other {key}"
    if manifest.get("index_sha256") != sha256_of(path):
        return "index file corrupt (checksum mismatch)"
    return None


def load(folder: Path | None = None, *, rebuild: bool = True, progress: bool = False) -> Index:
    """The saved index when it is valid; otherwise rebuilt from the catalog and saved."""
    import joblib

    folder = Path(folder or models_dir())
    reason = check(folder)
    if reason is None:
        try:
            return joblib.load(folder / INDEX_FILE)
        except Exception as exc:  # a truncated or tampered pickle: never trust it
            reason = f"index unreadable ({type(exc).__name__})"
    if not rebuild:
        from .errors import DataError

        raise DataError(f"index not usable: {reason}; run `noc-match index build`")
    if progress:
        print(f"noc-match: building the index ({reason})…", file=sys.stderr)
    index = build(Catalog.load())
    try:
        save(index, folder)
    except OSError:
        pass  # a read-only models folder still gets a working in-memory index
    return index
