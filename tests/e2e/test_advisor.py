"""An advisor signs in, reorders and edits steps, publishes, and sees the change on the public page."""

from django.core.management import call_command
from playwright.sync_api import expect

from guides.models import Pathway

PASSWORD = "a-long-Advisor-passphrase-42"
FIVE_STEPS = "health-information-technician-in-five-steps"


def edit_as_advisor(site, page, monkeypatch, username, pathway):
    """Create the advisor and sign in on the login page that leads to the pathway's change form; its steps."""
    monkeypatch.setenv("ADVISOR_PASSWORD", PASSWORD)
    call_command("create_advisor", username, "--no-input", verbosity=0)
    page.goto(site.url + "/admin/login/?next=" + f"/admin/guides/pathway/{pathway.pk}/change/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    return page.locator("#steps-group .inline-related:not(.empty-form)")


def test_advisor_reorders_edits_and_publishes_a_pathway(site, page, browser, monkeypatch):
    monkeypatch.setenv("ADVISOR_PASSWORD", PASSWORD)
    call_command("create_advisor", "robin", "--no-input", verbosity=0)
    pathway = Pathway.objects.get(slug="health-information-tech-three-steps")
    pathway.status = "draft"
    pathway.save()
    first, second = list(pathway.steps.order_by("position").values_list("title", flat=True))[:2]

    visitor = browser.new_context()
    assert visitor.new_page().goto(site.url + pathway.get_absolute_url()).status == 404

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site.url + "/admin/")
    page.get_by_label("Username").fill("robin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Due for review")).to_be_visible()

    page.goto(site.url + f"/admin/guides/pathway/{pathway.pk}/change/")
    steps = page.locator("#steps-group .inline-related:not(.empty-form)")
    # Keyboard reorder: focus the second step's "Move up" button and press Enter.
    steps.nth(1).get_by_role("button", name="Move up").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".reorder-status")).to_contain_text("is now step 1 of")
    expect(steps.nth(0).locator('input[name$="-title"]')).to_have_value(second)
    expect(steps.nth(0).locator('input[name$="-position"]')).to_have_value("1")
    expect(steps.nth(1).locator('input[name$="-position"]')).to_have_value("2")

    steps.nth(1).locator('input[name$="-title"]').fill(f"{first} (checked by an advisor)")
    page.get_by_label("Status").select_option("published")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    public = visitor.new_page()
    public.goto(site.url + pathway.get_absolute_url())
    titles = public.locator("ol.steps .step__title")
    expect(titles.nth(0)).to_contain_text(second)
    expect(titles.nth(1)).to_contain_text(f"{first} (checked by an advisor)")
    pathway.refresh_from_db()
    assert pathway.last_reviewed is not None and pathway.next_review_due > pathway.last_reviewed
    visitor.close()


def test_advisor_drags_a_step_to_reorder(site, page, monkeypatch):
    pathway = Pathway.objects.get(slug=FIVE_STEPS)
    titles = list(pathway.steps.order_by("position").values_list("title", flat=True))
    page.set_viewport_size({"width": 1280, "height": 900})
    steps = edit_as_advisor(site, page, monkeypatch, "kim", pathway)

    handle = steps.nth(0).locator(".reorder-handle")
    handle.scroll_into_view_if_needed()
    start = handle.bounding_box()
    page.mouse.move(start["x"] + 5, start["y"] + 5)
    page.mouse.down()
    page.mouse.move(start["x"] + 5, start["y"] + 25, steps=5)
    # Down to the bottom of the window, where the page scrolls, until the third step's end is in view.
    for _ in range(80):
        box = steps.nth(2).bounding_box()
        if box["y"] + box["height"] < 880:
            break
        page.mouse.move(start["x"] + 5, 895, steps=2)
    target = steps.nth(2).bounding_box()
    page.mouse.move(target["x"] + 40, target["y"] + target["height"] - 10, steps=10)
    page.mouse.up()
    expect(page.locator(".reorder-status")).to_contain_text(f"“{titles[0]}” is now step 3 of")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    new_order = list(pathway.steps.order_by("position").values_list("title", flat=True))
    assert new_order == [titles[1], titles[2], titles[0], *titles[3:]]


def test_advisor_drags_a_step_upward_and_the_list_stays_put(site, page, monkeypatch):
    pathway = Pathway.objects.get(slug=FIVE_STEPS)
    titles = list(pathway.steps.order_by("position").values_list("title", flat=True))
    page.set_viewport_size({"width": 1280, "height": 900})
    steps = edit_as_advisor(site, page, monkeypatch, "lee", pathway)

    handle = steps.nth(2).locator(".reorder-handle")
    handle.scroll_into_view_if_needed()
    start = handle.bounding_box()
    page.mouse.move(start["x"] + 5, start["y"] + 5)
    page.mouse.down()
    page.mouse.move(start["x"] + 5, start["y"] - 20, steps=5)
    # The list keeps its layout: the step being dragged stays under the pointer, its fields visible.
    expect(steps.nth(2).locator('input[name$="-title"]')).to_be_visible()
    assert abs(handle.bounding_box()["y"] - start["y"]) < 40
    # Up to the top of the window, where the page scrolls, until the first step's title bar is in view.
    for _ in range(60):
        box = steps.nth(0).locator("h3").bounding_box()
        if box["y"] > 10:
            break
        page.mouse.move(start["x"] + 5, 5, steps=2)
    target = steps.nth(0).locator("h3").bounding_box()
    page.mouse.move(target["x"] + 40, target["y"] + 2, steps=10)
    page.mouse.up()

    expect(page.locator(".reorder-status")).to_contain_text(f"“{titles[2]}” is now step 1 of")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert list(pathway.steps.order_by("position").values_list("title", flat=True))[0] == titles[2]


def test_move_buttons_are_at_least_24_by_24_pixels(site, page, monkeypatch):
    edit_as_advisor(site, page, monkeypatch, "max", Pathway.objects.get(slug=FIVE_STEPS))

    controls = page.locator("#steps-group .reorder-controls").first
    for target in [controls.get_by_role("button", name="Move up"), controls.get_by_role("button", name="Move down")]:
        box = target.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
    handle = controls.locator(".reorder-handle").bounding_box()
    assert handle["width"] >= 24 and handle["height"] >= 24, handle
