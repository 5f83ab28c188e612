"""Normalising text and splitting a pasted job description into duty statements.

People paste reference letters and postings: bullets, numbered lists, semicolon runs,
"Responsibilities:" blocks, plus company blurbs, salary lines and benefits. The splitter keeps
statements that read like duties and drops headers and boilerplate, so matching and duty
alignment work on what the person actually did.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache
import unicodedata

MAX_TEXT_CHARS = 200_000  # longer pastes are cut (a 1 MB paste is a mistake, not a letter)

_BULLET = re.compile(r"^\s*(?:[-–—•·*▪●○◦►‣⁃>]+|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)](?=\s))\s*")
_HEADER = re.compile(
    r"^(?:key\s+|main\s+|primary\s+|core\s+|job\s+|my\s+|principal\s+)?"
    r"(?:responsibilities|duties|tasks|accountabilities|role|what you(?:'ll| will) do|job description|"
    r"duties and responsibilities|responsibilities and duties|position summary|summary|about (?:the|this) (?:role|job|position))"
    r"(?:\s+(?:include|included|were|are|was))?\s*:?\s*$",
    re.I,
)
_BOILERPLATE = re.compile(
    r"\b(?:salary|wage|per hour|/hour|\$\s?\d|benefits? (?:package|include)|dental|vacation|pto|paid time off|"
    r"equal opportunity|apply (?:now|today|online)|send (?:your )?(?:resume|cv)|we thank all applicants|"
    r"only (?:those|candidates) selected|to whom it may concern|sincerely|yours truly|regards|"
    r"this letter (?:is to )?(?:confirm|certif)|please (?:contact|feel free)|phone:|e-?mail:|tel:|"
    r"full[- ]time,? permanent|hours per week|start date|job type|employment type|location:|"
    r"(?:we are|is|are) (?:a|an|the) (?:leading|growing|global|award[- ]winning|fast[- ]growing)|our company|about us|join our team|years? of experience required)\b",
    re.I,
)
_FIELD = re.compile(
    r"^\s*(?:job\s+title|position(?:\s+title)?|title|role|occupation|designation|department|company|employer|"
    r"reports?\s+to|location|schedule|status|noc(?:\s+code)?)\s*:\s*(?P<value>.*)$",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])")
_WORD = re.compile(r"[a-z0-9]+(?:[+#]+|(?:['’][a-z]+))?")


def fold(text: str) -> str:
    """Lower case, accents removed, typographic quotes and dashes plain (for matching only)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("’", "'").replace("–", "-").replace("—", "-").lower()


def normalize(text: str) -> str:
    """Folded text with punctuation turned to spaces: the form every index sees."""
    return " ".join(_WORD.findall(fold(text)))


def clip(text: str) -> str:
    """Text cut to a size the engine handles quickly; control characters removed."""
    text = text[:MAX_TEXT_CHARS]
    return "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)


def checked_text(text: object, what: str = "job text") -> str:
    """`text` clipped to a workable size, or a UserError saying why it cannot be used."""
    from .errors import UserError

    if not isinstance(text, str):
        raise UserError(f"the {what} must be given as text")
    text = clip(text)
    if not text.strip():
        raise UserError(f"the {what} is empty: paste a job title or the duties from a reference letter")
    if not looks_like_text(text):
        raise UserError(f"the {what} has no words in it: paste a job title or duties in English")
    return text


def word_count(text: str) -> int:
    return len(_WORD.findall(fold(text)))


def looks_like_text(text: str) -> bool:
    """False for pastes with no words at all (binary junk, only symbols or digits)."""
    words = _WORD.findall(fold(text))
    letters = sum(1 for w in words if any(c.isalpha() for c in w))
    return letters >= 1


def _split_line(line: str) -> list[str]:
    parts: list[str] = []
    for chunk in _SENTENCE_END.split(line):
        if chunk.count(";") >= 1 and len(chunk) > 60:
            parts.extend(p for p in chunk.split(";"))
        else:
            parts.append(chunk)
    return parts


def _is_duty(statement: str) -> bool:
    words = _WORD.findall(fold(statement))
    if len(words) < 2 or not any(len(w) > 2 for w in words):
        return False
    if _BOILERPLATE.search(statement):
        return False
    return True


