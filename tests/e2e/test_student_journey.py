"""A student on a phone: home, a pathway, a step's link, a credential, a comparison, then sharing it."""

import re

from playwright.sync_api import expect


def test_student_walks_from_home_to_a_shared_comparison(site, page, browser, assert_accessible):
    page.goto(site.url + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)

    # A pathway, opened from the home page.
    page.locator("#pathways-heading + .card-grid a").first.click()
    expect(page.locator("ol.steps > li.step").first).to_be_visible()
    step_count = page.locator("ol.steps > li.step").count()
    assert step_count >= 3
    assert_accessible(page)

    # The second step's link lands on that step.
    page.locator("#step-2 .step__link").click()
    assert page.url.endswith("#step-2")
    expect(page.locator("#step-2")).to_be_in_viewport()

    # A credential from the credentials list.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Credentials").click()
    page.get_by_role("link", name="RHIT", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("RHIT")
    expect(page.get_by_role("heading", name="Who can sit the exam")).to_be_visible()
    assert_accessible(page)

    # Compare three credentials with the picker (keyboard-operable checkboxes, a GET form).
    page.goto(site.url + "/compare/credentials/")
    for label in ("RHIT", "RHIA", "ODS"):
        page.get_by_label(re.compile(rf"^\s*{label} —")).check()
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("table.compare thead th")).to_have_count(3)
    assert_accessible(page)
    shared_url = page.url
    assert "c=ctr" in shared_url and "c=rhia" in shared_url and "c=rhit" in shared_url

    # Someone else opens the shared address in a fresh browser.
    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    other = fresh.new_page()
    other.goto(shared_url)
    headers = other.locator("table.compare thead th")
    expect(headers).to_have_count(3)
    expect(headers.nth(0)).to_contain_text("ODS")
    expect(headers.nth(2)).to_contain_text("RHIT")
    assert_accessible(other)
    fresh.close()


def test_nothing_scrolls_sideways_on_a_small_phone(site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in ["/", "/pathways/", "/credentials/rhit/", "/occupations/", "/compare/credentials/?c=rhit&c=rhia&c=ctr"]:
        page.goto(site.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"
    context.close()


def test_comparison_row_headings_stay_in_view_while_scrolling(site, browser):
    # On a tablet four credentials need more than the screen's width (on a phone each is a card instead).
    page = browser.new_context(viewport={"width": 800, "height": 900}).new_page()
    page.goto(site.url + "/compare/credentials/?c=rhit&c=rhia&c=ctr&c=chps")
    row_heading = page.locator("table.compare tbody th").first
    before = row_heading.bounding_box()["x"]
    scroller = page.locator(".table-scroll")
    scroller.evaluate("box => box.scrollBy(600, 0)")
    assert scroller.evaluate("box => box.scrollLeft") > 0
    assert abs(row_heading.bounding_box()["x"] - before) < 2
