"""The planner page, links shared before today's questions, and the credential page's short eligibility check."""

import re
from html import escape, unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from credentials.models import Credential
from sharing.models import SlugRedirect
from tests import factories

CTR_B = "education=associate&course=anatomy-and-physiology&experience=cancer-registry&years=1&program=none"
TECHNICIAN = "occupation-medical-records-and-health-information-technician"

# The three students of the closing note, as they answer today's questions.
BACHELORS_IN_ANOTHER_FIELD = (
    "education=bachelor&field=other&program=none&experience=other&years=2&target=credential-rhia"
)
ASSOCIATE_GRADUATE = (
    "education=associate&field=health-information&program=associate&accredited=cahiim&stage=finished"
    "&experience=none&target=credential-rhit"
)
HIGH_SCHOOL_STUDENT = f"education=high-school&program=none&experience=none&target={TECHNICIAN}"


BLOCK_TAG = re.compile(r"</?(p|li|ul|div|h\d|td|th|tr|dt|dd|br|option|legend|label|section|article)\b[^>]*>")


def words(html):
    """What a reader sees: blocks apart, inline tags dropped, spaces collapsed."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", BLOCK_TAG.sub(" ", html)))).strip()


def text(response):
    return words(response.content.decode())


def verdict(response, slug):
    """One credential's card on the planner page."""
    html = response.content.decode()
    start = html.index(">", html.index(f'id="verdict-{slug}"')) + 1
    ends = [html.find(marker, start) for marker in ('id="verdict-', "Based only on your answers")]
    return words(html[start : min(end for end in ends if end != -1)])


def test_without_answers_the_page_asks_plain_questions_with_no_answer_chosen(client, content):
    response = client.get("/planner/")

    page = response.content.decode()
    assert response.status_code == 200
    for question in (
        "Highest education you have finished",
        "What was it in?",
        "Have you studied in a health information program?",
        "Who accredits that program?",
        "Where are you in that program?",
        "What kind of work experience do you have?",
        "Credentials you already hold",
    ):
        assert question in page
    assert '<option value="" selected>Choose one</option>' in page
    assert "Postsecondary nondegree award" not in page and "Your eligibility" not in page


def test_questions_are_grouped_in_labelled_fieldsets_with_linked_help(client, content):
    page = client.get("/planner/").content.decode()

    for legend in ("Your education", "A health information program", "Work and credentials", "Where you want to go"):
        assert re.search(rf"<legend[^>]*>\s*{legend}\s*</legend>", page)
    assert 'aria-describedby="id_field_helptext"' in page and 'id="id_field_helptext"' in page


def test_the_form_shows_the_students_answers_back_to_change(client, content):
    query = "education=associate&field=health&held=rhit&held=ccs&years=2.5&experience=coding&target=credential-rhia"
    page = client.get(f"/planner/?{query}").content.decode()

    assert '<option value="associate" selected>Associate degree</option>' in page
    assert re.search(r'<option value="health" selected>Another health field', page)
    assert re.search(r'<option value="coding" selected>Medical coding</option>', page)
    assert '<option value="credential-rhia" selected>RHIA</option>' in page
    assert 'value="2.5"' in re.search(r'<input [^>]*name="years"[^>]*>', page).group(0)
    boxes = re.findall(r'<input [^>]*name="held"[^>]*>', page)
    checked = [re.search(r'value="([^"]+)"', box).group(1) for box in boxes if " checked" in box]
    assert len(boxes) == 6 and sorted(checked) == ["ccs", "rhit"]
    # One answer per question: the four answered, and "Choose one" for program, accreditor and stage.
    assert page.count(" selected>") == 7 and page.count('<option value="" selected>Choose one</option>') == 3


