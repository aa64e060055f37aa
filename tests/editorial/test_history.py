"""History: reverting works for a step, even to a number another step holds now."""

import pytest
from django.db.models import F
from django.urls import reverse

from guides.models import Step
from tests.advisors.conftest import form_data

pytestmark = pytest.mark.django_db


def test_reverting_a_step_to_its_old_number_swaps_with_the_step_there_now(advisor_client, full_pathway):
    first = full_pathway.steps.get(position=1)
    earliest = first.history.earliest()
    last = full_pathway.steps.get(position=3)
    # An advisor swapped the first and last steps.
    Step.objects.filter(pk__in=[first.pk, last.pk]).update(position=F("position") + 10)
    for step, position in ((first, 3), (last, 1)):
        step.refresh_from_db()
        step.position = position
        step.save()

    revert_url = reverse("admin:guides_step_simple_history", args=[first.pk, earliest.history_id])
    response = advisor_client.post(revert_url, form_data(advisor_client.get(revert_url)))

    assert response.status_code == 302, response.content.decode()[:3000]
    order = list(full_pathway.steps.order_by("position").values_list("title", flat=True))
    assert order == ["Earn an associate degree", "Pass the RHIT exam", "Find a job"]
    assert Step.history.filter(id=last.pk).first().history_change_reason.startswith("Moved to make room")


def test_a_step_cannot_be_numbered_zero(advisor_client, full_pathway):
    step = full_pathway.steps.get(position=2)
    url = reverse("admin:guides_step_change", args=[step.pk])
    data = form_data(advisor_client.get(url))
    data["position"] = 0

    response = advisor_client.post(url, data)

    assert "Numbers start at 1." in response.content.decode()


def test_a_pathways_history_shows_what_changed_in_its_steps(advisor_client, full_pathway, advisor):
    step = full_pathway.steps.get(position=2)
    step.title, step._history_user = "Pass the RHIT exam (2025 format)", advisor
    step.save()

    page = advisor_client.get(reverse("admin:guides_pathway_history", args=[full_pathway.pk])).content.decode()

    assert "Changes to what it holds" in page
    assert "changed title of step “2. Pass the RHIT exam (2025 format)”" in page
    assert advisor.username in page


def test_reverting_a_pathway_puts_its_steps_back_as_they_were(advisor_client, full_pathway):
    full_pathway.save()  # the version to go back to: the pathway with its three steps
    version = full_pathway.history.first()
    before = list(full_pathway.steps.order_by("position").values_list("pk", "position", "title", "key"))
    edited = full_pathway.steps.get(position=1)
    edited.title = "Edited later"
    edited.save()
    removed = full_pathway.steps.get(position=3)
    removed.delete()
    Step.objects.create(pathway=full_pathway, position=3, title="Added later", body="x", source=full_pathway.source)
    full_pathway.summary = "Edited summary"
    full_pathway.save()

    revert_url = reverse("admin:guides_pathway_simple_history", args=[full_pathway.pk, version.history_id])
    response = advisor_client.post(revert_url, form_data(advisor_client.get(revert_url)))

    assert response.status_code == 302
    assert list(full_pathway.steps.order_by("position").values_list("pk", "position", "title", "key")) == before
    full_pathway.refresh_from_db()
    assert full_pathway.summary != "Edited summary"
