"""`noc-match search | evaluate | batch | index` contracts."""
from __future__ import annotations

import csv
import io
import json

import pytest

from noc_match.cli import main


def test_search_json_has_rules_per_candidate(capsys):
    assert main(["search", "sous", "chef", "--top", "3", "--json", "--on", "2025-06-01"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["candidates"][0]["code"] == "62200"
    first = out["candidates"][0]
    assert first["programs"]["FST"]["eligible"] is True
    assert {"breakdown", "evidence", "look_alikes", "score", "teer", "categories"} <= set(first)
    assert isinstance(out["needs_review"], bool)


def test_search_reads_file_and_stdin(tmp_path, capsys, monkeypatch):
    f = tmp_path / "letter.txt"
    f.write_text("Operate cash register and process payments\nGreet customers and bag purchases\n", encoding="utf-8")
    assert main(["search", "--file", str(f), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["candidates"][0]["code"] == "65100"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"welder")))
    assert main(["search", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["candidates"][0]["code"] == "72106"


@pytest.mark.parametrize("args", [["search", "   "], ["search", "--file", "/nonexistent/x.txt"]])
def test_search_bad_input(args, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("noc-match: error:") and "Traceback" not in err


def test_search_binary_file(tmp_path, capsys):
    f = tmp_path / "x.bin"
    f.write_bytes(b"\x00\x01\x02\xff" * 100)
    assert main(["search", "--file", str(f)]) == 2
    assert "binary" in capsys.readouterr().err


def _labelled(tmp_path):
    path = tmp_path / "gold.csv"
    rows = [
        ("sous chef", "62200", "title"),
        ("long haul truck driver", "73300", "title"),
        ("cashier", "65100;65102", "title"),
        ("Plan menus, supervise cooks and kitchen staff and create new recipes for the restaurant.", "62200", "duties"),
        ("quantum chromodynamics", "21100", "title"),
    ]
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "gold", "kind"])
        w.writerows(rows)
    return path


def test_evaluate_json_contract(tmp_path, capsys):
    path = _labelled(tmp_path)
    misses = tmp_path / "misses.csv"
    rc = main(["evaluate", str(path), "--text-column", "text", "--gold-column", "gold", "--kind-column", "kind", "--json", "--misses", str(misses)])
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert {"n", "top1", "top5", "teer_top1", "by_kind", "queries_per_s"} <= set(out)
    assert out["n"] == 5
    for key in ("top1", "top5", "teer_top1"):
        assert 0.0 <= out[key] <= 1.0
    assert out["by_kind"]["title"]["n"] == 4 and out["by_kind"]["duties"]["n"] == 1
    assert out["by_kind"]["duties"]["top1"] == 1.0
    assert out["top1"] >= 0.6 and out["top5"] >= out["top1"]
    with misses.open(encoding="utf-8") as fh:
        missed = list(csv.DictReader(fh))
    assert len(missed) == round(5 * (1 - out["top1"]))


def test_evaluate_missing_column(tmp_path, capsys):
    path = _labelled(tmp_path)
    assert main(["evaluate", str(path), "--gold-column", "nope"]) == 2
    assert "nope" in capsys.readouterr().err


def test_batch_keeps_every_row_in_order(tmp_path, capsys, monkeypatch):
    import noc_match.batch as batch

    monkeypatch.setattr(batch, "CHUNK_ROWS", 2)  # several chunks: bounded memory path
    src = tmp_path / "in.csv"
    titles = ["welder", "", "cashier", "sous chef", "   ", "truck driver", "data scientist"]
    with src.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "job"])
        for i, t in enumerate(titles):
            w.writerow([f"{i:03d}", t])
    out = tmp_path / "out.csv"
    assert main(["batch", str(src), "--column", "job", "--out", str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["rows"] == len(titles) and summary["blank"] == 2
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == [f"{i:03d}" for i in range(len(titles))]
    assert [r["job"] for r in rows] == titles
    assert rows[0]["noc_code"] == "72106" and rows[2]["noc_code"] == "65100"
    assert rows[1]["noc_code"] == "" and rows[1]["needs_review"] == "True" and rows[1]["note"] == "blank"


def test_batch_bad_column(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["batch", str(src), "--column", "job", "--out", str(tmp_path / "o.csv")]) == 2
    assert "job" in capsys.readouterr().err
    assert not (tmp_path / "o.csv").exists()


def test_index_status_and_build(capsys):
    assert main(["index", "build", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] in {"valid", "built"}
    assert main(["index", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["valid"] is True