def test_a_wrong_answer_is_marked_and_its_message_read_with_the_question(client, content):
    page = client.get("/planner/?experience=coding&years=lots").content.decode()

    field = re.search(r"<input [^>]*name=\"years\"[^>]*>", page).group(0)
    assert 'aria-invalid="true"' in field and "is-invalid" in field
    assert 'aria-describedby="id_years_helptext id_years_error"' in field
    assert re.search(r'<div id="id_years_error" class="invalid-feedback">Enter a number.</div>', page)
    assert '<a href="#id_years">Years of that work</a>: Enter a number.' in page  # the summary links to it


def test_dont_know_is_offered_for_every_question_that_can_have_one(client, content):
    page = client.get("/planner/").content.decode()

    for name in ("education", "field", "program", "accredited", "stage", "experience"):
        select = re.search(rf'<select name="{name}".*?</select>', page, re.S).group()
        assert 'value="unknown"' in select, name


def test_answers_give_a_verdict_for_every_credential(client, content):
    response = client.get(f"/planner/?{CTR_B}")

    assert response.status_code == 200
    assert verdict(response, "ctr").startswith(
        "ODS: Oncology Data Specialist (formerly CTR: Certified Tumor Registrar) Eligible now through “Route B"
    )
    for slug in ("rhit", "rhia", "ccs", "ccs-p", "chps", "ctr"):
        assert f'id="verdict-{slug}"' in response.content.decode()


def test_each_verdict_names_its_rule_source_and_date(client, content):
    response = client.get(f"/planner/?{CTR_B}")

    assert "(NCRA: CTR exam: eligibility (old NCRA site), undated (before 2024))." in verdict(response, "ctr")
    assert "(AHIMA: Certified Coding Specialist (CCS) certification overview, undated (after 2020))." in verdict(
        response, "ccs"
    )
    assert "(AHIMA: CHPS certification exam, 2020)." in verdict(response, "chps")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("years=abc&experience=coding", "Enter a number."),
        ("years=-1&experience=coding", "greater than or equal to 0"),
        ("years=61&experience=coding", "less than or equal to 60"),
        ("years=NaN&experience=coding", "Enter a number."),
        ("practicum=12.5", "Enter a whole number."),
        ("practicum=100001", "less than or equal to 100000"),
        ("education=phd", "“phd” is not one of the education levels listed."),
        ("field=astrology", "“astrology” is not one of the fields listed."),
        ("stage=halfway", "“halfway” is not one of the answers listed."),
        ("experience=astronaut", "“astronaut” is not one of the kinds of work listed."),
        ("held=rhit&held=xyz", "“xyz” is not one of the credentials listed."),
        ("accredited=acme", "“acme” is not one of the accreditors listed."),
        ("course=basket-weaving", "“basket-weaving” is not one of the courses listed."),
        ("target=credential-nope", "“credential-nope” is not one of the credentials or occupations listed."),
        ("experience=none&years=2", "You chose “None yet” for work experience"),
    ],
)
def test_nonsense_input_gets_a_clear_error_not_a_500(client, content, query, message):
    response = client.get(f"/planner/?{query}")

    assert response.status_code == 200
    assert message in text(response)
    assert "Some answers need fixing" in text(response)
    assert "Your eligibility" not in text(response)


def test_the_share_link_carries_the_answers_and_round_trips(client, content):
    query = f"years=2.50&experience=coding&education=associate&field=health&held=rhit&target={TECHNICIAN}"
    response = client.get(f"/planner/?{query}")
    share_url = response.context["share_url"]

    again = client.get(urlsplit(share_url).path + "?" + urlsplit(share_url).query)

    assert urlsplit(share_url).query == (
        f"education=associate&field=health&experience=coding&years=2.5&held=rhit&target={TECHNICIAN}"
    )
    assert again.context["share_url"] == share_url
    assert [a.verdict for a, _ in again.context["verdicts"]] == [a.verdict for a, _ in response.context["verdicts"]]
    assert f'value="{escape(share_url)}"' in again.content.decode()