def stated_title(text: str) -> str:
    """The value of a "Job title:" / "Position:" field near the top of a pasted text, or ""."""
    for ln in [ln.strip() for ln in clip(text).splitlines() if ln.strip()][:15]:
        m = _FIELD.match(ln)
        if m and m["value"].strip() and re.match(r"\s*(?:job\s+title|position|title|role|occupation|designation)", ln, re.I):
            return m["value"].strip()
    return ""


def title_line(text: str) -> str:
    """The job title a pasted text names: a "Job title:" field, else a short first line."""
    stated = stated_title(text)
    if stated:
        return stated
    lines = [ln.strip() for ln in clip(text).splitlines() if ln.strip()]
    if lines and word_count(lines[0]) <= 8 and not _HEADER.match(lines[0]):
        return lines[0]
    return ""


def split_duties(text: str) -> list[str]:
    """The person's duty statements, in order, without headers and boilerplate.

    Handles one statement per line (bullets, numbers, letters), runs joined by semicolons,
    plain sentences in a paragraph, and "Responsibilities: a; b; c" blocks.
    """
    text = clip(text).replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for raw_line in text.split("\n"):
        line = raw_line.strip()
        if not line:
            continue
        if _FIELD.match(line):  # "Job title: Sous Chef", "Location: Toronto" are not duties
            continue
        # "Responsibilities: x; y" -> keep what follows the header on the same line.
        head, sep, rest = line.partition(":")
        if sep and _HEADER.match(head + ":") and rest.strip():
            line = rest.strip()
        elif _HEADER.match(line):
            continue
        line = _BULLET.sub("", line)
        # inline bullets: "• a • b"
        pieces = re.split(r"\s+[•·▪●◦►]\s+", line)
        for piece in pieces:
            for part in _split_line(piece):
                stmt = _BULLET.sub("", part).strip(" \t-–—•*;,.")
                if stmt and _is_duty(stmt):
                    out.append(stmt[0].upper() + stmt[1:])
    seen: set[str] = set()
    unique = []
    for s in out:
        key = normalize(s)
        if key not in seen:
            seen.add(key)
            unique.append(s)
    return unique


# US spellings (O*NET, many postings) folded to the Canadian ones the NOC uses.
_US_TO_CA = {
    "labor": "labour", "laborer": "labourer", "laborers": "labourers", "counselor": "counsellor",
    "counselors": "counsellors", "counseling": "counselling", "center": "centre", "centers": "centres",
    "theater": "theatre", "jewelry": "jewellery", "jeweler": "jeweller", "traveler": "traveller",
    "modeling": "modelling", "fueling": "fuelling", "labeling": "labelling", "labeled": "labelled",
    "color": "colour", "colors": "colours", "behavior": "behaviour", "behavioral": "behavioural",
    "harbor": "harbour", "honor": "honour", "neighborhood": "neighbourhood", "favor": "favour",
    "catalog": "catalogue", "cataloger": "cataloguer", "programmer": "programmer", "tire": "tire",
    "license": "licence", "licensing": "licensing", "defense": "defence", "offense": "offence",
    "practice": "practice", "mold": "mould", "molder": "moulder", "molding": "moulding", "molds": "moulds",
    "pediatric": "paediatric", "gray": "grey", "plow": "plough", "cozy": "cosy",
}
_STOP = frozenset(
    "a an and the of to in on for or with by as at from into is are be this that such other all any "
    "may including include includes etc their its they them who which".split()
)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    word = _US_TO_CA.get(word, word)
    return _stemmer().stemWord(word)


_local = threading.local()


def _stemmer():
    """One stemmer per thread: a Snowball stemmer keeps state while it works."""
    st = getattr(_local, "stemmer", None)
    if st is None:
        import snowballstemmer

        st = _local.stemmer = snowballstemmer.stemmer("english")
    return st


def stemmed(text: str) -> str:
    """Normalised text with stop words dropped and words stemmed (Snowball English), so
    "assembles", "assembling" and "assembly" meet; the preprocessor of every word index."""
    return " ".join(_stem(w) for w in normalize(text).split() if w not in _STOP)
