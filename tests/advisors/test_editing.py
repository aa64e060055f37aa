"""What an advisor does in the admin: edit, reorder, publish, revert, restore, export and import."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from editorial import content_io, recovery
from guides.models import Pathway, Step
from tests import factories
from tests.advisors.conftest import form_data

pytestmark = pytest.mark.django_db


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def test_reordering_steps_by_swapping_positions_saves(advisor_client, full_pathway):
    url = change_url(full_pathway)
    data = form_data(advisor_client.get(url))
    data["steps-0-position"], data["steps-2-position"] = 3, 1

    response = advisor_client.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    titles = list(full_pathway.steps.order_by("position").values_list("title", flat=True))
    assert titles == ["Find a job", "Pass the RHIT exam", "Earn an associate degree"]


def test_duplicate_step_positions_are_refused_with_a_message(advisor_client, full_pathway):
    url = change_url(full_pathway)
    data = form_data(advisor_client.get(url))
    data["steps-1-position"] = 1

    response = advisor_client.post(url, data)

    assert response.status_code == 200
    assert "Two steps have the same number." in response.content.decode()


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("cost_min", "900", "The lowest cost can&#x27;t be higher than the highest cost."),
        ("cost_max", "-5", "This can&#x27;t be negative."),
        ("duration_min_months", "30", "The shortest time can&#x27;t be longer than the longest time."),
    ],
)
def test_impossible_step_input_is_explained(advisor_client, full_pathway, field, value, message):
    url = change_url(full_pathway)
    data = form_data(advisor_client.get(url))
    data.update({"steps-0-cost_min": "100", "steps-0-cost_max": "200"})
    data.update({"steps-0-duration_min_months": "12", "steps-0-duration_max_months": "24"})
    data[f"steps-0-{field}"] = value

    response = advisor_client.post(url, data)

    assert response.status_code == 200
    assert message in response.content.decode()


def test_percentiles_out_of_order_are_explained(advisor_client, full_pathway):
    figure = full_pathway.occupation.figures.get()
    url = change_url(figure)
    data = form_data(advisor_client.get(url))
    data.update({"pay_p10": "50000", "pay_p25": "20000"})

    response = advisor_client.post(url, data)

    assert "Percentiles must be in order" in response.content.decode()


def test_a_figure_needs_a_source_and_an_as_of_date(advisor_client, full_pathway):
    figure = full_pathway.occupation.figures.get()
    url = change_url(figure)
    data = form_data(advisor_client.get(url))
    data.pop("source")
    data["as_of"] = ""

    response = advisor_client.post(url, data)

    errors = response.context["adminform"].form.errors
    assert "source" in errors and "as_of" in errors


def test_a_negative_fee_is_refused(advisor_client, full_pathway):
    fee = factories.FeeFactory()
    data = form_data(advisor_client.get(change_url(fee)))
    data["member_amount"] = "-1"

    response = advisor_client.post(change_url(fee), data)

    assert "This can&#x27;t be negative." in response.content.decode()


def test_publishing_records_the_review_and_the_next_one(advisor_client, full_pathway):
    full_pathway.status = "draft"
    full_pathway.save()

    advisor_client.post(
        reverse("admin:guides_pathway_changelist"),
        {"action": "publish", "_selected_action": [full_pathway.pk]},
    )

    full_pathway.refresh_from_db()
    today = timezone.localdate()
    assert full_pathway.status == "published"
    assert full_pathway.last_reviewed == today
    assert full_pathway.next_review_due == today + datetime.timedelta(days=365)


def test_drafts_are_hidden_from_visitors_but_previewable_by_advisors(advisor_client, full_pathway):
    full_pathway.status = "review"
    full_pathway.save()

    assert Client().get(full_pathway.get_absolute_url()).status_code == 404
    assert advisor_client.get(full_pathway.get_absolute_url()).status_code == 200


def test_the_admin_front_page_lists_content_due_or_overdue_for_review(advisor_client, full_pathway):
    full_pathway.next_review_due = timezone.localdate() - datetime.timedelta(days=3)
    full_pathway.save()

    html = advisor_client.get(reverse("admin:index")).content.decode()

    assert "Due for review" in html
    assert "Overdue since" in html and full_pathway.title in html


def test_every_change_is_recorded_with_who_and_what(advisor_client, advisor, full_pathway):
    url = change_url(full_pathway)
    data = form_data(advisor_client.get(url))
    data["steps-0-title"] = "Earn an accredited associate degree"
    advisor_client.post(url, data)

    step = full_pathway.steps.get(position=1)
    latest = step.history.first()
    assert latest.history_user == advisor
    assert latest.diff_against(step.history.all()[1]).changed_fields == ["title"]
    response = advisor_client.get(reverse("admin:guides_step_history", args=[step.pk]))
    assertContains(response, "1. Earn an accredited associate degree")
    assertContains(response, advisor.username)


def test_revert_restores_the_earlier_text(advisor_client, full_pathway):
    step = full_pathway.steps.get(position=2)
    original = step.body
    step.body = "Edited by mistake."
    step.save()
    earlier = step.history.earliest()

    revert_url = reverse("admin:guides_step_simple_history", args=[step.pk, earlier.history_id])
    data = form_data(advisor_client.get(revert_url))
    response = advisor_client.post(revert_url, data)

    assert response.status_code == 302
    step.refresh_from_db()
    assert step.body == original


def test_a_deleted_pathway_comes_back_with_its_steps(advisor_client, full_pathway):
    pk, titles = full_pathway.pk, list(full_pathway.steps.values_list("title", flat=True))
    advisor_client.post(reverse("admin:guides_pathway_delete", args=[pk]), {"post": "yes"})
    assert not Pathway.objects.filter(pk=pk).exists()

    html = advisor_client.get(reverse("editorial:deleted-content")).content.decode()
    assert "Become an RHIT" in html
    record = recovery.deleted_records()[0]
    advisor_client.post(reverse("editorial:restore-deleted", args=[record.pk]))

    restored = Pathway.objects.get(pk=pk)
    assert sorted(restored.steps.values_list("title", flat=True)) == sorted(titles)


def test_delete_confirmation_says_what_goes_with_it(advisor_client, full_pathway):
    html = advisor_client.get(reverse("admin:guides_pathway_delete", args=[full_pathway.pk])).content.decode()

    assert "Pass the RHIT exam" in html


def test_export_then_import_round_trips_a_pathway(full_pathway):
    exported = content_io.export_objects([full_pathway])
    step = full_pathway.steps.get(position=1)
    step.title = "Changed after the export"
    step.save()
    full_pathway.steps.filter(position=3).delete()
    factories.StepFactory(pathway=full_pathway, position=3, title="Added after the export")
    Step.objects.filter(pathway=full_pathway, position=2).update(position=9)

    content_io.import_content(exported)

    assert content_io.export_objects([Pathway.objects.get(pk=full_pathway.pk)]) == exported


def test_export_then_import_round_trips_all_content(content):
    exported = content_io.export_content()
    Pathway.objects.all().delete()

    content_io.import_content(exported)

    assert content_io.export_content() == exported


def test_admin_export_and_import(importer_client, full_pathway):
    response = importer_client.post(
        reverse("admin:guides_pathway_changelist"),
        {"action": "export_selected", "_selected_action": [full_pathway.pk]},
    )
    assert response["Content-Disposition"].startswith('attachment; filename="rhit-route-')
    exported = response.content
    Step.objects.filter(pathway=full_pathway, position=1).update(title="Changed")

    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("rhit.json", exported, content_type="application/json")
    preview = importer_client.post(reverse("editorial:import-content"), {"file": upload})
    assert "Changed</del> → <ins>Earn an associate degree" in preview.content.decode()
    assert full_pathway.steps.get(position=1).title == "Changed"  # nothing changes before confirming
    response = importer_client.post(
        reverse("editorial:import-content"),
        {"confirm": "1", "import": preview.context["pending"].pk, "fingerprint": preview.context["plan"].fingerprint},
    )

    assert response.status_code == 302
    assert full_pathway.steps.get(position=1).title == "Earn an associate degree"


def test_a_broken_import_file_changes_nothing_and_says_why(importer_client, full_pathway):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("bad.json", b'[{"model": "guides.pathway", "fields": {"title": 5}}', "application/json")
    response = importer_client.post(reverse("editorial:import-content"), {"file": upload})

    assert response.status_code == 200
    assert "Nothing was imported" in response.content.decode() or "not a careerpath export" in response.content.decode()
    assert Pathway.objects.count() == 1
