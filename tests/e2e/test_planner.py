"""A student answers the planner's plain questions, reads the verdicts, and an advisor opens the shared link."""

from playwright.sync_api import expect

TECHNICIAN = "Medical records and health information technician"


def test_student_checks_eligibility_and_shares_the_result(site, page, browser, assert_accessible):
    page.goto(site.url + "/planner/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan your route")
    assert_accessible(page)

    page.get_by_label("Highest education you have finished").select_option(label="Associate degree")
    page.get_by_label("What was it in?").select_option(label="Something else")
    page.get_by_label("Have you studied in a health information program?").select_option(label="No")
    page.get_by_label("What kind of work experience do you have?").select_option(label="Cancer registry work")
    page.get_by_label("Anatomy and physiology").check()
    page.get_by_label("Plan a route to").select_option(label=TECHNICIAN)
    years = page.get_by_label("Years of that work")
    years.fill("1")
    years.press("Enter")  # submits the GET form from the keyboard

    expect(page.locator("#verdict-ctr")).to_contain_text("Eligible now through “Route B")
    expect(page.locator("#verdict-ctr")).to_contain_text("NCRA: CTR exam: eligibility (old NCRA site), undated")
    expect(page.locator("#verdict-rhia")).to_contain_text("Not yet")
    expect(page.get_by_role("heading", name=f"Routes to {TECHNICIAN}")).to_be_visible()
    expect(page.get_by_role("img", name="Timeline of Through the RHIT credential")).to_be_visible()
    assert_accessible(page)

    shared = page.get_by_label("Copy this link").input_value()
    assert "experience=cancer-registry" in shared and "years=1" in shared and "field=other" in shared

    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    other = fresh.new_page()
    other.goto(shared)
    expect(other.locator("#verdict-ctr")).to_contain_text("Eligible now through “Route B")
    expect(other.locator("#verdict-rhia")).to_contain_text("Not yet")
    assert_accessible(other)
    fresh.close()


def test_not_sure_answers_lead_to_what_to_check(site, page, assert_accessible):
    page.goto(site.url + "/planner/")
    page.get_by_label("Highest education you have finished").select_option(label="Bachelor's degree")
    page.get_by_label("What was it in?").select_option(label="Not sure")
    page.get_by_role("button", name="Check my eligibility").click()

    expect(page.locator("#verdict-rhia")).to_contain_text(
        "Check: whether your bachelor's degree is in health information"
    )
    assert_accessible(page)


def test_an_old_shared_link_opens_with_todays_questions(site, page):
    page.goto(site.url + "/planner/?education=associate&course=anatomy-and-physiology&hours=1950")

    expect(page.locator("#verdict-ctr")).to_contain_text("Eligible now through “Route B")
    expect(page.get_by_label("What kind of work experience do you have?")).to_have_value("cancer-registry")
    assert "hours=" not in page.url


def test_nonsense_answers_are_explained_and_accessible(site, page, assert_accessible):
    page.goto(site.url + "/planner/?years=lots&experience=coding&education=phd")

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Some answers need fixing")
    expect(alert).to_contain_text("“phd” is not one of the education levels listed")
    alert.get_by_role("link", name="Years of that work").click()
    expect(page.get_by_label("Years of that work")).to_be_focused()
    assert_accessible(page)


def test_credential_page_checks_eligibility_inline(site, page, assert_accessible):
    page.goto(site.url + "/credentials/chps/")
    page.get_by_label("Highest education you have finished").select_option(label="Bachelor's degree")
    page.get_by_label("What kind of work experience do you have?").select_option(
        label="Healthcare privacy or security management"
    )
    page.get_by_label("Years of that work").fill("2")
    page.get_by_role("button", name="Check CHPS eligibility").click()

    expect(page.locator(".planner-check")).to_contain_text(
        "Eligible now through “Bachelor's degree and 2 years of experience”"
    )
    assert_accessible(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
