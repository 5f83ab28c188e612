"""Shared fixtures: the real NOC 2021 catalog from the local mirror, loaded once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DEFAULT_MIRROR = REPO.parent / "shared" / "noc2021"
if DEFAULT_MIRROR.is_dir():
    os.environ.setdefault("NOC_MATCH_MIRROR", str(DEFAULT_MIRROR))
MIRROR = Path(os.environ["NOC_MATCH_MIRROR"]) if os.environ.get("NOC_MATCH_MIRROR") else None
BENCH = Path(os.environ.get("NOC_MATCH_BENCH", str(REPO.parent / "shared" / "bench" / "onet_dev.csv")))


@pytest.fixture(scope="session")
def mirror() -> Path:
    """A folder with the three official files: the shared mirror, or the downloaded data."""
    if MIRROR is not None:
        assert MIRROR.is_dir(), f"NOC mirror not found at {MIRROR}; set NOC_MATCH_MIRROR"
        return MIRROR
    from noc_match.sources import ensure_data

    return ensure_data()


@pytest.fixture(scope="session")
def catalog(mirror):
    from noc_match.catalog import Catalog

    return Catalog.load()
