import pytest
from django.urls import reverse

from guides.models import Pathway
from tests import factories

pytestmark = pytest.mark.django_db


def test_pathway_steps_render_in_position_order_with_anchors(client, pathway):
    factories.StepFactory(pathway=pathway, position=3, title="Recertify every two years")

    response = client.get(pathway.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    positions = [html.index(title) for title in ("Earn an associate degree", "Pass the RHIT exam", "Recertify every")]
    assert positions == sorted(positions)
    for n in (1, 2, 3):
        assert f'id="step-{n}"' in html
        assert f'href="#step-{n}"' in html
    assert "Link to this step" in html
    assert '<ol class="steps">' in html


def test_step_shows_time_and_cost_with_its_citation(client, pathway):
    step = pathway.steps.get(position=1)
    step.duration_min_months = step.duration_max_months = 24
    step.duration_quote = "Most programs take two years to finish."
    step.cost_min, step.cost_max = 300, 450
    step.save()

    html = client.get(pathway.get_absolute_url()).content.decode()

    assert "2 years" in html
    assert "$300 to $450" in html
    assert "Most programs take two years to finish." in html


def test_summary_box_says_not_stated_instead_of_zero(client, pathway):
    html = client.get(pathway.get_absolute_url()).content.decode()

    assert "Typical total cost" in html
    assert "not stated in the sources" in html
    assert "$0" not in html


def test_summary_totals_add_up_stated_steps_and_name_the_rest(client, pathway):
    first, second = pathway.steps.all()
    first.cost_min, first.cost_max = 1000, 2000
    first.save()
    second.cost_min = second.cost_max = 300
    second.awards_credential = factories.CredentialFactory(abbreviation="RHIT")
    second.save()
    factories.StepFactory(pathway=pathway, position=3, title="Find a job")

    response = client.get(pathway.get_absolute_url())

    html = response.content.decode()
    assert "$1,300 to $2,300</strong>: step 1 (Earn an associate degree); step 2 (Pass the RHIT exam)" in html
    assert "RHIT" in html


def test_unknown_pathway_is_a_404_page_with_a_way_onward(client):
    response = client.get("/pathways/no-such-pathway/")

    assert response.status_code == 404
    assert "can’t find that page" in response.content.decode()
    assert reverse("guides:pathway-list") in response.content.decode()


def test_draft_pathway_is_404_for_visitors(client, pathway):
    pathway.status = Pathway.Status.DRAFT
    pathway.save()

    assert client.get(pathway.get_absolute_url()).status_code == 404
    assert pathway.title not in client.get(reverse("guides:pathway-list")).content.decode()


def test_tips_and_warnings_show_with_their_kind(client, pathway):
    factories.PathwayNoteFactory(pathway=pathway, kind="warning", text="Check the fee before you book.")

    html = client.get(pathway.get_absolute_url()).content.decode()

    assert "callout--warning" in html
    assert "Check the fee before you book." in html


def test_every_citation_number_links_to_a_reference(client, pathway):
    html = client.get(pathway.get_absolute_url()).content.decode()

    assert 'href="#ref-1"' in html
    assert 'id="ref-1"' in html
    assert pathway.steps.first().quote in html


def test_pathway_list_shows_step_counts(client, pathway):
    html = client.get(reverse("guides:pathway-list")).content.decode()

    assert pathway.title in html
    assert "2 steps" in html


@pytest.mark.parametrize("status", ["draft", "review"])
def test_staff_preview_unpublished_pathways_uncached(client, pathway, status, django_user_model):
    pathway.status = status
    pathway.save()
    advisor = django_user_model.objects.create_user("advisor", password="x", is_staff=True)
    client.force_login(advisor)

    response = client.get(pathway.get_absolute_url())

    assert response.status_code == 200
    assert "visitors cannot see it yet" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_published_pathway_has_no_preview_banner(client, pathway):
    assert "Preview:" not in client.get(pathway.get_absolute_url()).content.decode()


def test_step_body_markdown_is_rendered_and_sanitised(client, pathway):
    step = pathway.steps.get(position=1)
    step.body = "Take **anatomy**.\n\n<script>alert(1)</script>[x](javascript:alert(1))<img src=x onerror=alert(1)>"
    step.save()

    html = client.get(pathway.get_absolute_url()).content.decode()

    assert "<strong>anatomy</strong>" in html
    assert "alert(1)" not in html
    assert "javascript:" not in html
    assert "onerror" not in html


def test_change_log_says_what_changed_and_when_but_not_who(client, pathway, django_user_model):
    step = pathway.steps.get(position=2)
    step.title = "Pass the RHIT certification exam"
    step.body = "Now with more detail."
    step.save()
    factories.StepFactory(pathway=pathway, position=3, title="Recertify")
    pathway.steps.get(position=1).delete()

    html = client.get(pathway.get_absolute_url()).content.decode()
    log = html[html.index('id="changes-heading"') :]

    assert "Step 2 “Pass the RHIT certification exam”: title and body changed" in log
    assert "Step 3 “Recertify”: added" in log
    assert "Step 1 “Earn an associate degree”: removed" in log
    assert log.index("removed") < log.index("added") < log.index("title and body changed")


def test_change_log_of_untouched_content_says_so(client, content):
    from guides.models import Pathway

    html = client.get(Pathway.objects.published().first().get_absolute_url()).content.decode()

    assert "No changes since this pathway was first published." in html
