"""Small, Streamlit-free helpers for the web page (`app.py`): markdown escaping, badges, draw kinds.

Nothing here writes to disk or logs what the user pasted; everything works on in-memory values.
"""
from __future__ import annotations

import re

# characters that Streamlit markdown would interpret (markdown, LaTeX `$`, colour directives `:`)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$:<])")


def md_escape(text: object) -> str:
    """`text` as literal markdown (user text must never be read as markup, links or LaTeX)."""
    s = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", s)


def pct(x: float | None) -> str:
    return "-" if x is None else f"{round(100 * float(x))} %"


# The draw kinds for a code and a person are engine logic shared with the CLI (`crs --noc`).
from .rules.draws import kinds_for_code as draw_kinds_for  # noqa: E402,F401
from .rules.draws import program_flags as program_badges  # noqa: E402,F401
