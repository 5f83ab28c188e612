"""noc-match web page: paste a job description -> ranked NOC 2021 codes -> duty check -> CRS.

Run with `streamlit run app.py`. The page is layout only: every figure comes from the
`noc_match` engine (matcher, catalog, align, rules). What the user pastes or uploads stays in
memory (session state); nothing is written to disk or logged.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from noc_match.align import align, to_csv, to_json, to_markdown
from noc_match.batch import code_frame
from noc_match.catalog import Catalog
from noc_match.errors import UserError
from noc_match.matcher import Matcher
from noc_match.rules import crs as crs_rules
from noc_match.rules import draws as draws_rules
from noc_match.rules import language as lang_rules
from noc_match.rules.dated import load_table
from noc_match.rules.occupation import occupation_rules
from noc_match.rules.profile import CANADIAN_EDUCATION_LEVELS, EDUCATION_LEVELS, JOB_OFFERS, parse_profile
from noc_match.rules.whatif import what_ifs
from noc_match import ui_helpers as ui

st.set_page_config(page_title="noc-match: NOC 2021 codes, duty check, CRS", page_icon="🍁", layout="wide")

K = 10  # candidates shown
LABELS = {
    "none": "None", "secondary": "Secondary school", "one_year": "One-year post-secondary",
    "two_year": "Two-year post-secondary", "bachelors": "Bachelor's (3+ years)",
    "two_or_more": "Two or more credentials (one 3+ years)", "masters": "Master's or professional degree",
    "doctoral": "Doctoral (PhD)", "one_or_two_year": "Canadian 1-2 year credential",
    "three_year_or_more": "Canadian 3+ year credential or higher", "other": "Valid offer (other TEER 0-3)",
    "teer_0_major_group_00": "Valid offer in major group 00 (senior managers)",
}
TEST_LABELS = {"ielts": "IELTS General", "celpip": "CELPIP-General", "pte_core": "PTE Core", "tef": "TEF Canada",
               "tcf": "TCF Canada", "clb": "CLB levels (direct)", "nclc": "NCLC levels (direct)"}


# ---------------------------------------------------------------- cached engine objects
@st.cache_resource(show_spinner="Loading the NOC 2021 index (once per server)…")
def get_matcher() -> Matcher:
    return Matcher.load()


@st.cache_resource(show_spinner=False)
def get_catalog() -> Catalog:
    return Catalog.load()


@st.cache_data(show_spinner=False, max_entries=2000)
def rules_for(code: str, day: str) -> dict[str, Any]:
    return occupation_rules(code, on=day)


@st.cache_data(show_spinner=False, ttl=600)
def all_draws() -> list[dict[str, Any]]:
    return [d.to_dict() for d in draws_rules.load_draws()]


@contextlib.contextmanager
def guard(what: str):
    """Show a user's mistake as a friendly message, and a bug as a short error (never a traceback)."""
    try:
        yield
    except UserError as err:
        st.warning(err.message)
        for d in err.details:
            st.markdown(f"- {ui.md_escape(d)}")
    except Exception as err:  # noqa: BLE001 - the page must not show a stack trace
        st.error(f"Sorry, {what} failed ({type(err).__name__}). Please try again or report it.")


def choose(code: str) -> None:
    """Callback: open `code` (a candidate, an exclusion or a look-alike) as the chosen code."""
    extra = st.session_state.setdefault("extra_codes", [])
    if code not in extra:
        extra.append(code)
    st.session_state["chosen_code"] = code


def today() -> str:
    return dt.date.today().isoformat()


# ---------------------------------------------------------------- header and input
st.title("noc-match")
st.caption("Find the NOC 2021 code for a job, check how well the duties match it, and estimate a CRS score. "
           "A reading aid, not legal or immigration advice. What you paste stays in this browser session "
           "and is never saved.")

text = st.text_area(
    "Paste a job description, the duties from a reference letter, or a job title",
    key="job_text", height=180,
    placeholder="e.g. Supervise cooks and kitchen staff. Plan menus and estimate food requirements. …",
)
c1, c2 = st.columns([1, 5])
find = c1.button("Find NOC codes", key="find", type="primary")
c2.caption("Tip: one duty per line or sentence works best. Results appear below; choose a code to open "
           "its profile and the duty check.")

