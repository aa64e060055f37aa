"""Two advisors edit the same thing: the later save from an outdated version is refused, saying what changed."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from credentials.models import Credential
from tests.advisors.conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_advisors(advisor, monkeypatch):
    monkeypatch.setenv("ADVISOR_PASSWORD", "another-Advisor-passphrase-43")
    call_command("create_advisor", "sam", "--no-input", verbosity=0)
    browsers = []
    for username in ("alex", "sam"):
        browser = Client()
        browser.force_login(get_user_model().objects.get(username=username))
        browsers.append(browser)
    return browsers


def open_form(browser, url):
    response = browser.get(url)
    return {**form_data(response), "_edit_version": response.context["edit_version"]}


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def test_a_save_from_an_outdated_pathway_is_refused_and_says_who_changed_what(two_advisors, full_pathway):
    alex, sam = two_advisors
    url = change_url(full_pathway)
    alex_form, sam_form = open_form(alex, url), open_form(sam, url)

    alex_form["summary"] = "Alex's better summary."
    assert alex.post(url, alex_form).status_code == 302
    sam_form["steps-0-position"], sam_form["steps-2-position"] = 3, 1
    response = sam.post(url, sam_form)

    page = response.content.decode()
    assert response.status_code == 200
    assert "was changed by another advisor at " in page
    assert "since you opened it" in page
    assert "alex at " in page and "summary" in page
    full_pathway.refresh_from_db()
    assert full_pathway.summary == "Alex's better summary."
    assert list(full_pathway.steps.order_by("position").values_list("position", "title"))[0][1] == (
        "Earn an associate degree"
    )


def test_a_step_change_by_someone_else_also_counts(two_advisors, full_pathway):
    alex, sam = two_advisors
    url = change_url(full_pathway)
    sam_form = open_form(sam, url)
    step = full_pathway.steps.get(position=2)
    alex_step_form = open_form(alex, change_url(step))
    alex_step_form["title"] = "Pass the exam, then celebrate"
    assert alex.post(change_url(step), alex_step_form).status_code == 302

    sam_form["summary"] = "Sam's summary."
    page = sam.post(url, sam_form).content.decode()

    assert "alex at " in page and "changed title of step" in page
    full_pathway.refresh_from_db()
    assert full_pathway.summary != "Sam's summary."


def test_a_save_from_the_current_version_goes_through(two_advisors, full_pathway):
    alex, _sam = two_advisors
    url = change_url(full_pathway)
    form = open_form(alex, url)
    form["summary"] = "First edit."
    assert alex.post(url, form).status_code == 302

    form = open_form(alex, url)
    form["summary"] = "Second edit."
    assert alex.post(url, form).status_code == 302

    full_pathway.refresh_from_db()
    assert full_pathway.summary == "Second edit."


def test_every_content_form_carries_its_version(advisor_client, full_pathway):
    for obj in [full_pathway, full_pathway.steps.first(), Credential.objects.get(slug="rhit"), full_pathway.source]:
        response = advisor_client.get(change_url(obj))
        assert 'name="_edit_version"' in response.content.decode(), obj._meta.label
