"""The home page gives a new student a start; the pathways page says which pathway to follow."""

import pytest

pytestmark = pytest.mark.django_db


def main_text(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_home_leads_with_the_entry_route_its_time_cost_and_current_pay(client, content):
    html = main_text(client.get("/"))

    start = html[html.index('class="start-here"') : html.index('class="planner-invite"')]
    assert "Become a registered health information technician (RHIT) in four steps" in start
    assert "2 years" in start and "$450" in start
    assert "not counting steps 1, 3, whose cost the source does not state" in start
    assert "$44,090</strong> a year" in start and "2020, U.S. Bureau of Labor Statistics" in start


def test_home_then_invites_the_unsure_to_the_planner_before_the_rest(client, content):
    html = main_text(client.get("/"))

    assert html.index("start-here") < html.index("Not sure which route fits you?") < html.index("pathways-heading")
    assert 'href="/planner/"' in html


def test_home_orders_credentials_and_jobs_from_entry_level_up_each_with_one_key_figure(client, content):
    response = client.get("/")
    credentials = [credential.abbreviation for credential, _fee in response.context["credentials"]]
    jobs = [occupation.title for occupation, _pay in response.context["occupations"]]

    assert credentials[0] == "RHIT" and credentials[-1] == "RHIA"
    assert jobs.index("Medical records and health information technician") < jobs.index(
        "Medical and health services manager"
    )
    html = main_text(response)
    for heading in ("credentials-heading", "occupations-heading", "pathways-heading"):
        section = html[html.index(f'id="{heading}"') :].split("</section>", 1)[0]
        assert section.count('class="card"') == section.count('class="card__figure"') > 0
    assert "$435" in html and "in 2024" in html  # CTR/ODS exam fee, the issuer's 2024 page


def test_home_has_one_search_box_the_headers(client, content):
    html = client.get("/").content.decode()

    assert html.count('type="search"') == 1
    assert html.count('role="search"') == 1


def test_pathways_page_says_how_they_relate_and_which_to_follow(client, content):
    html = main_text(client.get("/pathways/"))

    assert "All 3 pathways lead to the same job, medical records and health information technician." in html
    assert html.index("Become a registered health information technician (RHIT) in four steps") < html.index(
        "Become a health information technician in five steps"
    )
    assert "Follow this one if you know you want the credential" in html
    assert "Follow this one if you are still in high school" in html
    assert html.count("Follow this one") + html.count("Read this one") == 3


def test_credential_cards_say_who_it_is_for_eligibility_the_current_fee_and_where_it_leads(client, content):
    html = main_text(client.get("/credentials/"))

    card = html[html.index('href="/credentials/ctr/"') :].split("</li>", 1)[0]
    assert "Who it’s for" in card and "cancer registry data" in card
    assert "At least: Associate&#x27;s degree" in card and "3 routes" in card
    assert "<strong>$435</strong>" in card and "in 2024" in card
    assert 'href="/occupations/medical-records-and-health-information-technician/"' in card
    rhit = html[html.index('href="/credentials/rhit/"') :].split("</li>", 1)[0]
    assert "current fee not confirmed by the issuer" in rhit  # the $300 is a career article's, not AHIMA's
    assert 'href="/credentials/rhia/"' in rhit
