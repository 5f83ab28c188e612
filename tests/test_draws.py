"""Draw history: keyword kinds, selection, score comparison, and merging IRCC's feed (no network)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from noc_match.errors import UserError
from noc_match.paths import PROJECT_DIR
from noc_match.rules import draws as D


@pytest.fixture()
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary data/ folder (rules + draws.csv); data_dir() follows NOC_MATCH_RULES_DIR."""
    shutil.copytree(PROJECT_DIR / "data" / "rules", tmp_path / "rules")
    shutil.copy(PROJECT_DIR / "data" / "draws.csv", tmp_path / "draws.csv")
    monkeypatch.setenv("NOC_MATCH_RULES_DIR", str(tmp_path / "rules"))
    return tmp_path


def feed(tmp_path: Path, rounds: list[dict]) -> Path:
    p = tmp_path / "ee_rounds_123_en.json"
    p.write_text(json.dumps({"classes": "", "rounds": rounds}), encoding="utf-8")
    return p


def rnd(number: str, date: str, name: str, size: str = "1,000", crs: str = "500") -> dict:
    return {"drawNumber": number, "drawDate": date, "drawName": name, "drawSize": size, "drawCRS": crs,
            "drawCutOff": "August 20, 2026 at 10:00:00 UTC", "drawDateFull": ""}


@pytest.mark.parametrize("name,kind", [
    ("No Program Specified", "general"), ("General", "general"), ("Canadian Experience Class", "cec"),
    ("Federal Skilled Worker", "fsw"), ("Federal Skilled Trades", "fst"), ("Provincial Nominee Program", "pnp"),
    ("French language proficiency (Version 1)", "french"), ("French-Language proficiency 2026-Version 2", "french"),
    ("Healthcare occupations (Version 1)", "healthcare"),
    ("Healthcare and social services occupations (Version 2)", "healthcare"),
    ("Healthcare and Social Services Occupations, 2026-Version 3", "healthcare"),
    ("STEM occupations (Version 1)", "stem"), ("Science, Technology, Engineering and Math (STEM) occupations", "stem"),
    ("Trade occupations (Version 1)", "trades"), ("Trades Occupations, 2026-Version 3", "trades"),
    ("Transport Occupations, 2026-Version 2", "transport"), ("Agriculture and agri-food occupations (Version 1)", "agriculture"),
    ("Education occupations (Version 1)", "education"),
    ("Physicians with Canadian Work Experience, 2026-Version 1", "physicians"),
    ("Senior managers with Canadian Work Experience, 2026-Version 1", "senior_managers"),
    ("Skilled Military Recruits, 2026-Version 1", "military"),
    ("cec", "cec"), ("senior_managers", "senior_managers"), ("Filing system test", "other"),
])
def test_kind_of_round_names_and_category_names(name: str, kind: str) -> None:
    assert D.kind_of(name) == kind


def test_every_round_in_the_shipped_history_has_a_kind() -> None:
    draws = D.load_draws()
    assert len(draws) == 438 and draws[0].round == 1 and draws[-1].round == 437
    assert not [d.type for d in draws if d.kind == "other"]
    assert len({d.key for d in draws}) == len(draws)
    assert [d.type for d in draws if d.round == 91] == ["Federal Skilled Trades", "Provincial Nominee Program"]


def test_select_by_category_and_dates() -> None:
    draws = D.load_draws()
    cec = D.select(draws, category="Canadian Experience Class", since="2026-08-01")
    assert [(d.round, d.crs_cutoff) for d in cec] == [(432, 516), (436, 523)]
    assert all(d.date.isoformat() <= "2015-03-01" for d in D.select(draws, until="2015-03-01"))
    with pytest.raises(UserError):
        D.select(draws, category="lottery")


def test_compare_with_draws() -> None:
    out = D.compare_with_draws(500, ["cec", "French-language proficiency", "cec"], on="2026-08-31", last=3)
    assert [c.kind for c in out] == ["cec", "french"]
    cec, french = out
    assert cec.latest_cutoff == 523 and cec.margin == -23 and cec.latest_date.isoformat() == "2026-08-18"
    assert len(cec.rounds) == 3 and cec.rounds[0].round == 436
    assert french.latest_cutoff == 382 and french.rounds_met == 3
    earlier = D.compare_with_draws(500, ["cec"], on="2026-08-17")[0]
    assert earlier.latest_date.isoformat() == "2026-08-05"


def test_compare_tie_counts_as_met_and_unknown_kind_has_no_rounds() -> None:
    cec = D.compare_with_draws(523, ["cec"], on="2026-08-18", last=1)[0]
    assert cec.margin == 0 and cec.rounds_met == 1
    nothing = D.compare_with_draws(500, ["researchers"], on="2026-08-31")[0]
    assert nothing.rounds == [] and nothing.latest_cutoff is None and nothing.margin is None


def test_update_merges_new_rounds_without_duplicates(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "draws.csv"
    assert D.draws_path() == path
    source = feed(tmp_path, [
        rnd("438", "2026-08-26", "Canadian Experience Class", "3,000", "515"),
        rnd("437", "2026-08-19", "French-Language proficiency 2026-Version 2", "5,000", "382"),
        rnd("91", "2018-05-30", "Provincial Nominee Program", "200", "902"),
        rnd("439", "2026-08-27", "Healthcare and Social Services Occupations, 2026-Version 3", "2,500", "470"),
    ])
    res = D.update_draws(str(source))
    assert [d.round for d in res.added] == [438, 439] and res.unchanged == 2 and res.total == 440
    draws = D.load_draws(path)
    assert len(draws) == 440 and len({d.key for d in draws}) == 440
    new = draws[-2]
    assert (new.round, new.invitations, new.crs_cutoff, new.kind) == (438, 3000, 515, "cec")
    assert new.source == "ircc_json:ee_rounds_123_en.json"
    again = D.update_draws(str(source))
    assert again.added == [] and len(D.load_draws(path)) == 440
    assert len(D.load_draws(PROJECT_DIR / "data" / "draws.csv")) == 438   # the shipped copy is untouched


def test_update_accepts_full_date_and_list_form(data_copy: Path, tmp_path: Path) -> None:
    item = rnd("438", "", "Provincial Nominee Program")
    item["drawDateFull"] = "August 26, 2026"
    p = tmp_path / "list.json"
    p.write_text(json.dumps([item]), encoding="utf-8")
    res = D.update_draws(str(p))
    assert res.added[0].date.isoformat() == "2026-08-26"


def test_bad_feed_names_each_bad_round_and_writes_nothing(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "draws.csv"
    before = path.read_bytes()
    source = feed(tmp_path, [rnd("438", "2026-08-26", "CEC"), {"drawNumber": "x", "drawDate": "soon"}, "junk"])
    with pytest.raises(UserError) as err:
        D.update_draws(str(source))
    assert [d.split(":")[0] for d in err.value.details] == ["rounds[1]", "rounds[2]"]
    assert "drawNumber" in err.value.details[0] and "drawName" in err.value.details[0]
    assert path.read_bytes() == before
    assert not [p for p in data_copy.iterdir() if p.name.startswith(".draws-")]


@pytest.mark.parametrize("content", ["not json", json.dumps({"something": 1})])
def test_update_rejects_non_feeds(data_copy: Path, tmp_path: Path, content: str) -> None:
    p = tmp_path / "x.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(UserError):
        D.update_draws(str(p))
    with pytest.raises(UserError):
        D.update_draws(str(tmp_path / "missing.json"))
