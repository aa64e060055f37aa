"""Search understands how students ask, on the content transcribed from the sources."""

import re

import pytest

pytestmark = pytest.mark.django_db


def search(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.context["results"], response.content.decode()


def titles(results, kind=None):
    return [item.title for item in results.items if kind is None or item.kind == kind]


MAIN_JOB = "Medical records and health information technician"


@pytest.mark.parametrize("query", ["salary", "wage", "pay", "earn", "income", "How much do they earn?", "salaries"])
def test_a_pay_question_leads_with_jobs_and_their_current_pay_in_the_result(client, content, query):
    results, html = search(client, query)

    assert results.items[0].kind == "Occupation"
    assert results.groups[0].label == "Jobs"
    main_job = next(item for item in results.items if item.title == MAIN_JOB)
    # BLS's newest official figure (May 2020), not the undated article's $39,180 nor older years.
    assert main_job.fact.startswith("Median pay: $44,090 a year in 2020 (U.S. Bureau of Labor Statistics")
    assert "Median pay: $44,090 a year in 2020" in html


def test_jobs_whose_pay_no_official_source_confirms_say_so_and_rank_after_confirmed_ones(client, content):
    results, _html = search(client, "salary")

    jobs = [item for item in results.items if item.kind == "Occupation"]
    confirmed = [item for item in jobs if "not confirmed" not in item.fact]
    assert {item.title for item in confirmed} == {MAIN_JOB, "Medical and health services manager"}
    assert jobs[: len(confirmed)] == confirmed
    pharmacy = next(item for item in jobs if item.title == "Pharmacy technician")
    assert pharmacy.fact.startswith("Median pay: not confirmed (a career article gives $31,750 a year")
    # Jobs the sources give no pay for are not offered as an answer to a pay question.
    assert "Information clerk" not in titles(results)


@pytest.mark.parametrize("query", ["cost", "fee", "price", "tuition", "how much does it cost"])
def test_a_cost_question_finds_exam_fees_and_costs_with_their_year(client, content, query):
    results, html = search(client, query)

    assert results.items[0].title.startswith("ODS")
    assert results.items[0].fact == "Exam fee: $335 for members, $435 for non-members (2024)"
    # AHIMA's 2010 CCS fee was for the exam replaced in 2020: superseded, so not shown as the current fee.
    ccs = next(item for item in results.items if item.title.startswith("CCS:"))
    assert ccs.fact == "Exam fee: the issuer's current fee is not confirmed on this site"
    rhit = next(item for item in results.items if item.title.startswith("RHIT"))
    assert rhit.fact == "Exam fee: the issuer's current fee is not confirmed on this site"
    assert "Typical cost: $300" in html  # the RHIT exam step, as its pathway states it


def test_exam_fee_finds_the_credentials_fees_and_the_exam_step(client, content):
    results, _html = search(client, "exam fee")

    top = titles(results)[:3]
    assert "Step 2: Pass the RHIT exam" in top
    assert "ODS: Oncology Data Specialist (formerly CTR: Certified Tumor Registrar)" in top


@pytest.mark.parametrize("query", ["how long", "How long does it take?", "time", "years"])
def test_a_time_question_finds_the_routes_and_steps_whose_time_is_stated(client, content, query):
    results, _html = search(client, query)

    top = results.items[0]
    assert top.kind == "Pathway" and "RHIT" in top.title
    assert top.fact.startswith("Typical time: 2 years")
    assert "time not stated for step 2, 3, 4" in top.fact
    assert "Step 1: Complete an accredited associate degree" in titles(results, "Step")


@pytest.mark.parametrize("query", ["RHIT vs CCS", "rhit vs ccs", "RHIT versus CCS", "ccs or rhit", "RHIT vs. CCS"])
def test_x_vs_y_offers_that_comparison_and_finds_both(client, content, query):
    results, html = search(client, query)

    assert results.comparison["url"] == "/compare/credentials/?c=ccs&c=rhit"
    assert 'href="/compare/credentials/?c=ccs&amp;c=rhit"' in html
    assert "Compare CCS and RHIT side by side" in html
    assert titles(results)[:2] == ["CCS: Certified Coding Specialist", "RHIT: Registered Health Information Technician"]


def test_x_vs_something_unknown_offers_no_comparison_but_still_finds_x(client, content):
    results, html = search(client, "RHIT vs astronaut")

    assert results.comparison is None
    assert "search-compare" not in html
    assert titles(results)[0].startswith("RHIT")


@pytest.mark.parametrize("query", ["registrars", "registrar", "tumour", "tumor", "cancer registrar", "ODS", "ods"])
def test_every_name_for_a_cancer_registrar_finds_the_ods_credential_first(client, content, query):
    results, _html = search(client, query)

    assert results.items[0].kind == "Credential"
    assert results.items[0].url == "/credentials/ctr/"


@pytest.mark.parametrize("query", ["coder", "coding", "coders", "medical coding"])
def test_coding_finds_the_coding_credentials_and_steps_before_organizations(client, content, query):
    results, _html = search(client, query)

    kinds = [item.kind for item in results.items]
    assert kinds[0] == "Credential"
    assert {"CCS: Certified Coding Specialist", "CCS-P: Certified Coding Specialist – Physician-based"} <= set(
        titles(results, "Credential")
    )
    if "Organization" in kinds:
        assert kinds.index("Organization") > max(i for i, kind in enumerate(kinds) if kind != "Organization")
        assert results.groups[-1].label == "Organizations"


def test_coding_steps_a_student_can_act_on_come_before_dead_end_organizations(client, content):
    results, html = search(client, "coding")

    labels = [group.label for group in results.groups]
    assert labels == ["Credentials", "Steps", "Organizations"]
    assert html.index('id="results-step"') < html.index('id="results-organization"')


def test_an_organization_named_exactly_is_not_pushed_down(client, content):
    results, _html = search(client, "AHIMA")

    assert results.items[0].title.startswith("AHIMA")


def test_results_are_grouped_by_kind_under_headings(client, content):
    results, html = search(client, "medical records")

    assert [group.label for group in results.groups][0] == "Jobs"
    assert re.search(r'<h2 id="results-occupation">Jobs <span class="muted">\(\d+\)</span></h2>', html)
    assert sum(len(group) for group in results.groups) == len(results.items)
    assert results.items[0].title == MAIN_JOB


def test_no_results_suggests_close_words_and_ways_on(client, content):
    results, html = search(client, "registrr")

    assert not results
    assert "Nothing matches “registrr”." in html
    assert 'href="/search/?q=registrar"' in html
    for way_on in ('href="/pathways/"', 'href="/credentials/"', 'href="/planner/"', 'href="/compare/"'):
        assert way_on in html
    assert 'href="/search/?q=RHIT%20vs%20CCS"' in html


def test_words_in_any_form_are_stemmed(client, content):
    assert MAIN_JOB in titles(search(client, "technicians")[0])[:3]
    assert "Step 4: Recertify every two years" in titles(search(client, "recertifying")[0])


def test_only_some_words_matching_says_so(client, content):
    results, html = search(client, "RHIT astronaut")

    assert results.partial
    assert "No page has all of those words" in html
    assert titles(results)[0].startswith("RHIT")


def test_the_credential_is_named_as_ncra_names_it_now_with_its_former_name(client, content):
    response = client.get("/credentials/ctr/")

    assert (
        "<h1>ODS: Oncology Data Specialist (formerly CTR: Certified Tumor Registrar)</h1>" in response.content.decode()
    )
    assert (
        titles(search(client, "CTR")[0])[0] == "ODS: Oncology Data Specialist (formerly CTR: Certified Tumor Registrar)"
    )


def test_the_rename_cites_ncras_announcement(client, content):
    html = client.get("/credentials/ctr/").content.decode()

    banner = html[html.index("<strong>New name:</strong>") :].split("</p>", 1)[0]
    assert "renamed this credential Oncology Data Specialist (ODS) in 2024" in banner
    assert 'href="https://www.ncra-usa.org/ODS-Credential/ODSToolkit/Accredited-Education-Program"' in banner
