"""Duty alignment on real NOC 2021 text: verdicts, tables, look-alikes, splitting, exports, errors."""
from __future__ import annotations

import csv
import io
import json
import time

import pytest

from noc_match.errors import UserError

CHEF = """Chef de cuisine, Maple Bistro (2019-2023)
Duties:
- Planned menus and ensured food met quality standards
- Supervised sous-chefs, specialist chefs and cooks
- Created new recipes and demonstrated new cooking techniques to the kitchen staff
- Consulted with clients regarding weddings, banquets and specialty functions
- Estimated food requirements and food and labour costs
- Recruited and hired kitchen staff
"""


@pytest.fixture(scope="session")
def matcher(catalog):
    from noc_match.matcher import Matcher

    return Matcher.load()


@pytest.fixture(scope="session")
def align(matcher):
    from noc_match import align as mod

    def run(code, text, **kw):
        return mod.align(code, text, matcher=matcher, **kw)

    return run


@pytest.fixture(scope="session")
def own_21231(catalog):
    return "\n".join(f"• {d}" for d in catalog["21231"].duties)


@pytest.fixture(scope="session")
def chef_report(align):
    return align("62200", CHEF)


# -- verdicts on real NOC text -------------------------------------------------------------------
def test_own_duties_are_a_strong_match(align, own_21231, catalog):
    r = align("21231", own_21231)
    assert r.verdict == "strong"
    assert r.coverage == 1.0 and r.precision == 1.0 and r.lead_covered
    duties = [d for d in r.duties if d.kind == "duty"]
    assert [d.noc_text for d in duties] == list(catalog["21231"].duties)
    assert all(d.status == "covered" and d.similarity > 0.99 for d in duties)
    # each statement supports the NOC duty it was copied from, and no other code fits better
    for u, duty in zip(r.user_duties, catalog["21231"].duties):
        assert u.status == "fits" and u.noc_duty == duty and u.better_code is None


def test_software_duties_are_weak_for_chefs(align, own_21231):
    r = align("62200", own_21231)
    assert r.verdict == "weak"
    assert r.coverage < 0.2 and r.precision < 0.3
    assert any(u.status == "fits no duty" for u in r.user_duties)
    # the statements fit another code clearly better, and it is the software one
    assert {u.better_code for u in r.user_duties if u.better_code} & {"21231", "21311", "21230", "21232"}
    assert any("weak" in c or "do not read like" in c for c in r.checks)


def test_chef_duties_against_cooks_list_chefs_as_better_look_alike(align):
    r = align("63200", CHEF)
    by_code = {a.code: a for a in r.look_alikes}
    assert "62200" in by_code
    chefs = by_code["62200"]
    assert chefs.fits_better and chefs.fit > r.fit
    assert "exclusion" in chefs.source  # 63200's exclusions send the reader to 62200
    assert any("62200" in c for c in r.checks)
    assert any(u.better_code == "62200" for u in r.user_duties)


def test_chef_duties_are_a_strong_match_for_chefs(chef_report):
    r = chef_report
    assert r.verdict == "strong"
    assert r.lead_covered
    # role sub-headings are kept: each duty row names its role, figures per role
    assert [s.heading for s in r.sections] == ["Chefs", "Sous-chefs", "Chefs and specialist chefs"]
    assert r.best_section in {"Chefs", "Sous-chefs", "Chefs and specialist chefs"}
    assert {d.section for d in r.duties if d.kind == "duty"} == {s.heading for s in r.sections}
    assert r.best_section_coverage >= r.coverage


def test_unrelated_short_paragraph_is_weak_and_genuine_one_is_not(align):
    nurse = (
        "Assessed patients and recorded their vital signs. Administered medications and treatments as "
        "prescribed by physicians. Developed and implemented nursing care plans. Educated patients and "
        "families about health conditions."
    )
    genuine = align("31301", nurse)  # Registered nurses and registered psychiatric nurses
    unrelated = align("72410", nurse)  # Automotive service technicians
    assert len(genuine.user_duties) == 4
    assert genuine.verdict in {"strong", "partial"}
    assert unrelated.verdict == "weak"
    assert genuine.coverage > unrelated.coverage and genuine.precision > unrelated.precision


def test_tables_are_consistent(chef_report, catalog):
    r = chef_report
    assert r.duties[0].kind == "lead" and r.duties[0].noc_text == catalog["62200"].lead_statement
    assert sum(1 for d in r.duties if d.kind == "duty") == len(catalog["62200"].duties)
    for d in r.duties:
        assert d.status in {"covered", "partly", "not covered"}
        assert 0.0 <= d.similarity <= 1.0 + 1e-6
        if d.status == "not covered":
            assert d.user_text is None
        else:
            assert r.user_duties[d.user_index].text == d.user_text
    for u in r.user_duties:
        assert u.status in {"fits", "partly", "fits no duty"}
        assert (u.noc_duty is None) == (u.status == "fits no duty")
        if u.noc_duty:
            assert u.noc_duty in catalog["62200"].duties
    assert 0.0 <= r.coverage <= 1.0 and 0.0 <= r.precision <= 1.0
    assert r.thresholds["partly"] < r.thresholds["covered"]


