"""The Streamlit page driven with AppTest: paste -> candidates -> choose -> duty check -> CRS."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")

CHEF_DUTIES = (
    "Plan menus and estimate food requirements.\n"
    "Supervise sous-chefs, cooks and other kitchen staff.\n"
    "Prepare and cook complete meals and specialty dishes for banquets.\n"
    "Create new recipes and demonstrate new cooking techniques to the kitchen staff.\n"
    "Requisition food and kitchen supplies."
)


@pytest.fixture
def at(mirror):
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    assert not app.exception
    return app


def paste(app: AppTest, text: str) -> AppTest:
    app.text_area("job_text").input(text).run()
    assert not app.exception, app.exception
    return app


def metric(app: AppTest, label: str):
    found = [m.value for m in app.metric if m.label == label]
    assert found, f"no metric {label!r}; metrics: {[m.label for m in app.metric]}"
    return found[0]


def test_start_page_asks_for_text(at):
    assert any("Paste a job description" in i.value for i in at.info)
    assert not at.error
    assert [t.label for t in at.tabs] == ["Candidates", "NOC profile", "Duty check", "CRS & draws", "Batch CSV"]


def test_chef_duties_rank_chefs_among_candidates(at):
    paste(at, CHEF_DUTIES)
    options = at.selectbox("chosen_code").options
    assert len(options) == 10
    assert any(o.startswith("62200") for o in options)
    # the first candidate is chosen by default and every candidate has an Open button
    assert at.selectbox("chosen_code").value == options[0].split(" ")[0]
    assert at.button("open_62200") is not None


def test_choose_candidate_shows_alignment_verdict(at):
    paste(at, CHEF_DUTIES)
    at.selectbox("chosen_code").set_value("62200").run()
    assert not at.exception
    assert metric(at, "Verdict") in {"strong", "partial", "weak"}
    assert metric(at, "Verdict") == "strong"
    assert metric(at, "Main duties covered").endswith("%")
    # the profile tab shows the chosen code's lead statement and its exclusions as buttons
    assert any("62200 — Chefs" in h.value for h in at.subheader)
    assert at.button("excl_62200_63200") is not None
    # three downloads of the report
    labels = [el.proto.label for el in at.get("download_button")]
    assert labels == ["Download Markdown", "Download JSON", "Download CSV"]


def test_open_look_alike_switches_the_code(at):
    paste(at, CHEF_DUTIES)
    at.selectbox("chosen_code").set_value("62200").run()
    at.button("excl_62200_63200").click().run()
    assert not at.exception
    assert at.selectbox("chosen_code").value == "63200"
    assert any("Duty check: 63200" in h.value for h in at.subheader)


def test_crs_form_gives_the_engines_score(at):
    from noc_match.rules import crs

    at.number_input("crs_age").set_value(29)
    for ability, score in (("listening", 8.5), ("reading", 7.0), ("writing", 7.0), ("speaking", 7.5)):
        at.number_input(f"crs_fl_ielts_{ability}").set_value(score)
    at.selectbox("crs_education").set_value("masters")
    at.number_input("crs_for_work").set_value(3)
    at.run()
    assert not at.exception
    expected = crs.score({
        "age": 29, "education": "masters", "foreign_work_years": 3,
        "first_language": {"test": "ielts", "listening": 8.5, "reading": 7.0, "writing": 7.0, "speaking": 7.5},
    }).total
    assert metric(at, "CRS score") == str(expected)
    assert at.multiselect("draw_kinds").value[0] == "general"


def test_crs_french_second_language_adds_french_draws(at):
    paste(at, CHEF_DUTIES)
    at.selectbox("crs_sl_test").set_value("tef").run()
    for ability in ("listening", "reading", "writing", "speaking"):
        at.number_input(f"crs_sl_tef_{ability}").set_value(560)
    at.checkbox("crs_spouse").check()
    at.run()
    assert not at.exception
    assert int(metric(at, "CRS score")) > 0
    kinds = at.multiselect("draw_kinds").value
    assert "french" in kinds and "general" in kinds
    # 62200 is TEER 2: FSW, CEC and FST rounds apply to the code
    assert {"fsw", "cec", "fst"} <= set(kinds)


def test_empty_text_gives_a_friendly_message(at):
    at.button("find").click().run()
    assert not at.exception
    assert any("empty" in w.value for w in at.warning)
    assert not at.error


@pytest.mark.parametrize("junk", ["12345 !!! ...", "   \n\t  ", "@@@@ #### $$$$"])
def test_junk_text_gives_a_friendly_message(at, junk):
    at.text_area("job_text").input(junk).run()
    at.button("find").click().run()
    assert not at.exception
    assert at.warning or at.info, "some message must tell the user what to do"
    assert not at.error


def test_markdown_in_pasted_text_is_shown_literally(at):
    paste(at, "Chef [click](http://example.com) $x^2$ **bold**")
    assert not at.exception
    assert not at.error


def test_nothing_pasted_is_written_to_disk(at, tmp_path):
    marker = "Zqxmarker" + str(os.getpid())
    start = time.time() - 1
    paste(at, f"Supervise cooks and kitchen staff. Plan menus {marker}.")
    at.selectbox("chosen_code").set_value(at.selectbox("chosen_code").options[0].split(" ")[0]).run()
    assert not at.exception
    roots = [REPO, Path.home() / ".streamlit", Path("/tmp")]
    hits = []
    for root in roots:
        if not root.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in (".git", ".venv", "node_modules", "__pycache__")]
            for name in filenames:
                p = Path(dirpath) / name
                try:
                    st_ = p.stat()
                    if st_.st_mtime < start or st_.st_size > 20_000_000 or not p.is_file():
                        continue
                    if marker.encode() in p.read_bytes():
                        hits.append(str(p))
                except OSError:
                    continue
    assert not hits, f"pasted text found on disk: {hits}"


# ---------------------------------------------------------------- the page's helpers
def test_batch_csv_is_coded_and_offered_for_download(at):
    import csv
    import io

    data = b"id,job title\n1,Sous-chef\n2,\n3,Registered nurse\n"
    at.file_uploader("batch_file").upload("jobs.csv", data, "text/csv").run()
    assert not at.exception
    assert at.selectbox("batch_col").value == "job title"
    at.button("batch_run").click().run()
    assert not at.exception
    dl = [el for el in at.get("download_button") if el.proto.label.startswith("Download the coded CSV")]
    assert dl and "3 rows" in dl[0].proto.label
    # the coded file is the engine's batch output (noc_match.batch.code_frame) on the same rows
    from noc_match.batch import code_frame
    from noc_match.matcher import Matcher
    import pandas as pd

    frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    coded = code_frame(frame, "job title", Matcher.load(), top=3)
    assert coded["noc_code"].tolist()[0] == "62200"
    assert coded["noc_code"].tolist()[1] == ""
    assert list(csv.reader(io.StringIO(coded.to_csv(index=False))))[0][:2] == ["id", "job title"]


def test_bad_csv_gives_a_friendly_message(at):
    at.file_uploader("batch_file").upload("bad.csv", b"", "text/csv").run()
    assert not at.exception
    assert any("bad.csv" in w.value for w in at.warning)


def test_md_escape_neutralises_markup():
    from noc_match.ui_helpers import md_escape

    s = md_escape("[x](http://a) $y$ **z** :red[w]")
    assert "\\[" in s and "\\$" in s and "\\*" in s and "\\:" in s


def test_draw_kinds_follow_code_and_person(mirror):
    from noc_match.rules.occupation import occupation_rules
    from noc_match.ui_helpers import draw_kinds_for

    assert draw_kinds_for(None) == ["general"]
    kinds = draw_kinds_for(occupation_rules("31301"), french_nclc={"listening": 7, "reading": 7, "writing": 8,
                                                                   "speaking": 9}, provincial_nomination=True)
    assert kinds[0] == "general" and {"fsw", "cec", "healthcare", "french", "pnp"} <= set(kinds)
    assert "french" not in draw_kinds_for(None, french_nclc={"listening": 6, "reading": 9, "writing": 9, "speaking": 9})


def test_new_text_in_the_same_session_gets_new_candidates(at):
    paste(at, CHEF_DUTIES)
    assert at.selectbox("chosen_code").options[0].startswith("62200")
    at.run()  # a rerun without a text change keeps the result
    assert at.selectbox("chosen_code").options[0].startswith("62200")
    paste(at, "truck driver")
    assert at.selectbox("chosen_code").options[0].startswith("73300")