def test_nothing_is_stored(client, content):
    models = apps.get_models()
    before = {model: model.objects.count() for model in models}

    client.get(f"/planner/?{CTR_B}&target={TECHNICIAN}")
    client.get(f"/credentials/ctr/?{CTR_B}")

    assert {model: model.objects.count() for model in models} == before
    assert not client.cookies


# The three students of the issue --------------------------------------------------------------------------


def test_a_bachelors_in_another_field_is_not_told_rhia_eligible(client, content):
    response = client.get(f"/planner/?{BACHELORS_IN_ANOTHER_FIELD}")

    rhia = verdict(response, "rhia")
    assert "Eligible now" not in rhia
    assert "Not yet: the closest route, “Bachelor's degree in health information management”, still needs" in rhia
    assert "You told us yours is in a field outside health." in rhia


def test_a_finished_associate_graduate_is_eligible_for_rhit_and_not_sent_to_early_testing_for_rhia(client, content):
    response = client.get(f"/planner/?{ASSOCIATE_GRADUATE}")

    assert "Eligible now through “Accredited associate degree program”" in verdict(response, "rhit")
    rhia = verdict(response, "rhia")
    assert "Early testing" not in rhia and "Possibly" not in rhia
    assert rhia.startswith("RHIA: Registered Health Information Administrator Not yet")
    assert "You can take this route now: only the exam is left." in text(response)


def summary(response):
    """The answer in short, at the top of the page: what it says, as a reader reads it."""
    html = response.content.decode()
    start = html.index(">", html.index('aria-labelledby="summary-heading"')) + 1
    return words(html[start : html.index("</section>", start)])


def test_the_answer_comes_first_each_credential_under_its_verdict_and_the_first_route(client, content):
    response = client.get(f"/planner/?{ASSOCIATE_GRADUATE}")
    html = response.content.decode()

    assert summary(response) == (
        "Your answer in short Eligible now CCS, RHIT Not yet CHPS, ODS, RHIA Not in our sources CCS-P "
        "Routes to RHIT 1 route. The first, “RHIT through Accredited associate degree program”: "
        "you can take it now, only the exam is left."
    )
    assert html.index("Your answer in short") < html.index('id="verdict-ccs"') < html.index('id="plan-heading"')
    assert '<a href="#verdict-rhit">RHIT</a>' in html and '<a href="#plan-heading">1 route</a>' in html


def test_the_short_answer_says_when_a_routes_time_is_not_in_the_sources_or_the_target_is_held(client, content):
    unknown_time = summary(client.get(f"/planner/?{BACHELORS_IN_ANOTHER_FIELD}"))
    held = summary(client.get("/planner/?education=associate&held=rhit&target=credential-rhit"))
    unanswered = client.get("/planner/").content.decode()

    assert "Not yet CHPS, ODS, RHIA, RHIT" in unknown_time
    assert (
        "2 routes. The first, “RHIA through Bachelor's degree in health information management”: its time is not stated"
        in unknown_time
    )
    assert "You already hold RHIT" in held and "Routes to RHIT You already hold it." in held
    assert "Your answer in short" not in unanswered and "Tell us what you already have" in unanswered


def test_a_high_school_graduate_hears_what_ahima_expects_beyond_the_ccs_minimum(client, content):
    response = client.get(f"/planner/?{HIGH_SCHOOL_STUDENT}")

    ccs = verdict(response, "ccs")
    assert "Eligible now through “High school diploma”" in ccs
    assert "AHIMA also recommends, but does not require, one of these" in ccs
    assert "2 years of related coding experience" in ccs
    assert "From your answers, you have none of the ones we can check yet." in ccs
    plans = response.context["target"].plans
    assert plans[0].title == "Through the CCS credential" and plans[0].is_ready


def test_dont_know_answers_get_check_verdicts_never_eligible(client, content):
    response = client.get("/planner/?education=bachelor&field=unknown&program=unknown&experience=unknown&years=2")

    assert verdict(response, "rhia").startswith(
        "RHIA: Registered Health Information Administrator Check: whether your bachelor's degree is in health "
        "information"
    )
    assert "Check: whether your work counts as healthcare privacy" in verdict(response, "chps")
    assert "Eligible now" not in verdict(response, "rhia") + verdict(response, "chps")