def test_single_vague_statement_is_never_strong(align):
    r = align("21231", "Wrote software")
    assert r.verdict != "strong"


def test_look_alikes_include_unit_group_exclusions(align, catalog):
    r = align("21231", "Designed and tested software applications and embedded systems for telecommunications clients")
    excluded = {e.code for e in catalog["21231"].exclusions if len(e.code) == 5}
    assert excluded <= {a.code for a in r.look_alikes}
    assert all(a.code != "21231" for a in r.look_alikes)
    assert all(0.0 <= a.coverage <= 1.0 for a in r.look_alikes)


def test_thresholds_come_from_noc_text(matcher):
    from noc_match.align import _statements_for

    th = _statements_for(matcher).th
    assert 0.05 < th.partly < th.covered < 0.5
    assert 0.05 < th.lead < 0.5


# -- splitting the pasted text -------------------------------------------------------------------
DUTIES = ["Plan menus and ensure food meets quality standards", "Supervise cooks and kitchen staff", "Create new recipes"]


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(f"- {d}" for d in DUTIES),
        "\n".join(f"• {d}" for d in DUTIES),
        "\n".join(f"{i}. {d}" for i, d in enumerate(DUTIES, 1)),
        "\n".join(f"{i}) {d}" for i, d in enumerate(DUTIES, 1)),
        "; ".join(DUTIES) + ".",
        ". ".join(DUTIES) + ".",
        "Responsibilities:\n" + "\n".join(f"* {d}" for d in DUTIES),
        "Responsibilities: " + "; ".join(DUTIES),
        "Head Chef\nSalary: $60,000 per year\nDuties:\n" + "\n".join(f"- {d}" for d in DUTIES) + "\nApply now!",
    ],
    ids=["dash", "bullet", "numbered", "paren", "semicolons", "sentences", "block", "inline-block", "posting"],
)
def test_list_styles_give_the_same_statements(align, text):
    r = align("62200", text, look_alikes=False)
    assert [u.text for u in r.user_duties] == DUTIES
    assert r.verdict in {"strong", "partial"}


# -- errors --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "code,text,needle",
    [
        ("99999", "Plan menus", "unknown NOC 2021 code"),
        ("chef", "Plan menus", "expected 5 digits"),
        ("6220", "Plan menus", "not a 5-digit unit group"),
        ("62200", "", "empty"),
        ("62200", "   \n\t ", "empty"),
        ("62200", "!!! ### ...", "no words"),
        ("62200", "Salary: $60,000 per year\nApply now", "no duty statements"),
    ],
)
def test_bad_input_raises_user_error(align, code, text, needle):
    with pytest.raises(UserError) as exc:
        align(code, text)
    assert needle in str(exc.value) and "\n" not in str(exc.value)


# -- exports -------------------------------------------------------------------------------------
def test_json_round_trip(chef_report):
    from noc_match.align import from_json, to_json

    text = to_json(chef_report)
    data = json.loads(text)
    for key in ("code", "verdict", "coverage", "lead_covered", "duties", "user_duties", "look_alikes"):
        assert key in data
    assert from_json(text) == chef_report
    assert to_json(from_json(text)) == text


def test_from_json_rejects_other_json():
    from noc_match.align import from_json

    with pytest.raises(UserError):
        from_json('{"code": "62200"}')
    with pytest.raises(UserError):
        from_json("not json")


def test_csv_parses_back_to_the_duty_table(chef_report):
    from noc_match.align import to_csv
    from noc_match.align_export import duties_from_csv

    text = to_csv(chef_report)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(chef_report.duties)
    assert duties_from_csv(text) == chef_report.duties


def test_markdown_has_verdict_and_every_duty(chef_report, catalog):
    from noc_match.align import to_markdown

    md = to_markdown(chef_report)
    assert f"Verdict: {chef_report.verdict} match" in md
    for duty in catalog["62200"].duties:
        assert duty.replace("|", "\\|") in md
    for u in chef_report.user_duties:
        assert u.text in md
    assert "not legal" in md


# -- speed ---------------------------------------------------------------------------------------
def test_alignment_is_interactive(align, chef_report):
    t0 = time.perf_counter()
    for _ in range(5):
        align("63200", CHEF)
    assert (time.perf_counter() - t0) / 5 < 0.5
