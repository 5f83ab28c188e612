"""Normalising and stemming text."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from noc_match import text


def test_stemming_meets_word_forms_and_canadian_spelling():
    assert text.stemmed("assembles") == text.stemmed("assembling") == text.stemmed("assembly")
    assert text.stemmed("labor counselor") == text.stemmed("labour counsellor")
    assert text.stemmed("the cook and the chef") == text.stemmed("cook chef")


def test_stemming_is_thread_safe():
    # many distinct words so the cache does not hide the stemmer; two threads at once
    words = [f"{stem}{suffix}{i}" for i in range(400) for stem in ("operat", "assembl", "inspect")
             for suffix in ("ing", "ions", "ed", "ers", "ly")]
    text._stem.cache_clear()
    expected = [text._stemmer().stemWord(w) for w in words]
    text._stem.cache_clear()
    chunks = [words[i::2] for i in range(2)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda ws: [text._stem(w) for w in ws for _ in range(3)][::3], chunks))
    got = {}
    for ws, res in zip(chunks, results):
        got.update(zip(ws, res))
    assert [got[w] for w in words] == expected


def test_fold_and_normalize():
    assert text.normalize("Café  Sous-Chef!") == "cafe sous chef"
    assert text.word_count("C++ developer, 5 years") == 4
