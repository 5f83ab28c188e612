"""`noc-match show`, `convert` and `data fetch` from the command line."""
from __future__ import annotations

import json

from noc_match.cli import main


def test_show_json_has_full_record(capsys):
    assert main(["show", "62200", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["code"] == "62200" and out["teer"] == 2
    assert [s["heading"] for s in out["duty_sections"]] == ["Chefs", "Sous-chefs", "Chefs and specialist chefs"]
    assert any(e["code"] == "63200" for e in out["exclusions"])


def test_show_text(capsys):
    assert main(["show", "00010"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("00010  Legislators  (TEER 0)")
    assert "Main duties:" in out


def test_show_unknown_code_is_one_line_error(capsys):
    assert main(["show", "62209"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert "\n" not in err and "62200" in err and "Traceback" not in err


def test_show_malformed_code(capsys):
    assert main(["show", "chef"]) == 2
    assert "expected 5 digits" in capsys.readouterr().err


def test_convert_json(capsys):
    assert main(["convert", "2173", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["noc2016"] == "2173"
    assert sorted(x["code"] for x in out["noc2021"]) == ["21211", "21231"]


def test_convert_unknown(capsys):
    assert main(["convert", "9998"]) == 2
    assert "concordance" in capsys.readouterr().err


def test_data_fetch_into_temp_dir(capsys, mirror, tmp_path, monkeypatch):
    monkeypatch.setenv("NOC_MATCH_DATA_DIR", str(tmp_path / "d"))
    assert main(["data", "fetch", "--from", str(mirror), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {f["status"] for f in out["files"]} == {"copied"}
    assert main(["data", "fetch", "--from", str(mirror)]) == 0
    assert "present" in capsys.readouterr().out


def test_unknown_command_is_an_error(capsys):
    assert main(["bogus"]) == 2
    assert "invalid choice" in capsys.readouterr().err
