"""noc-match: NOC 2021 coding, duty alignment and Express Entry rules for immigration to Canada.

The public API every face (CLI, Streamlit page, Python users) calls.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import DataError, UserError  # noqa: E402

__all__ = ["__version__", "UserError", "DataError"]
