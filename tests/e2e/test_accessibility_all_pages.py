"""axe-core finds nothing on any public page, at a phone's and a desktop's width: every rule, every impact."""

import pytest

from tests.public_pages import public_paths


@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_no_violation_on_any_public_page(site, browser, axe, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme="light")
    page = context.new_page()
    page.set_default_timeout(20_000)
    found = []
    paths = public_paths()
    for path in paths:
        page.goto(site.url + path)
        results = axe.run(page, options={"resultTypes": ["violations"]})
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.append(f"{path}: {violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    context.close()
    assert len(paths) > 30
    assert not found, f"axe violations at {width}px:\n" + "\n".join(found)
