"""`noc-match crs` and `noc-match draws` through the real CLI entry point."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from noc_match.cli import main
from noc_match.paths import PROJECT_DIR

from example_profiles import ISSUE_EXAMPLE as EXAMPLE  # noqa: E402


def write(tmp_path: Path, obj: object, name: str = "p.json") -> str:
    p = tmp_path / name
    p.write_text(json.dumps(obj), encoding="utf-8")
    return str(p)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_crs_json_one_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "crs", write(tmp_path, EXAMPLE), "--on", "2026-09-01", "--json")
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert {k: doc[k] for k in ("total", "core", "spouse", "transferability", "additional")} == \
        {"total": 477, "core": 367, "spouse": 22, "transferability": 88, "additional": 0}
    assert all(isinstance(doc[k], int) for k in ("total", "core", "spouse", "transferability", "additional"))
    assert doc["items"]["core.age"] == 100 and doc["clb"]["first_language"]["listening"] == 9
    assert doc["warnings"] == []


def test_crs_list_in_list_out_same_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profiles = [dict(EXAMPLE, age=age) for age in (45, 29, 30)]
    code, out, _ = run(capsys, "crs", write(tmp_path, profiles), "--on", "2026-09-01", "--json")
    doc = json.loads(out)
    assert code == 0 and isinstance(doc, list)
    assert [d["items"]["core.age"] for d in doc] == [0, 100, 95]


def test_crs_reads_stdin_and_prints_tables(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(EXAMPLE)))
    code, out, _ = run(capsys, "crs", "-", "--on", "2026-09-01")
    assert code == 0
    assert "CRS score on 2026-09-01: 477" in out
    for title in ("A. Core", "B. Spouse", "C. Skill transferability", "D. Additional"):
        assert title in out


def test_crs_what_if_and_compare(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "crs", write(tmp_path, EXAMPLE), "--on", "2026-09-01", "--what-if",
                       "--compare", "cec,french", "--json")
    doc = json.loads(out)
    assert code == 0
    assert doc["what_ifs"][0] == {"change": "provincial_nomination", "description": "a provincial or territorial nomination",
                                  "new_total": 1077, "gain": 600}
    assert all(w["new_total"] == 477 + w["gain"] for w in doc["what_ifs"])
    assert [(d["kind"], d["latest_cutoff"], d["margin"]) for d in doc["draws"]] == [("cec", 523, -46), ("french", 382, 95)]
    code, out, _ = run(capsys, "crs", write(tmp_path, EXAMPLE), "--on", "2026-09-01", "--what-if")
    assert "What would raise the score most" in out and "+600" in out


def test_bad_profile_exit_2_names_each_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = [EXAMPLE, dict(EXAMPLE, age="old", job_offer="yes", first_language={"test": "ielts", "listening": 10,
                                                                             "reading": 7, "writing": 7, "speaking": 7})]
    code, out, err = run(capsys, "crs", write(tmp_path, bad), "--json")
    assert code == 2 and out == ""
    assert "Traceback" not in err and err.startswith("noc-match: error:")
    for field in ("profile #2: age", "profile #2: first_language.listening", "profile #2: job_offer"):
        assert field in err


@pytest.mark.parametrize("content,needle", [("{not json", "not JSON"), ("[1]", "profile")])
def test_unreadable_input_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, needle: str) -> None:
    p = tmp_path / "x.json"
    p.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "crs", str(p))
    assert code == 2 and needle in err and "Traceback" not in err
    code, _, err = run(capsys, "crs", str(tmp_path / "missing.json"))
    assert code == 2 and "cannot read" in err


def test_bad_date_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "crs", write(tmp_path, EXAMPLE), "--on", "2026-13-01")
    assert code == 2 and "not a date" in err
    code, _, err = run(capsys, "crs", write(tmp_path, EXAMPLE), "--on", "2014-01-01")
    assert code == 2 and "2015-01-01" in err


def test_draws_listing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "draws", "--since", "2026-08-01", "--json")
    doc = json.loads(out)
    assert code == 0 and [d["round"] for d in doc] == [437, 436, 435, 434, 433, 432, 431]
    code, out, _ = run(capsys, "draws", "list", "--category", "cec", "--since", "2026-08-01", "--json")
    assert [d["crs_cutoff"] for d in json.loads(out)] == [523, 516]
    code, out, _ = run(capsys, "draws", "--category", "french", "--limit", "1")
    assert code == 0 and "382" in out and "1 round(s)" in out
    code, _, err = run(capsys, "draws", "--category", "lottery")
    assert code == 2 and "category" in err


def test_draws_update_from_local_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(PROJECT_DIR / "data" / "rules", tmp_path / "data" / "rules")
    shutil.copy(PROJECT_DIR / "data" / "draws.csv", tmp_path / "data" / "draws.csv")
    monkeypatch.setenv("NOC_MATCH_RULES_DIR", str(tmp_path / "data" / "rules"))
    source = write(tmp_path, {"rounds": [
        {"drawNumber": "438", "drawDate": "2026-08-26", "drawName": "Canadian Experience Class", "drawSize": "3,000",
         "drawCRS": "515", "drawCutOff": "August 20, 2026 at 10:00:00 UTC"},
        {"drawNumber": "437", "drawDate": "2026-08-19", "drawName": "French-Language proficiency 2026-Version 2",
         "drawSize": "5,000", "drawCRS": "382", "drawCutOff": ""}]}, "feed.json")
    code, out, _ = run(capsys, "draws", "update", "--from", source, "--json")
    doc = json.loads(out)
    assert code == 0 and doc["added_count"] == 1 and doc["unchanged"] == 1 and doc["total"] == 439
    code, out, _ = run(capsys, "draws", "--since", "2026-08-20", "--json")
    assert [(d["round"], d["crs_cutoff"]) for d in json.loads(out)] == [(438, 515)]
    code, out, _ = run(capsys, "draws", "update", "--from", source)
    assert code == 0 and "0 new round(s)" in out
    code, _, err = run(capsys, "draws", "update")
    assert code == 2 and "--from" in err
    code, _, err = run(capsys, "draws", "update", "--from", str(tmp_path / "nope.json"))
    assert code == 2 and "not found" in err


def test_crs_noc_compares_with_the_codes_draw_kinds(tmp_path, capsys):
    import json as _json

    from noc_match.cli import main as cli_main

    f = tmp_path / "p.json"
    f.write_text(_json.dumps({
        "age": 29, "education": "bachelors",
        "first_language": {"test": "ielts", "listening": 8.0, "reading": 7.0, "writing": 7.0, "speaking": 7.0},
        "second_language": {"test": "nclc", "listening": 7, "reading": 7, "writing": 7, "speaking": 7},
    }))
    assert cli_main(["crs", str(f), "--noc", "31301", "--on", "2026-09-01", "--json"]) == 0
    out = _json.loads(capsys.readouterr().out)
    assert out["noc"] == "31301"
    assert {"general", "fsw", "cec", "healthcare", "french"} <= set(out["draw_kinds"])
    assert "fst" not in out["draw_kinds"]
    assert {d["kind"] for d in out["draws"]} >= {"general", "healthcare"}
    assert cli_main(["crs", str(f), "--noc", "99999"]) == 2


@pytest.mark.parametrize("command", ["crs", "eligibility"])
def test_binary_profile_file_is_refused_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    p = tmp_path / "x.json"
    p.write_bytes(b"\x00\x01\xff\xfe" * 10)
    code, _, err = run(capsys, command, str(p))
    assert code == 2 and "binary" in err and "Traceback" not in err