matcher = get_matcher()
catalog = get_catalog()
result = None
if text.strip() or find:
    with guard("the search"):
        # every widget change reruns the page: search again only when the text changed
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        cached = st.session_state.get("_search")
        if cached and cached[0] == key:
            result = cached[1]
        else:
            result = matcher.search(text, k=K)
            st.session_state["_search"] = (key, result)
if result is None and not text.strip():
    st.info("Paste a job description or a title above, then press **Find NOC codes**.")

codes: list[str] = []
if result is not None:
    codes = [c.code for c in result.candidates]
options = codes + [c for c in st.session_state.get("extra_codes", []) if c not in codes]
if options and st.session_state.get("chosen_code") not in options:
    st.session_state["chosen_code"] = options[0]
chosen: str | None = st.session_state.get("chosen_code") if options else None

tab_cands, tab_profile, tab_align, tab_crs, tab_batch = st.tabs(
    ["Candidates", "NOC profile", "Duty check", "CRS & draws", "Batch CSV"])


def program_badges_md(rules: dict[str, Any]) -> str:
    out = []
    for prog, ok, _reason in ui.program_badges(rules):
        out.append(f":green-badge[{prog} ✓]" if ok else f":gray-badge[{prog} ✗]")
    for cat in rules.get("categories") or []:
        out.append(f":violet-badge[{ui.md_escape(cat.get('name', ''))}]")
    return " ".join(out)


# ---------------------------------------------------------------- candidates
with tab_cands:
    if result is None:
        st.write("No results yet.")
    else:
        head = f"**{len(result.candidates)} candidates** for your {'title' if result.kind == 'title' else 'text'}"
        st.markdown(head + (f" ({len(result.statements)} duty statements read)" if result.statements else ""))
        if result.needs_review:
            st.warning("**Needs review** — " + "; ".join(ui.md_escape(r) for r in result.review_reasons))
        with guard("choosing a code"):
            st.selectbox(
                "Chosen code (opens the NOC profile and the duty check tabs)", options, key="chosen_code",
                format_func=lambda c: f"{c} — {catalog.require(c).title}",
            )
        for cand in result.candidates:
            with st.container(border=True, key=f"cand_{cand.code}"):
                left, right = st.columns([6, 1.4])
                rules = rules_for(cand.code, today())
                review = " :orange-badge[needs review]" if result.needs_review and cand.rank == 1 else ""
                left.markdown(f"**{cand.rank}. {cand.code} — {ui.md_escape(cand.title)}**  \n"
                              f":blue-badge[TEER {cand.teer}] {program_badges_md(rules)}{review}")
                left.progress(min(1.0, max(0.0, float(cand.score))), text=f"match score {cand.score:.2f}")
                right.button("Open", key=f"open_{cand.code}", on_click=choose, args=(cand.code,),
                             type="primary" if cand.code == chosen else "secondary")
                with st.expander("Evidence", expanded=cand.rank == 1):
                    ev = cand.evidence
                    if ev.example_titles:
                        st.markdown("Matched example titles: " + ", ".join(
                            f":orange-background[{ui.md_escape(t)}]" for t in ev.example_titles))
                    for d in ev.duties[:6]:
                        st.markdown(f"- :orange-background[{ui.md_escape(d['user'])}]  \n"
                                    f"  ↔ NOC: {ui.md_escape(d['noc'])} (similarity {float(d['similarity']):.2f})")
                    if not ev.example_titles and not ev.duties:
                        st.caption("No single title or duty stands out; the match comes from the overall wording.")
                    st.caption("Signals: " + ", ".join(f"{k} {v:.2f}" for k, v in cand.breakdown.items()))