# Totals a student can believe -----------------------------------------------------------------------------


def test_a_credential_target_lists_routes_with_time_fees_and_what_is_left_out(client, content):
    response = client.get(f"/planner/?education=high-school&program=none&experience=none&target={TECHNICIAN}")

    page = text(response)
    assert "Routes to Medical records and health information technician" in page
    assert "$335 for NCRA members or $435 for non-members (2024 fee)" in page
    assert "CCS exam fee: AHIMA's current fee is not in our sources" in page  # the 2010 fee is superseded
    assert "Not included Tuition, which varies by program and is not in our sources" in page
    assert "the RHIT exam fee: AHIMA's current fee is not in our sources" in page
    for wrong in ("$0", "$299", "$315", "$599", "$699", "2.08", "1 month"):
        assert wrong not in page
    assert '<svg viewBox="0 0 640' in response.content.decode()


def test_practicum_hours_are_not_turned_into_months(client, content):
    query = "education=associate&program=associate&accredited=ncra&stage=finished&practicum=0&target=credential-ctr"

    page = text(client.get(f"/planner/?{query}"))

    assert "160 hours of practicum" in page
    assert "1 month" not in page


def test_an_ncra_program_links_to_ncra_not_to_the_rhit_pathway(client, content):
    response = client.get("/planner/?education=high-school&program=none&practicum=0&target=credential-ctr")

    first = response.context["target"].plans
    a1 = next(plan for plan in first if plan.route and plan.route.position == 1)
    assert a1.stages[0].links == [("Programs accredited by NCRA", "/organizations/ncra/")]
    assert a1.stages[0].time_text == ""


# Links shared before today's questions --------------------------------------------------------------------


def upgraded(client, query):
    response = client.get(f"/planner/?{query}")
    assert response.status_code == 301
    return dict(parse_qsl(urlsplit(response["Location"]).query)), client.get(response["Location"])


def test_an_old_ctr_link_keeps_its_answers(client, content):
    answers, response = upgraded(client, "education=associate&course=anatomy-and-physiology&hours=1950")

    assert answers == {
        "education": "associate",
        "course": "anatomy-and-physiology",
        "experience": "cancer-registry",
        "years": "1",
        "practicum": "0",
    }
    assert "Eligible now through “Route B" in verdict(response, "ctr")


def test_old_hours_are_rounded_down_never_up(client, content):
    answers, response = upgraded(client, "education=associate&course=anatomy-and-physiology&hours=1949")

    assert answers["years"] == "0.9"
    assert "Eligible now" not in verdict(response, "ctr")


def test_an_old_link_that_never_asked_the_field_gets_a_check_not_eligible(client, content):
    answers, response = upgraded(client, "education=bachelor&years=2&target=credential-rhia")

    assert answers == {"education": "bachelor", "experience": "unknown", "years": "2", "practicum": "0",
                       "target": "credential-rhia"}  # fmt: skip
    assert "Check: whether your bachelor's degree is in health information" in verdict(response, "rhia")


def test_an_old_accredited_degree_link_becomes_a_finished_program_at_that_level(client, content):
    answers, response = upgraded(client, "education=associate&accredited=cahiim&program=degree&target=credential-rhit")

    assert (answers["program"], answers["accredited"], answers["stage"]) == ("associate", "cahiim", "finished")
    assert "Eligible now" in verdict(response, "rhit")
    assert "Early testing" not in verdict(response, "rhia")


def test_an_old_link_with_a_renamed_credential_follows_the_rename(client, content):
    rhia = Credential.objects.get(slug="rhia")
    rhia.slug = "registered-health-information-administrator"
    rhia.save()
    SlugRedirect.objects.record("credential", old_slug="rhia", new_slug=rhia.slug)

    answers, response = upgraded(client, "education=bachelor&field=health-information&held=rhia&target=credential-rhia")

    assert answers["target"] == "credential-registered-health-information-administrator"
    assert answers["held"] == "registered-health-information-administrator"
    assert response.status_code == 200
    assert "You already hold RHIA" in text(response)


