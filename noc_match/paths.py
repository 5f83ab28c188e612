"""Where the project's files live, overridable by environment variables.

`NOC_MATCH_DATA_DIR` moves the downloaded NOC files, `NOC_MATCH_MODELS_DIR` the built index,
`NOC_MATCH_RULES_DIR` the dated rule tables (tests use these to work in temporary folders).
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else default


def noc_data_dir() -> Path:
    """Folder holding the official NOC 2021 files (git-ignored)."""
    return _env_path("NOC_MATCH_DATA_DIR", PROJECT_DIR / "data" / "noc2021")


def models_dir() -> Path:
    """Folder holding the built index (git-ignored)."""
    return _env_path("NOC_MATCH_MODELS_DIR", PROJECT_DIR / "models")


def rules_dir() -> Path:
    """Folder holding the project's dated, sourced rule tables."""
    return _env_path("NOC_MATCH_RULES_DIR", PROJECT_DIR / "data" / "rules")


def data_dir() -> Path:
    """The project's `data/` folder (rule tables, draws)."""
    return rules_dir().parent


def mirror_dir() -> Path | None:
    """A local mirror of the official files, when `NOC_MATCH_MIRROR` names one."""
    value = os.environ.get("NOC_MATCH_MIRROR")
    return Path(value).expanduser() if value else None
