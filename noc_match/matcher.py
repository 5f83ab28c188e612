"""Job text → ranked NOC 2021 unit groups, with a score breakdown and the evidence.

Signals, each a similarity in [0, 1] per unit group:
- `title_fuzzy`: rapidfuzz token-set similarity of the text (or its title line) to the best
  official title, example title, inclusion or exclusion wording of the group;
- `title_ngram`: TF-IDF character n-gram cosine to the best such title;
- `title_votes`: how many of the nearest title entries belong to the group (their summed
  cosines, relative to the best-voted group): a group with many look-alike example titles
  beats one lucky near-duplicate;
- `coverage`: the share of the text's words (stemmed, weighted by rarity) that the group's
  text uses anywhere, so every word of "estimating specialist" has to be found;
- `duties`: for each of the person's statements, TF-IDF word cosine to the group's best-
  matching duty or lead statement, averaged over statements;
- `document`: TF-IDF word cosine (stemmed uni- and bigrams) to the group's whole text;
- `document_ngram`: TF-IDF character n-gram cosine to the same (short texts only).
The fused `score` weighs title signals for short texts and statement signals for long ones;
it is a similarity in [0, 1], not a probability. `needs_review` is set when the best score is
weak or the runner-up is close.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

import numpy as np

from .errors import UserError
from .index import Index, load
from .text import checked_text, looks_like_text, normalize, split_duties, stated_title, stemmed, title_line, word_count

SIGNALS = ("title_fuzzy", "title_ngram", "title_votes", "coverage", "duties", "document", "document_ngram")
# weights for a bare title and for a paragraph; texts in between are blended by length
TITLE_WEIGHTS = {
    "title_fuzzy": 0.112, "title_ngram": 0.178, "title_votes": 0.065, "coverage": 0.215,
    "duties": 0.0, "document": 0.178, "document_ngram": 0.252,
}
TEXT_WEIGHTS = {"title_fuzzy": 0.0, "title_ngram": 0.045, "title_votes": 0.0, "coverage": 0.09, "duties": 0.32, "document": 0.41, "document_ngram": 0.135}
# below these fused scores a title / a paragraph match is weak (texts in between are blended)
REVIEW_MIN_SCORE_TITLE = 0.40
REVIEW_MIN_SCORE_TEXT = 0.19
REVIEW_MIN_MARGIN = 0.05  # runner-up within 5 % of the best score
TITLE_CANDIDATES = 200
STATED_TITLE_SHARE = 0.25  # how much a posting's own "Job title:" field counts among the signals
MAX_STATEMENTS = 150  # a pasted letter rarely has more; caps work on a huge paste  # nearest title entries kept per query before per-code pooling


@dataclass
class Evidence:
    example_titles: list[str] = field(default_factory=list)
    duties: list[dict] = field(default_factory=list)  # {"user": ..., "noc": ..., "similarity": ...}


@dataclass
class Candidate:
    rank: int
    code: str
    title: str
    teer: int
    score: float
    breakdown: dict[str, float]
    evidence: Evidence
    look_alikes: list[dict]
    rules: dict | None = None

    def to_dict(self) -> dict:
        d = {
            "rank": self.rank,
            "code": self.code,
            "title": self.title,
            "teer": self.teer,
            "score": round(self.score, 4),
            "breakdown": {k: round(v, 4) for k, v in self.breakdown.items()},
            "evidence": {"example_titles": self.evidence.example_titles, "duties": self.evidence.duties},
            "look_alikes": self.look_alikes,
        }
        if self.rules:
            d.update(self.rules)
        return d


@dataclass
class SearchResult:
    query: str
    kind: str  # "title" or "text"
    candidates: list[Candidate]
    needs_review: bool
    review_reasons: list[str]
    statements: list[str]

    def to_dict(self) -> dict:
        return {
            "query": self.query if len(self.query) <= 500 else self.query[:500] + "…",
            "kind": self.kind,
            "needs_review": self.needs_review,
            "review_reasons": self.review_reasons,
            "statements": len(self.statements),
            "candidates": [c.to_dict() for c in self.candidates],
        }


class Matcher:
    """Ranks unit groups for a text. `Matcher.load()` once, then `search()` many times."""

    def __init__(self, index: Index):
        self.index = index
        self._n = len(index.codes)
        self._entry_char_t = index.entry_char.T.tocsr()
        self._doc_char_t = index.doc_char.T.tocsr()
        self._doc_word_t = index.doc_word.T.tocsr()
        self._entry_len = np.array([len(t.split()) for t in index.entry_norm])
        self._catalog = None
        self._exclusion_codes: dict[str, list[dict]] | None = None

    @classmethod
    def load(cls, progress: bool = False) -> "Matcher":
        return _cached_matcher(progress)

    # -- signals ----------------------------------------------------------------------------
    def _title_signals(self, line: str, sims: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per-code best fuzzy and char n-gram title similarity, the nearest entries' votes and
        the best entry per code.

        `sims` (char n-gram cosine to every title entry) may be given when computed in a batch.
        """
        from rapidfuzz import fuzz, process

        ix = self.index
        q = normalize(line)
        fuzzy = np.zeros(self._n, dtype=np.float32)
        ngram = np.zeros(self._n, dtype=np.float32)
        votes = np.zeros(self._n, dtype=np.float32)
        best_entry = np.full(self._n, -1, dtype=np.int64)
        if not q:
            return fuzzy, ngram, votes, best_entry
        if sims is None:
            sims = (ix.char_vec.transform([q]) @ self._entry_char_t).toarray().ravel()
        top = np.argpartition(-sims, min(TITLE_CANDIDATES, len(sims) - 1))[:TITLE_CANDIDATES]
        codes = ix.entry_code[top]
        top_sims = sims[top]
        np.maximum.at(ngram, codes, top_sims)
        votes = np.bincount(codes, weights=top_sims, minlength=self._n).astype(np.float32)
        votes /= max(float(votes.max()), 1e-9)
        choices = [ix.entry_norm[i] for i in top]
        fz = process.cdist([q], choices, scorer=fuzz.token_set_ratio, dtype=np.float32)[0] / 100.0
        # a one-word query fully inside a long title is not a full match: shade by length gap
        qlen = len(q.split())
        fz = fz * (1.0 - 0.04 * np.clip(np.abs(self._entry_len[top] - qlen), 0, 5))
        np.maximum.at(fuzzy, codes, fz)
        order = np.argsort(-(0.5 * fz + 0.5 * top_sims), kind="stable")
        uniq_codes, first = np.unique(codes[order], return_index=True)
        best_entry[uniq_codes] = top[order][first]
        return fuzzy, ngram, votes, best_entry

    def _statement_signal(self, statements: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Mean over statements of the best duty cosine per code; and statements × NOC statements
        cosines, kept to show which duty lines matched."""
        ix = self.index
        if not statements:
            return np.zeros(self._n, dtype=np.float32), np.zeros((0, len(ix.stmt_text)), dtype=np.float32)
        qv = ix.word_vec.transform(statements)
        sims = (qv @ ix.stmt_word.T).toarray()  # statements × NOC statements
        per_code = np.maximum.reduceat(sims, ix.stmt_starts, axis=1)  # statements × codes
        return per_code.mean(axis=0).astype(np.float32), sims

    def _document_signal(self, text: str) -> np.ndarray:
        ix = self.index
        return (ix.word_vec.transform([text]) @ self._doc_word_t).toarray().ravel().astype(np.float32)

    def _coverage_signal(self, texts: Sequence[str]) -> np.ndarray:
        """IDF-weighted fraction of each text's words found in each group's text (texts × codes)."""
        ix = self.index
        q = ix.cover_vec.transform(texts).multiply(ix.cover_idf).tocsr()
        total = np.asarray(q.sum(axis=1)).ravel()[:, None]
        return ((q @ ix.cover_terms).toarray() / np.maximum(total, 1e-9)).astype(np.float32)

    def _document_ngram_signal(self, text: str) -> np.ndarray:
        ix = self.index
        q = stemmed(text)
        return (ix.char_vec.transform([q]) @ self._doc_char_t).toarray().ravel().astype(np.float32)

    # -- ranking ----------------------------------------------------------------------------
    def signals(self, text: str) -> tuple[dict[str, np.ndarray], dict]:
        """Every signal as a per-code array, plus what is needed to explain the ranking."""
        n_words = word_count(text)
        statements = split_duties(text)[:MAX_STATEMENTS] if n_words > 8 else []
        named_title = text if n_words <= 12 else title_line(text)
        fuzzy, ngram, votes, best_entry = self._title_signals(named_title or text[:200])
        if not named_title:
            fuzzy = np.zeros_like(fuzzy)
        duty, stmt_sims = self._statement_signal(statements)
        sig = {
            "title_fuzzy": fuzzy,
            "title_ngram": ngram,
            "title_votes": votes,
            "coverage": self._coverage_signal([text])[0],
            "duties": duty,
            "document": self._document_signal(text),
            "document_ngram": self._document_ngram_signal(text),
        }
        info = {"best_entry": best_entry, "statements": statements, "stmt_sims": stmt_sims, "n_words": n_words}
        return sig, info

    def score_all(self, text: str) -> tuple[np.ndarray, dict[str, np.ndarray], dict]:
        """The fused score of every code, the signals and the explanation data.

        A posting or letter that states its job title ("Job title: Registered Nurse") gets that
        title ranked on its own and blended in (STATED_TITLE_SHARE): the employer's title is
        strong evidence that generic duty lines alone do not give.
        """
        sig, info = self.signals(text)
        fused = self.fuse(sig, info["n_words"])
        stated = stated_title(text) if info["n_words"] > 12 else ""
        if stated and looks_like_text(stated):
            title_sig, _ = self.signals(stated)
            fused = (1 - STATED_TITLE_SHARE) * fused + STATED_TITLE_SHARE * self.fuse(title_sig, word_count(stated))
            info["stated_title"] = stated
        return fused, sig, info

    @staticmethod
    def blend(n_words: int) -> float:
        """0 for a bare title, 1 for a paragraph: how much statement signals count."""
        return float(min(1.0, max(0.0, (n_words - 4) / 16.0)))

    def fuse(self, sig: dict[str, np.ndarray], n_words: int) -> np.ndarray:
        a = self.blend(n_words)
        total = np.zeros(self._n, dtype=np.float32)
        for name in SIGNALS:
            w = (1 - a) * TITLE_WEIGHTS[name] + a * TEXT_WEIGHTS[name]
            if w:
                total += w * sig[name]
        return np.clip(total, 0.0, 1.0)

    def _validate(self, text: object) -> str:
        return checked_text(text, "job text")

    def search(self, text: str, k: int = 5) -> SearchResult:
        """The k best unit groups for `text` (a title, duties, a posting or a letter)."""
        text = self._validate(text)
        k = max(1, min(int(k), self._n))
        fused, sig, info = self.score_all(text)
        order = np.argsort(-fused, kind="stable")[:k]
        cands = [self._candidate(r + 1, int(i), fused, sig, info) for r, i in enumerate(order)]
        reasons = self._review_reasons(text, fused, order, info)
        return SearchResult(
            query=text,
            kind="title" if info["n_words"] <= 12 else "text",
            candidates=cands,
            needs_review=bool(reasons),
            review_reasons=reasons,
            statements=info["statements"],
        )

    def rank(self, text: str, k: int = 5) -> tuple[list[str], list[float], bool]:
        """Codes, scores and the needs-review flag without evidence (evaluation, batch)."""
        text = self._validate(text)
        fused, sig, info = self.score_all(text)
        order = np.argsort(-fused, kind="stable")[:k]
        flagged = bool(self._review_reasons(text, fused, order, info))
        return [self.index.codes[i] for i in order], [float(fused[i]) for i in order], flagged

    def rank_many(self, texts: Sequence[str], k: int = 5, batch_size: int = 256) -> list:
        """`rank()` for many texts at once; short texts (titles) share matrix products.

        Each item is `(codes, scores, needs_review)` or the `UserError` that text raised.
        """
        results: list = [None] * len(texts)
        short: list[tuple[int, str]] = []
        for i, t in enumerate(texts):
            try:
                t = self._validate(t)
            except UserError as err:
                results[i] = err
                continue
            if word_count(t) <= 8:
                short.append((i, t))
            else:
                results[i] = self.rank(t, k)
        chunks = [short[i : i + batch_size] for i in range(0, len(short), batch_size)]
        if len(chunks) > 1:
            # the sparse products release the GIL: two chunks at a time use both cores
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
                for chunk_results in pool.map(lambda c: self._rank_chunk(c, k), chunks):
                    for i, res in chunk_results:
                        results[i] = res
        else:
            for chunk in chunks:
                for i, res in self._rank_chunk(chunk, k):
                    results[i] = res
        return results

    def _rank_chunk(self, chunk: list[tuple[int, str]], k: int) -> list[tuple[int, tuple]]:
        """Rank a chunk of short texts with shared matrix products."""
        ix = self.index
        zero = np.zeros(self._n, dtype=np.float32)
        qc = ix.char_vec.transform([normalize(t) for _, t in chunk])
        # sparse × dense beats sparse × sparse here: the product is nearly dense
        entry_sims = np.ascontiguousarray((ix.entry_char @ qc.T.toarray()).T)  # one row per title: fast scans
        doc_w = (ix.word_vec.transform([t for _, t in chunk]) @ self._doc_word_t).toarray()
        doc_c = (ix.char_vec.transform([stemmed(t) for _, t in chunk]) @ self._doc_char_t).toarray()
        cover = self._coverage_signal([t for _, t in chunk])
        out = []
        for r, (i, t) in enumerate(chunk):
            fuzzy, ngram, votes, _ = self._title_signals(t, entry_sims[r])
            sig = {
                "title_fuzzy": fuzzy,
                "title_ngram": ngram,
                "title_votes": votes,
                "coverage": cover[r],
                "duties": zero,
                "document": doc_w[r],
                "document_ngram": doc_c[r],
            }
            n_words = word_count(t)
            fused = self.fuse(sig, n_words)
            part = np.argpartition(-fused, k)[:k] if k < self._n else np.arange(self._n)
            order = part[np.argsort(-fused[part], kind="stable")]
            flagged = bool(self._review_reasons(t, fused, order, {"n_words": n_words}))
            out.append((i, ([ix.codes[j] for j in order], [float(fused[j]) for j in order], flagged)))
        return out

    def _review_reasons(self, text: str, fused: np.ndarray, order: np.ndarray, info: dict) -> list[str]:
        reasons = []
        top = float(fused[order[0]])
        second = float(np.partition(-fused, 1)[1] * -1)
        a = self.blend(info["n_words"])
        floor = (1 - a) * REVIEW_MIN_SCORE_TITLE + a * REVIEW_MIN_SCORE_TEXT
        if top < floor:
            reasons.append(f"weak match (score {top:.2f} < {floor:.2f})")
        if top <= 0 or (top - second) / top < REVIEW_MIN_MARGIN:
            reasons.append(f"close call (runner-up within {100 * (top - second) / max(top, 1e-9):.0f} % of the best score)")
        words = normalize(text[:5000]).split()
        if words:
            known = sum(1 for w in words if w in self.index.known_words)
            if known / len(words) < 0.5:
                reasons.append("most words are unknown to the NOC text (another language or jargon?)")
        return reasons

    def _candidate(self, rank: int, i: int, fused: np.ndarray, sig: dict, info: dict) -> Candidate:
        ix = self.index
        evidence = Evidence()
        e = int(info["best_entry"][i])
        if e >= 0 and (sig["title_fuzzy"][i] > 0.5 or sig["title_ngram"][i] > 0.4):
            evidence.example_titles.append(ix.entry_text[e])
        if len(info["stmt_sims"]):
            lo, hi = ix.stmt_starts[i], (ix.stmt_starts[i + 1] if i + 1 < self._n else len(ix.stmt_text))
            stmts = info["statements"]
            sims = info["stmt_sims"][:, lo:hi]
            for s_i in np.argsort(-sims.max(axis=1))[:3]:
                j = int(np.argmax(sims[s_i]))
                if sims[s_i, j] >= 0.15:
                    evidence.duties.append(
                        {"user": stmts[s_i], "noc": ix.stmt_text[lo + j], "similarity": round(float(sims[s_i, j]), 3)}
                    )
        return Candidate(
            rank=rank,
            code=ix.codes[i],
            title=ix.titles[i],
            teer=int(ix.teers[i]),
            score=float(fused[i]),
            breakdown={name: float(sig[name][i]) for name in SIGNALS},
            evidence=evidence,
            look_alikes=self.look_alikes(ix.codes[i]),
        )

    def look_alikes(self, code: str) -> list[dict]:
        """The codes this group's NOC exclusions point to."""
        if self._exclusion_codes is None:
            from .catalog import Catalog

            cat = Catalog.load()
            self._exclusion_codes = {
                u.code: [{"code": e.code, "title": e.title, "text": e.text} for e in u.exclusions if e.code]
                for u in cat
            }
        return self._exclusion_codes.get(code, [])


@lru_cache(maxsize=1)
def _cached_matcher(progress: bool = False) -> Matcher:
    return Matcher(load(progress=progress))
