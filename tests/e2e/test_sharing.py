"""Sharing in a real browser: a step's link copied from its share panel, and the print view as a PDF."""

import io
import unicodedata

from playwright.sync_api import expect
from pypdf import PdfReader

from guides.models import Pathway


def test_a_copied_step_link_opens_that_step_in_a_fresh_browser(site, page, browser, assert_accessible):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.url)
    pathway = Pathway.objects.published().first()
    page.goto(site.url + pathway.get_absolute_url())
    page.locator("#step-2 .step__permalink").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)

    panel = page.locator(".share-panel")
    address = panel.get_by_label("Link to this step").input_value()
    assert address == f"{site.url}/pathways/{pathway.slug}/steps/2/"
    panel.get_by_role("button", name="Copy link").click()
    expect(panel.get_by_role("status")).to_contain_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == address

    fresh = browser.new_context(viewport={"width": 1280, "height": 900})
    other = fresh.new_page()
    other.goto(address)
    step = pathway.steps.get(position=2)
    expect(other.get_by_role("heading", level=1)).to_have_text(step.title)
    expect(other.locator('[aria-current="step"]')).to_have_text(step.title)
    assert other.url == address
    assert_accessible(other)
    fresh.close()


def test_without_javascript_the_link_is_still_there_to_select(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "/pathways/rhit-in-four-steps/steps/1/")

    expect(page.get_by_label("Link to this step")).to_have_value(site.url + "/pathways/rhit-in-four-steps/steps/1/")
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
    context.close()


def test_print_view_prints_every_step_to_pdf(site, page):
    pathway = Pathway.objects.published().first()
    page.goto(site.url + f"/pathways/{pathway.slug}/print/")
    page.emulate_media(media="print")
    expect(page.locator(".print-qr svg")).to_be_visible()
    expect(page.locator(".site-nav")).to_be_hidden()

    pdf = page.pdf(format="A4", print_background=True)

    def normalise(value):
        # PDF text comes back with typographic ligatures (ﬁ) and line breaks where the page wrapped.
        return " ".join(unicodedata.normalize("NFKC", value).replace("’", "'").split())

    text = normalise(" ".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages))
    for step in pathway.steps.all():
        assert normalise(step.title) in text, step.title
    assert f"/pathways/{pathway.slug}/" in text.replace(" ", "")
    assert "as of" in text