# ---------------------------------------------------------------- NOC profile
with tab_profile:
    if not chosen:
        st.write("Find codes first, then choose one.")
    else:
        with guard("opening the NOC profile"):
            ug = catalog.require(chosen)
            rules = rules_for(chosen, today())
            st.subheader(f"{ug.code} — {ug.title}")
            st.markdown(f":blue-badge[TEER {ug.teer}] {program_badges_md(rules)}")
            st.caption(f"TEER {ug.teer}: {rules.get('teer_meaning', '')}")
            st.markdown("**Lead statement**")
            st.write(ug.lead_statement)
            st.markdown("**Main duties**")
            for sec in ug.duty_sections:
                if sec.heading:
                    st.markdown(f"*{ui.md_escape(sec.heading)}*")
                st.markdown("\n".join(f"- {ui.md_escape(d)}" for d in sec.duties))
            if ug.employment_requirements:
                st.markdown("**Employment requirements**")
                st.markdown("\n".join(f"- {ui.md_escape(x)}" for x in ug.employment_requirements))
            with st.expander("Example titles and illustrative examples"):
                st.write(", ".join(ug.example_titles) or "-")
                if ug.illustrative_examples:
                    st.caption("Illustrative examples: " + ", ".join(ug.illustrative_examples))
                if ug.inclusions:
                    st.caption("Also included: " + ", ".join(ug.inclusions))
            if ug.additional_information:
                with st.expander("Additional information"):
                    st.markdown("\n".join(f"- {ui.md_escape(x)}" for x in ug.additional_information))
            if ug.exclusions:
                st.markdown("**Exclusions — look-alike codes** (open one to compare)")
                for ex in ug.exclusions:
                    if ex.code and ex.code in catalog:
                        st.button(f"{ex.code} — {ex.title}", key=f"excl_{ug.code}_{ex.code}",
                                  on_click=choose, args=(ex.code,))
                    else:
                        st.markdown(f"- {ui.md_escape(ex.text)}")
            for p, ok, reason in ui.program_badges(rules):
                st.caption(f"{p}: {'eligible' if ok else 'not eligible'} — {reason}")
            for cat in rules.get("categories") or []:
                st.caption(f"Category **{ui.md_escape(cat.get('name', ''))}** ({cat.get('list')} list, from "
                           f"{cat.get('effective_from')}): {ui.md_escape(cat.get('requirements') or '')}")

# ---------------------------------------------------------------- duty check
with tab_align:
    if not chosen:
        st.write("Find codes first, then choose one.")
    elif not text.strip():
        st.info("Paste the person's duties above to check them against the chosen code.")
    else:
        with guard("the duty check"):
            key = (chosen, hashlib.sha256(text.encode("utf-8")).hexdigest())
            cached = st.session_state.get("_align")
            if cached and cached[0] == key:
                report = cached[1]
            else:
                report = align(chosen, text, matcher=matcher)
                st.session_state["_align"] = (key, report)
            st.subheader(f"Duty check: {report.code} — {report.title}")
            with st.container(key="verdict_box"):
                m1, m2, m3, m4 = st.columns(4)
                m1.metric("Verdict", report.verdict)
                m2.metric("Main duties covered", ui.pct(report.coverage))
                m3.metric("Lead statement", "matched" if report.lead_covered else "not matched")
                m4.metric("Your statements that fit", ui.pct(report.precision))
            for r in report.reasons:
                st.markdown(f"- {ui.md_escape(r)}")
            if report.checks:
                st.markdown("**What to check**")
                st.markdown("\n".join(f"- {ui.md_escape(c)}" for c in report.checks))
            st.markdown("**The code's duties**")
            st.dataframe(pd.DataFrame([{
                "status": d.status, "similarity": round(d.similarity, 2),
                "section": d.section or "", "NOC": "lead statement" if d.kind == "lead" else "duty",
                "NOC text": d.noc_text, "best matching statement of yours": d.user_text or "",
            } for d in report.duties]), hide_index=True, width="stretch", key="align_duties")
            st.markdown("**Your statements**")
            st.dataframe(pd.DataFrame([{
                "status": u.status, "similarity": round(u.similarity, 2),
                "your statement": u.text, "supports NOC duty": u.noc_duty or "",
                "fits better": f"{u.better_code} {u.better_title}" if u.better_code else "",
            } for u in report.user_duties]), hide_index=True, width="stretch", key="align_user")
            unmatched = [u for u in report.user_duties if u.status == "fits no duty"]
            if unmatched:
                st.markdown(f"**{len(unmatched)} of your statements fit no duty of {report.code}**")
                st.markdown("\n".join(f"- {ui.md_escape(u.text)}" for u in unmatched))
            if report.look_alikes:
                st.markdown("**Look-alike codes**")
                st.dataframe(pd.DataFrame([{
                    "code": a.code, "title": a.title, "fit": round(a.fit, 2), "coverage": round(a.coverage, 2),
                    "verdict": a.verdict, "fits better": "yes" if a.fits_better else "", "why listed": a.source,
                } for a in report.look_alikes]), hide_index=True, width="stretch", key="align_alikes")
                better = [a for a in report.look_alikes if a.fits_better]
                if better:
                    st.warning("These codes fit your duties better: " + ", ".join(
                        f"{a.code} {ui.md_escape(a.title)}" for a in better))
                bcols = st.columns(min(4, len(report.look_alikes)))
                for i, a in enumerate(report.look_alikes):
                    bcols[i % len(bcols)].button(f"Open {a.code}", key=f"alike_{a.code}", on_click=choose,
                                                 args=(a.code,), help=a.title)
            d1, d2, d3 = st.columns(3)
            d1.download_button("Download Markdown", to_markdown(report), file_name=f"duty-check-{report.code}.md",
                               mime="text/markdown", key="dl_md")
            d2.download_button("Download JSON", to_json(report), file_name=f"duty-check-{report.code}.json",
                               mime="application/json", key="dl_json")
            d3.download_button("Download CSV", to_csv(report), file_name=f"duty-check-{report.code}.csv",
                               mime="text/csv", key="dl_csv")
            st.caption(report.disclaimer)