def test_an_unknown_slug_is_still_an_error_not_a_redirect(client, content):
    response = client.get("/planner/?education=bachelor&target=credential-nope")

    assert response.status_code == 200
    assert "“credential-nope” is not one of the credentials or occupations listed." in text(response)


# The credential page's short check -----------------------------------------------------------------------


def test_the_credential_page_checks_eligibility_inline(client, content):
    response = client.get(f"/credentials/ctr/?{CTR_B}")

    page = text(response)
    assert response.status_code == 200
    assert "Check your eligibility for ODS" in page
    assert "Eligible now through “Route B: degree and cancer registry experience”" in page
    expected = (
        "/planner/?education=associate&program=none&experience=cancer-registry&years=1"
        "&course=anatomy-and-physiology&target=credential-ctr"
    )
    assert escape(expected) in response.content.decode()


def test_an_old_link_to_a_credential_page_still_checks(client, content):
    page = text(client.get("/credentials/ctr/?education=associate&course=anatomy-and-physiology&hours=1950"))

    assert "Eligible now through “Route B" in page


def test_the_credential_page_asks_only_what_its_routes_need(client, content):
    page = client.get("/credentials/ccs/").content.decode()

    assert 'name="education"' in page and 'name="experience"' in page  # experience: AHIMA's advice
    assert 'name="accredited"' not in page and 'name="practicum"' not in page


def test_the_credential_page_shows_errors_for_nonsense(client, content):
    response = client.get("/credentials/chps/?years=lots&experience=coding")

    assert response.status_code == 200
    assert "Enter a number." in text(response)


def test_the_check_is_prepared_by_the_view_not_by_a_template_tag(client, content):
    response = client.get("/credentials/rhia/?education=bachelor")

    (panel,) = response.context["panels"]
    assert panel.template_name == "planner/eligibility_check.html"
    assert panel.context["verdict"][0].verdict == "check"


def build(size):
    level = factories.EducationLevelFactory(slug="associate", rank=30)
    accreditor = factories.OrganizationFactory(slug="cahiim", abbreviation="CAHIIM", role="accreditor")
    previous = None
    for n in range(size):
        credential = factories.CredentialFactory(slug=f"c{n}", abbreviation=f"C{n}")
        for position in (1, 2):
            route = factories.EligibilityRouteFactory(credential=credential, position=position)
            factories.RequirementFactory(route=route, position=1, education_level=level)
            factories.RequirementFactory(route=route, position=2, kind="program", accreditor=accreditor)
            factories.RecommendationFactory(route=route, position=1)
            factories.FeeFactory(credential=credential)
        if previous:
            credential.leads_to.add(previous)
        previous = credential
        occupation = factories.OccupationFactory(slug=f"o{n}")
        occupation.preferred_credentials.add(credential)
        factories.EntryEducationFactory(occupation=occupation, education_level=level)
        pathway = factories.PathwayFactory(slug=f"p{n}", occupation=occupation)
        for position in (1, 2):
            factories.StepFactory(pathway=pathway, position=position, awards_education=level, duration_min_months=24)


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 30])
def test_query_counts_stay_flat_as_content_grows(client, size):
    build(size)
    answers = "education=associate&program=associate&accredited=cahiim&stage=finished"

    assert count(client, "/planner/") == 15
    assert count(client, f"/planner/?{answers}") == 15
    # Two more: the pathways and their steps (the credentials steps award, when any, are one more).
    assert count(client, f"/planner/?{answers}&target=credential-c1") == 17
    assert count(client, f"/planner/?{answers}&target=occupation-o1") == 17
    assert count(client, f"/credentials/c1/?{answers}") == count(client, "/credentials/c1/")
