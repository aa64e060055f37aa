"""On a phone, the first thing a student reads is the answer: the job's pay with its year, or their verdicts."""

import re

from playwright.sync_api import expect

from guides.models import Occupation

MAIN = "/occupations/medical-records-and-health-information-technician/"
PHONE_HEIGHT = 844


def test_current_median_pay_with_its_year_is_what_a_student_sees_first(site, page, assert_accessible):
    answer = Occupation.objects.with_facts().get(slug=MAIN.split("/")[2]).answers()["median_pay"]
    page.goto(site.url + MAIN)

    facts = page.get_by_role("complementary", name="Quick facts")
    pay = facts.locator("dd").first
    expect(pay).to_contain_text(answer.text)  # "$44,090 per year"
    expect(pay).to_contain_text(answer.as_of)  # "May 2020"
    expect(pay).to_contain_text(answer.age_in_words)  # "6 years old", counted from today
    top = pay.bounding_box()["y"] + page.evaluate("window.scrollY")
    assert top + pay.bounding_box()["height"] <= 1.5 * PHONE_HEIGHT, f"pay ends at y={top}"

    # No other median pay figure comes before it, and the older ones are one click away.
    body = page.locator("main").inner_text()
    first_figure = min(body.find(value) for value in ("$44,090", "$37,110", "$30,610", "$40,350") if value in body)
    assert body.find("$44,090") == first_figure
    versions = page.locator("details.versions", has_text="Every pay figure and its source")
    oldest = versions.get_by_role("cell", name="$30,610")
    expect(oldest).to_be_hidden()
    versions.locator("summary").click()
    expect(oldest).to_be_visible()
    assert_accessible(page)


def test_the_main_occupation_page_stays_short_and_keyboard_friendly_on_a_phone(site, page):
    page.goto(site.url + MAIN)

    assert page.evaluate("document.documentElement.scrollHeight") <= 10_000
    assert len(tab_stops(page)) <= 80


def tab_stops(page, cap=300):
    """The distinct elements that pressing Tab visits, from the top until focus leaves or comes round again."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    seen = []
    for _ in range(cap):
        page.keyboard.press("Tab")
        key = page.evaluate(
            """() => { const el = document.activeElement;
                       if (!el || el === document.body) return null;
                       if (!el.dataset.stop) el.dataset.stop = String(Math.random());
                       return el.dataset.stop; }"""
        )
        if key is None or key in seen:
            break
        seen.append(key)
    return seen


def test_a_citation_marker_opens_what_the_sources_said(site, page):
    page.goto(site.url + MAIN)

    marker = page.locator("#what-they-do .points sup.cite a").first
    marker.click()
    target = page.locator(marker.get_attribute("href"))
    expect(target).to_be_visible()  # its disclosure opened by itself
    expect(target.locator("q").first).to_be_visible()


def test_a_students_planner_answer_is_on_a_phones_first_screen(site, page, assert_accessible):
    page.goto(
        site.url + "/planner/?education=high-school&program=none&experience=none"
        "&target=occupation-medical-records-and-health-information-technician"
    )

    short = page.get_by_role("region", name="Your answer in short")
    expect(short).to_contain_text(re.compile(r"Eligible now\s*CCS\s*Not yet\s*CHPS, ODS, RHIA, RHIT"))
    expect(short).to_contain_text("6 routes. The first, “Through the CCS credential”: you can take it now")
    box = short.bounding_box()
    assert box["y"] + box["height"] <= PHONE_HEIGHT, f"the answer ends at y={box['y'] + box['height']}"

    short.get_by_role("link", name="RHIT").click()  # each credential opens its own verdict, with its rule
    expect(page.locator("#verdict-rhit")).to_be_in_viewport()
    expect(page.locator("#verdict-rhit")).to_contain_text("Not yet")
    assert_accessible(page)
