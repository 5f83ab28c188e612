"""Small, Streamlit-free helpers for the web page (`app.py`): markdown escaping, badges, draw kinds.

Nothing here writes to disk or logs what the user pasted; everything works on in-memory values.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

# characters that Streamlit markdown would interpret (markdown, LaTeX `$`, colour directives `:`)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$:<])")


def md_escape(text: object) -> str:
    """`text` as literal markdown (user text must never be read as markup, links or LaTeX)."""
    s = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", s)


def pct(x: float | None) -> str:
    return "-" if x is None else f"{round(100 * float(x))} %"


def program_badges(rules: Mapping[str, Any]) -> list[tuple[str, bool, str]]:
    """(program, eligible, reason) for FSW, CEC and FST from `occupation_rules`."""
    progs = rules.get("programs") or {}
    return [(p, bool(progs.get(p, {}).get("eligible")), str(progs.get(p, {}).get("reason", "")))
            for p in ("FSW", "CEC", "FST")]


def draw_kinds_for(rules: Mapping[str, Any] | None, *, french_nclc: Mapping[str, int] | None = None,
                   provincial_nomination: bool = False) -> list[str]:
    """Draw kinds worth comparing with for a code and a person.

    General rounds always; the programs the code's TEER allows; the code's categories on the
    date; French-language rounds when the person's French result is NCLC 7 in every ability;
    PNP rounds when nominated. This is a starting choice the user can change (the person's own
    program eligibility needs their work history, see `noc-match eligibility`).
    """
    from .rules.draws import kind_of

    kinds = ["general"]
    if rules:
        for prog, eligible, _ in program_badges(rules):
            if eligible:
                kinds.append(prog.lower())
        for cat in rules.get("categories") or []:
            k = kind_of(str(cat.get("id") or ""))
            if k == "other":
                k = kind_of(str(cat.get("name") or ""))
            if k != "other":
                kinds.append(k)
    if french_nclc and len(french_nclc) == 4 and min(french_nclc.values()) >= 7:
        kinds.append("french")
    if provincial_nomination:
        kinds.append("pnp")
    out: list[str] = []
    for k in kinds:
        if k not in out:
            out.append(k)
    return out