# ---------------------------------------------------------------- CRS
def language_inputs(prefix: str, label: str, tests: list[str], default_test: str | None, optional: bool):
    """A test picker and four scores in the test's own units; returns the profile's language dict or None."""
    choices = (["none"] if optional else []) + tests
    test = st.selectbox(label, choices, index=choices.index(default_test) if default_test in choices else 0,
                        key=f"{prefix}_test", format_func=lambda t: "No test" if t == "none" else TEST_LABELS.get(t, t))
    if test == "none":
        return None
    chart = lang_rules.chart(test)
    cols = st.columns(4)
    out: dict[str, Any] = {"test": test}
    for col, ability in zip(cols, lang_rules.ABILITIES):
        low, high = chart.score_range(ability)
        step = 1.0 if chart.direct else float(chart.step)
        default = lang_rules.min_score_for(test, ability, 7) if not chart.direct else 7.0
        default = float(default if default is not None else low)
        val = col.number_input(ability.capitalize(), min_value=float(low), max_value=float(high), value=default,
                               step=step, key=f"{prefix}_{test}_{ability}",
                               format="%.1f" if step < 1 else "%.0f")
        out[ability] = val
    return out


with tab_crs:
    st.markdown("Enter the profile; the score updates as you go. Test scores are in the test's own units.")
    english = [t for t in lang_rules.known_tests() if not lang_rules.is_french(t)]
    french = [t for t in lang_rules.known_tests() if lang_rules.is_french(t)]
    a, b, c = st.columns(3)
    age = a.number_input("Age", min_value=17, max_value=80, value=30, step=1, key="crs_age")
    education = b.selectbox("Education", EDUCATION_LEVELS, index=EDUCATION_LEVELS.index("bachelors"),
                            key="crs_education", format_func=LABELS.get)
    can_edu = c.selectbox("Canadian education", CANADIAN_EDUCATION_LEVELS, key="crs_can_edu", format_func=LABELS.get)
    first_lang = language_inputs("crs_fl", "First official language test", english + french, "ielts", optional=False)
    other = french if first_lang and lang_rules.is_french(first_lang["test"]) else english
    if first_lang and not lang_rules.is_french(first_lang["test"]):
        other = french
    second_lang = language_inputs("crs_sl", "Second official language test (optional)", other, None, optional=True)
    a, b, c = st.columns(3)
    can_work = a.number_input("Years of Canadian skilled work", 0, 10, 0, key="crs_can_work")
    for_work = b.number_input("Years of foreign skilled work", 0, 10, 3, key="crs_for_work")
    job_offer = c.selectbox("Job offer (arranged employment)", JOB_OFFERS, key="crs_job_offer",
                            format_func=lambda x: LABELS.get(x, x))
    a, b, c, d = st.columns(4)
    coq = a.checkbox("Certificate of qualification (trade)", key="crs_coq")
    sibling = b.checkbox("Sibling in Canada (citizen/PR)", key="crs_sibling")
    pnp = c.checkbox("Provincial nomination", key="crs_pnp")
    has_spouse = d.checkbox("Accompanying spouse or partner", key="crs_spouse")
    spouse = None
    if has_spouse:
        with st.container(border=True):
            s1, s2 = st.columns(2)
            sp_edu = s1.selectbox("Spouse's education", EDUCATION_LEVELS, key="crs_sp_edu", format_func=LABELS.get)
            sp_work = s2.number_input("Spouse's years of Canadian work", 0, 10, 0, key="crs_sp_work")
            sp_lang = language_inputs("crs_sp", "Spouse's language test (optional)", english + french, None, optional=True)
            spouse = {"education": sp_edu, "canadian_work_years": sp_work, "language": sp_lang}
    profile_obj = {
        "age": age, "education": education, "canadian_education": can_edu, "first_language": first_lang,
        "second_language": second_lang, "canadian_work_years": can_work, "foreign_work_years": for_work,
        "certificate_of_qualification": coq, "sibling_in_canada": sibling, "provincial_nomination": pnp,
        "job_offer": job_offer, "spouse": spouse,
    }
    with guard("the CRS calculation"):
        profile = parse_profile(profile_obj)
        res = crs_rules.score_profile(profile)
        with st.container(key="crs_score_box"):
            st.metric("CRS score", res.total)
        sections = [s for s in crs_rules.SECTIONS if s != "spouse" or res.with_spouse]
        names = {"core": "Core / human capital", "spouse": "Spouse", "transferability": "Skill transferability",
                 "additional": "Additional"}
        left, right = st.columns([3, 2])
        left.altair_chart(alt.Chart(pd.DataFrame(
            [{"section": names[s], "points": getattr(res, s)} for s in sections])).mark_bar().encode(
            x=alt.X("points:Q"), y=alt.Y("section:N", sort=None), tooltip=["section", "points"]).properties(
            height=40 * len(sections) + 30, title="Score by section"), width="stretch")
        with right.expander("Every line of the grid"):
            st.dataframe(pd.DataFrame([{"line": k, "points": v} for k, v in res.items.items()]),
                         hide_index=True, width="stretch")
        for w in res.warnings:
            st.caption(f"Warning: {ui.md_escape(w)}")
        wis = what_ifs(profile)
        st.markdown("**What would raise the score most**")
        if wis:
            st.dataframe(pd.DataFrame([{"change": w.description, "gain": f"+{w.gain}", "new total": w.new_total}
                                       for w in wis]), hide_index=True, width="stretch", key="whatifs")
        else:
            st.write("No single change found that raises the score.")

        # recent draws for the kinds this person and the chosen code may be invited in
        st.markdown("**Recent draws**" + (f" for {chosen} and this profile" if chosen else ""))
        fr_nclc = None
        for key_name, lang in (("first_language", profile.first_language), ("second_language", profile.second_language)):
            if lang is not None and lang.is_french:
                fr_nclc = res.clb.get(key_name)
        default_kinds = ui.draw_kinds_for(rules_for(chosen, today()) if chosen else None,
                                          french_nclc=fr_nclc, provincial_nomination=pnp)
        kinds_all = [str(k["id"]) for k in load_table("draw_kinds")["kinds"]]
        default_kinds = [k for k in default_kinds if k in kinds_all]
        # the user's own choice stays until the code or the profile changes the suggested kinds
        if st.session_state.get("_draw_kinds_default") != default_kinds or "draw_kinds" not in st.session_state:
            st.session_state["_draw_kinds_default"] = default_kinds
            st.session_state["draw_kinds"] = default_kinds
        picked = st.multiselect("Draw kinds", kinds_all, key="draw_kinds", format_func=draws_rules.kind_label,
                                help="Chosen from the code's programs and categories, French level and nomination; "
                                     "program eligibility itself also depends on your work history.")
        if picked:
            comps = draws_rules.compare_with_draws(res.total, picked, last=3)
            st.dataframe(pd.DataFrame([{
                "kind": cmp.label, "latest round": cmp.latest_date.isoformat() if cmp.latest_date else "-",
                "cut-off": cmp.latest_cutoff if cmp.latest_cutoff is not None else "-",
                "your margin": f"{cmp.margin:+d}" if cmp.margin is not None else "-",
                "last rounds met": f"{cmp.rounds_met}/{len(cmp.rounds)}",
            } for cmp in comps]), hide_index=True, width="stretch", key="draw_compare")
            rows = [d for d in all_draws() if d["kind"] in picked and d["crs_cutoff"] is not None]
            if rows:
                df = pd.DataFrame(rows)
                df["date"] = pd.to_datetime(df["date"])
                df = df[df["date"] >= df["date"].max() - pd.Timedelta(days=730)]
                df["kind"] = df["kind"].map(draws_rules.kind_label)
                points = alt.Chart(df).mark_line(point=True).encode(
                    x=alt.X("date:T", title="round date"), y=alt.Y("crs_cutoff:Q", title="CRS cut-off",
                                                                    scale=alt.Scale(zero=False)),
                    color=alt.Color("kind:N", title="draw kind"),
                    tooltip=["date:T", "round", "type", "crs_cutoff", "invitations"])
                line = alt.Chart(pd.DataFrame({"y": [res.total]})).mark_rule(color="red", strokeDash=[6, 3]).encode(
                    y="y:Q")
                st.altair_chart((points + line).properties(height=320, title=f"Cut-offs of the last two years; "
                                                           f"your score {res.total} is the red line"),
                                width="stretch")
            else:
                st.caption("No rounds of these kinds in the draw history.")

