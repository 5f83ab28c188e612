"""The saved index is checked against its manifest and rebuilt when stale or corrupt."""
from __future__ import annotations

import json

import pytest

from noc_match import index as idx


@pytest.fixture(scope="module")
def built(catalog):
    return idx.build(catalog)


def test_index_holds_only_noc_text(built, catalog):
    assert built.codes == catalog.codes
    assert len(built.entry_text) > 27000
    assert set(built.stmt_code.tolist()) == set(range(516))


def test_save_load_roundtrip(built, tmp_path):
    idx.save(built, tmp_path)
    assert idx.check(tmp_path) is None
    loaded = idx.load(tmp_path, rebuild=False)
    assert loaded.codes == built.codes
    manifest = json.loads((tmp_path / idx.MANIFEST_FILE).read_text())
    assert set(manifest["data"]) == {"structure", "elements", "concordance"}
    assert "scikit-learn" in manifest["libraries"]


def test_corrupt_index_is_rebuilt_not_trusted(built, tmp_path):
    idx.save(built, tmp_path)
    path = tmp_path / idx.INDEX_FILE
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert "corrupt" in idx.check(tmp_path)
    with pytest.raises(Exception):
        idx.load(tmp_path, rebuild=False)
    rebuilt = idx.load(tmp_path)
    assert rebuilt.codes == built.codes
    assert idx.check(tmp_path) is None


def test_stale_manifest_triggers_rebuild(built, tmp_path):
    idx.save(built, tmp_path)
    mpath = tmp_path / idx.MANIFEST_FILE
    manifest = json.loads(mpath.read_text())
    manifest["libraries"]["scikit-learn"] = "0.0.1"
    mpath.write_text(json.dumps(manifest))
    assert "libraries" in idx.check(tmp_path)


def test_missing_index(tmp_path):
    assert idx.check(tmp_path) == "no index built yet"
