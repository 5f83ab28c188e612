"""`noc-match categories` and `noc-match eligibility` through noc_match.cli.main."""
from __future__ import annotations

import json

from noc_match.cli import main

from test_eligibility import BASE


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_categories_on_a_date_json(capsys):
    code, out, _ = run(capsys, "categories", "--on", "2025-06-01", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["list"] == "2025"
    hc = next(c for c in data["categories"] if c["id"] == "healthcare")
    assert "31301" in hc["codes"]


def test_categories_text_lists_codes(capsys):
    code, out, _ = run(capsys, "categories", "--on", "2026-03-01")
    assert code == 0 and "list 2026" in out and "00012" in out


def test_categories_before_first_list(capsys):
    code, out, _ = run(capsys, "categories", "--on", "2023-01-01")
    assert code == 0 and "no category-based selection list" in out


def test_categories_diff(capsys):
    code, out, _ = run(capsys, "categories", "--diff", "2025", "2026", "--json")
    assert code == 0
    d = json.loads(out)
    trades = next(c for c in d["categories_changed"] if c["id"] == "trades")
    assert trades["added"] == ["63201"] and trades["removed"] == ["63200"]
    assert [c["id"] for c in d["categories_removed"]] == ["agriculture"]
    code, out, _ = run(capsys, "categories", "--diff", "2025", "2026")
    assert "removed: 63200" in out and "category removed: Agriculture" in out


def test_categories_bad_input_exit_2(capsys):
    code, _, err = run(capsys, "categories", "--diff", "2025", "2031")
    assert code == 2 and "unknown category list" in err
    code, _, err = run(capsys, "categories", "--on", "June 2025")
    assert code == 2 and "not a date" in err


def test_eligibility_json(capsys, tmp_path, catalog):
    f = tmp_path / "p.json"
    f.write_text(json.dumps(BASE))
    code, out, _ = run(capsys, "eligibility", str(f), "--on", "2025-09-01", "--json")
    assert code == 0
    r = json.loads(out)
    assert r["eligible_programs"] == ["FSW", "CEC"]
    assert r["programs"]["FSW"]["points"]["total"] == 80
    code, out, _ = run(capsys, "eligibility", str(f), "--on", "2025-09-01")
    assert "FSW: ELIGIBLE" in out and "pass mark 67" in out and "FST: not eligible" in out


def test_eligibility_bad_profile_exit_2_names_fields(capsys, tmp_path, catalog):
    bad = dict(BASE, family_size="two", primary_noc="12345")
    bad["first_language"] = dict(BASE["first_language"], listening=11)
    f = tmp_path / "bad.json"
    f.write_text(json.dumps(bad))
    code, out, err = run(capsys, "eligibility", str(f), "--on", "2025-09-01", "--json")
    assert code == 2 and out == ""
    for field in ("family_size:", "primary_noc:", "first_language.listening:"):
        assert field in err
    assert "Traceback" not in err


def test_eligibility_missing_or_broken_file(capsys, tmp_path):
    code, _, err = run(capsys, "eligibility", str(tmp_path / "nope.json"))
    assert code == 2 and "not found" in err
    f = tmp_path / "broken.json"
    f.write_text("{\"age\": 30,")
    code, _, err = run(capsys, "eligibility", str(f))
    assert code == 2 and "not valid JSON" in err


def test_show_carries_occupation_rules(capsys, catalog):
    code, out, _ = run(capsys, "show", "31301", "--on", "2025-06-01", "--json")
    assert code == 0
    r = json.loads(out)
    assert r["teer"] == 1 and r["programs"]["FST"]["eligible"] is False
    assert [c["list"] for c in r["categories"]] == ["2025"]
