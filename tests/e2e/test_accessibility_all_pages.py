"""axe-core finds nothing on any public page: every rule, every impact.

Every public page is checked at a desktop's width, and one page of each kind (each address pattern, with and
without a query) at a phone's: the phone layout is the same template and stylesheet for every page of a kind,
and axe over every page at both widths would be a quarter of the suite's time.
"""

import pytest
from django.urls import Resolver404, resolve

from tests.public_pages import public_paths


def one_of_each_kind(paths):
    kinds = {}
    for path in paths:
        address, _, query = path.partition("?")
        try:
            kind = (resolve(address).view_name, bool(query))
        except Resolver404:
            kind = ("not found", False)
        kinds.setdefault(kind, path)
    return list(kinds.values())


# The pages most students open first stand for their kind.
FIRST = [
    "/occupations/medical-records-and-health-information-technician/",
    "/credentials/rhit/",
    "/pathways/rhit-in-four-steps/",
]


def phone_paths():
    return one_of_each_kind([*FIRST, *public_paths()])


def test_a_phone_check_covers_every_kind_of_page(content):
    sampled = phone_paths()
    assert len(sampled) >= 15
    assert {"/", "/compare/credentials/", "/search/", "/planner/", "/this-page-does-not-exist/", *FIRST} <= set(sampled)
    for part in ("/compare/credentials/?", "/search/?", "/planner/?", "/steps/", "/print/", "/organizations/"):
        assert any(part in path for path in sampled), part


# Desktop pages in two halves, so that parallel workers share them.
@pytest.mark.parametrize(("width", "half"), [(390, None), (1280, 0), (1280, 1)])
def test_axe_finds_no_violation_on_any_public_page(site, browser, axe, width, half):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme="light")
    page = context.new_page()
    page.set_default_timeout(20_000)
    found = []
    paths = public_paths()[half::2] if width >= 1024 else phone_paths()
    for path in paths:
        page.goto(site.url + path)
        results = axe.run(page, options={"resultTypes": ["violations"]})
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.append(f"{path}: {violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
    context.close()
    assert len(paths) > 15
    assert not found, f"axe violations at {width}px:\n" + "\n".join(found)
