"""`noc-match align` from the command line: text, --file, stdin, --json, exports, one-line errors."""
from __future__ import annotations

import csv
import io
import json
import sys

import pytest

from noc_match.cli import main

CHEF = (
    "Planned menus and ensured food met quality standards. Supervised sous-chefs, specialist chefs and cooks. "
    "Created new recipes. Recruited and hired kitchen staff. Consulted with clients regarding weddings and banquets."
)


@pytest.fixture(scope="module", autouse=True)
def warm(catalog):
    from noc_match.matcher import Matcher

    Matcher.load()


@pytest.fixture
def own_21231(catalog):
    return "\n".join(f"- {d}" for d in catalog["21231"].duties)


def _run(capsys, argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    rc = main(argv)
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_json_payload(capsys, own_21231):
    rc, out, err = _run(capsys, ["align", "21231", own_21231, "--json"])
    assert rc == 0, err
    data = json.loads(out)
    assert data["code"] == "21231" and data["verdict"] == "strong"
    assert data["coverage"] == 1.0 and data["lead_covered"] is True
    assert len(data["duties"]) == 1 + 6 and data["duties"][0]["kind"] == "lead"
    assert len(data["user_duties"]) == 6
    assert all({"code", "coverage"} <= set(a) for a in data["look_alikes"])


def test_weak_for_another_code(capsys, own_21231):
    rc, out, _ = _run(capsys, ["align", "62200", own_21231, "--json"])
    assert rc == 0
    assert json.loads(out)["verdict"] == "weak"


def test_text_summary(capsys):
    rc, out, _ = _run(capsys, ["align", "63200", CHEF])
    assert rc == 0
    assert out.startswith("63200  Cooks  (TEER 3)")
    assert "verdict:" in out and "Look-alike codes:" in out and "62200" in out
    assert "not legal" in out


def test_file_and_stdin_give_the_same_report(capsys, monkeypatch, tmp_path):
    f = tmp_path / "duties.txt"
    f.write_text(CHEF, encoding="utf-8")
    _, from_file, _ = _run(capsys, ["align", "62200", "--file", str(f), "--json"])
    _, from_stdin, _ = _run(capsys, ["align", "62200", "-", "--json"], stdin=CHEF, monkeypatch=monkeypatch)
    _, from_arg, _ = _run(capsys, ["align", "62200", CHEF, "--json"])
    assert json.loads(from_file) == json.loads(from_stdin) == json.loads(from_arg)


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
def test_format_prints_export(capsys, fmt):
    rc, out, _ = _run(capsys, ["align", "62200", CHEF, "--format", fmt])
    assert rc == 0
    if fmt == "md":
        assert out.startswith("# Duty alignment with NOC 62200 Chefs")
    elif fmt == "json":
        assert json.loads(out)["code"] == "62200"
    else:
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows[0]["kind"] == "lead" and len(rows) == 19


def test_out_writes_export_by_extension(capsys, tmp_path):
    from noc_match.align import from_json

    target = tmp_path / "report.json"
    rc, out, _ = _run(capsys, ["align", "62200", CHEF, "--out", str(target)])
    assert rc == 0 and "saved the json export" in out
    report = from_json(target.read_text(encoding="utf-8"))
    assert report.code == "62200" and report.verdict in {"strong", "partial"}
    md = tmp_path / "report.md"
    assert main(["align", "62200", CHEF, "--out", str(md)]) == 0
    assert "Verdict:" in md.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "argv,needle",
    [
        (["align", "62209", CHEF], "62200"),
        (["align", "cook", CHEF], "expected 5 digits"),
        (["align", "62200", ""], "empty"),
        (["align", "62200", "Salary: $60,000 per year"], "no duty statements"),
        (["align", "62200", "--file", "/nonexistent/duties.txt"], "file not found"),
        (["align", "62200", CHEF, "--out", "/nonexistent/dir/r.md"], "folder not found"),
    ],
)
def test_errors_are_one_line_exit_2(capsys, argv, needle):
    rc, out, err = _run(capsys, argv)
    assert rc == 2
    assert out == ""
    err = err.strip()
    assert "\n" not in err and needle in err and "Traceback" not in err
    assert err.startswith("noc-match: error:")


def test_empty_stdin_is_an_error(capsys, monkeypatch):
    rc, _, err = _run(capsys, ["align", "62200", "-"], stdin="", monkeypatch=monkeypatch)
    assert rc == 2 and "empty" in err
