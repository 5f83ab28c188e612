"""Fetching the official files: checksums, content validation, atomic writes, skipping."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from noc_match.errors import DataError
from noc_match.sources import SOURCES, fetch, read_manifest, sha256_of


def _copy_mirror(src: Path, dst: Path) -> Path:
    dst.mkdir()
    for s in SOURCES:
        shutil.copyfile(src / s.filename, dst / s.filename)
    return dst


def test_fetch_from_mirror_copies_and_verifies(mirror, tmp_path):
    dest = tmp_path / "data"
    results = fetch(mirror, dest=dest, progress=False)
    assert [r.status for r in results] == ["copied"] * 3
    for s in SOURCES:
        assert (dest / s.filename).exists()
        if s.sha256:
            assert sha256_of(dest / s.filename) == s.sha256
    manifest = read_manifest(dest)
    assert manifest["elements"]["sha256"] == sha256_of(dest / "noc-2021-v1.0-elements.csv")
    again = fetch(mirror, dest=dest, progress=False)
    assert [r.status for r in again] == ["present"] * 3


def test_corrupt_structure_file_is_refused_and_nothing_half_written(mirror, tmp_path):
    bad_mirror = _copy_mirror(mirror, tmp_path / "mirror")
    target = bad_mirror / "noc-2021-v1.0-classification-structure.csv"
    data = bytearray(target.read_bytes())
    data[500] ^= 0x01  # one flipped bit
    target.write_bytes(bytes(data))
    dest = tmp_path / "data"
    with pytest.raises(DataError, match="checksum mismatch"):
        fetch(bad_mirror, dest=dest, progress=False)
    assert not (dest / target.name).exists()
    assert not [p for p in dest.iterdir() if p.name.endswith(".part")]


def test_truncated_elements_file_is_refused_by_content(mirror, tmp_path):
    bad_mirror = _copy_mirror(mirror, tmp_path / "mirror")
    target = bad_mirror / "noc-2021-v1.0-elements.csv"
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    target.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")  # a cut download
    dest = tmp_path / "data"
    with pytest.raises(DataError, match="unit groups"):
        fetch(bad_mirror, dest=dest, progress=False)
    assert not (dest / target.name).exists()
    assert not [p for p in dest.iterdir() if p.name.endswith(".part")]


def test_corrupt_file_on_disk_is_replaced_on_next_fetch(mirror, tmp_path):
    dest = tmp_path / "data"
    fetch(mirror, dest=dest, progress=False)
    victim = dest / "noc2016v1_3-noc2021v1_0-eng.csv"
    victim.write_text("garbage", encoding="utf-8")
    results = {r.key: r.status for r in fetch(mirror, dest=dest, progress=False)}
    assert results == {"structure": "present", "elements": "present", "concordance": "copied"}
    assert sha256_of(victim) == next(s.sha256 for s in SOURCES if s.key == "concordance")


def test_missing_mirror_folder_is_a_clear_error(tmp_path):
    with pytest.raises(DataError, match="mirror folder not found"):
        fetch(tmp_path / "nowhere", dest=tmp_path / "data", progress=False)
