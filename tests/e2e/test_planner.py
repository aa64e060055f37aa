"""A student fills the planner by its labels, reads the verdicts, and an advisor opens the shared link."""

from playwright.sync_api import expect


def test_student_checks_eligibility_and_shares_the_result(site, page, browser, assert_accessible):
    page.goto(site.url + "/planner/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan your route")
    assert_accessible(page)

    page.get_by_label("Highest education you have completed").select_option(label="Associate's degree")
    page.get_by_label("Anatomy and physiology").check()
    hours = page.get_by_label("Hours of relevant work experience")
    hours.fill("1950")
    page.get_by_label("Plan a route to").select_option(label="ODS")
    hours.press("Enter")  # submits the GET form from the keyboard

    ctr = page.locator("#verdict-ctr")
    expect(ctr).to_contain_text("Eligible now through Route B")
    expect(page.locator("#verdict-rhit")).to_contain_text("still missing")
    expect(page.get_by_role("heading", name="Routes to ODS")).to_be_visible()
    expect(page.get_by_role("img", name="Timeline of ODS through Route A1: accredited degree program")).to_be_visible()
    assert_accessible(page)

    shared = page.get_by_label("Copy this link").input_value()
    assert "education=associate" in shared and "hours=1950" in shared and "target=credential-ctr" in shared

    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    other = fresh.new_page()
    other.goto(shared)
    expect(other.locator("#verdict-ctr")).to_contain_text("Eligible now through Route B")
    expect(other.locator("#verdict-rhit")).to_contain_text("still missing")
    assert_accessible(other)
    fresh.close()


def test_nonsense_answers_are_explained_and_accessible(site, page, assert_accessible):
    page.goto(site.url + "/planner/?years=lots&education=phd")

    expect(page.get_by_role("alert")).to_contain_text("Some answers need fixing")
    expect(page.get_by_role("alert")).to_contain_text("“phd” is not one of the education levels listed")
    assert_accessible(page)


def test_credential_page_checks_eligibility_inline(site, page, assert_accessible):
    page.goto(site.url + "/credentials/chps/")
    page.get_by_label("Highest education you have completed").select_option(label="Bachelor's degree")
    page.get_by_label("Years of relevant work experience").fill("2")
    page.get_by_role("button", name="Check CHPS eligibility").click()

    expect(page.locator(".planner-check")).to_contain_text("Eligible now through Bachelor's degree and 2 years")
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