# ---------------------------------------------------------------- batch
with tab_batch:
    st.markdown("Upload a CSV with one job title or description per row; get it back with the NOC code added.")
    up = st.file_uploader("CSV file", type=["csv"], key="batch_file")
    if up is not None:
        with guard("reading the CSV"):
            try:
                frame = pd.read_csv(io.BytesIO(up.getvalue()), dtype=str, keep_default_na=False)
            except Exception as err:  # noqa: BLE001 - a bad file is the user's to fix
                raise UserError(f"cannot read {up.name} as CSV ({type(err).__name__})") from None
            if frame.empty or not len(frame.columns):
                raise UserError(f"{up.name} has no rows")
            guess = next((c for c in frame.columns if any(w in c.lower() for w in ("dut", "desc", "title", "job"))),
                         frame.columns[0])
            col = st.selectbox("Column to code", list(frame.columns), index=list(frame.columns).index(guess),
                               key="batch_col")
            st.caption(f"{len(frame)} rows")
            if st.button("Code the file", key="batch_run", type="primary"):
                bar = st.progress(0.0, text="coding…")
                done = [0]

                def tick(total: int = len(frame)) -> None:
                    done[0] += 1
                    if done[0] % 10 == 0 or done[0] == total:
                        bar.progress(done[0] / total, text=f"coding… {done[0]}/{total}")

                coded = code_frame(frame, col, matcher, top=3, on_row=tick)
                st.session_state["batch_out"] = (up.name, coded.to_csv(index=False).encode("utf-8"), len(coded))
                bar.progress(1.0, text="done")
            out = st.session_state.get("batch_out")
            if out and out[0] == up.name:
                st.download_button(f"Download the coded CSV ({out[2]} rows)", out[1],
                                   file_name=out[0].rsplit(".", 1)[0] + "-coded.csv", mime="text/csv",
                                   key="batch_download")


# ---------------------------------------------------------------- after the page is drawn
@st.cache_resource(show_spinner=False)
def warm_alignment(_matcher: Matcher) -> bool:
    """Vectorise the NOC statements once per server, after the first page is on screen."""
    try:
        from noc_match.align import prepare
    except ImportError:
        return False
    prepare(_matcher)
    return True


with guard("warming up the duty check"):
    warm_alignment(matcher)
