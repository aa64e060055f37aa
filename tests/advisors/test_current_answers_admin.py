"""Advisors see which value pages use as the current answer, and change it with a stated reason."""

import pytest
from django.urls import reverse

from credentials.models import Credential, Fee
from guides.models import Figure, Occupation
from sources.models import Standing
from tests.advisors.conftest import form_data

pytestmark = pytest.mark.django_db


def test_figure_list_shows_which_value_pages_use_and_filters_by_standing(advisor_client, content):
    url = reverse("admin:guides_figure_changelist")

    html = advisor_client.get(url, {"measure": "median_pay", "occupation__id__exact": 1}).content.decode()

    assert "Shown as" in html
    assert html.count("<strong>current</strong>") == 2  # $44,090 a year and $21.20 an hour (May 2020)
    assert "not confirmed" in html and "older" in html
    assert advisor_client.get(url, {"standing__exact": "disputed"}).status_code == 200


def test_fee_list_shows_the_disputed_fee_with_its_label(advisor_client, content):
    html = advisor_client.get(reverse("admin:credentials_fee_changelist"), {"standing__exact": "disputed"})

    assert "150" in html.content.decode() and "disputed" in html.content.decode()


def test_credential_form_summarises_what_pages_show(advisor_client, content):
    rhit = Credential.objects.get(slug="rhit")

    html = advisor_client.get(reverse("admin:credentials_credential_change", args=[rhit.pk])).content.decode()

    assert "Pages show" in html
    assert "$218 for non-members" in html
    assert "No current value" in html  # the exam fee: only an undated article gives one


def test_occupation_form_summarises_what_pages_show(advisor_client, content):
    occupation = Occupation.objects.get(slug="medical-records-and-health-information-technician")

    html = advisor_client.get(reverse("admin:guides_occupation_change", args=[occupation.pk])).content.decode()

    assert "$44,090 per year" in html and "May 2020" in html


def test_overriding_without_a_reason_is_refused_and_explained(advisor_client, content):
    fee = Fee.objects.get(credential__slug="ctr", year=2019)
    url = reverse("admin:credentials_fee_change", args=[fee.pk])
    data = form_data(advisor_client.get(url))
    data["standing"] = Standing.CURRENT

    response = advisor_client.post(url, data)

    assert response.status_code == 200
    assert "Say why this value is the current one" in response.content.decode()
    fee.refresh_from_db()
    assert fee.standing == Standing.AUTO


def test_an_advisors_override_with_a_reason_changes_what_pages_show(advisor_client, content):
    figure = Figure.objects.get(
        occupation__slug="medical-records-and-health-information-technician", year=2018, unit="usd_year"
    )
    url = reverse("admin:guides_figure_change", args=[figure.pk])
    data = form_data(advisor_client.get(url))
    data.update(standing=Standing.CURRENT, standing_note="Checked against BLS for this occupation's older title.")

    assert advisor_client.post(url, data).status_code == 302

    occupation = Occupation.objects.with_facts().get(pk=figure.occupation_id)
    answer = occupation.answers()["median_pay"]
    assert answer.current.pk == figure.pk and answer.is_override
