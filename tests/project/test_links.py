"""Remembered addresses are the addresses Django gives, under whatever prefix the site is served."""

from django.urls import clear_script_prefix, set_script_prefix
from django.urls import reverse as django_reverse

from careerpath.links import reverse


def test_a_remembered_address_is_djangos_address():
    for name, args in [("credentials:credential-detail", ["rhit"]), ("guides:home", []), ("sources:source-list", [])]:
        assert reverse(name, args=args) == django_reverse(name, args=args)
    assert reverse("credentials:credential-detail", args=["rhia"]) == "/credentials/rhia/"


def test_an_address_follows_the_script_prefix_the_site_is_served_under():
    reverse("guides:pathway-detail", args=["rhit-in-four-steps"])  # remembered without a prefix
    set_script_prefix("/guide/")
    try:
        assert reverse("guides:pathway-detail", args=["rhit-in-four-steps"]) == "/guide/pathways/rhit-in-four-steps/"
    finally:
        clear_script_prefix()
    assert reverse("guides:pathway-detail", args=["rhit-in-four-steps"]) == "/pathways/rhit-in-four-steps/"
