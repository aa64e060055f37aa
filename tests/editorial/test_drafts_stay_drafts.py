"""Drafts stay drafts: no draft or in-review content of any kind reaches a visitor, not even a title or a link.

A draft of every content kind is planted in the transcribed content and linked from published content
the way an advisor would link it (a step that awards a new credential, an occupation's related job…);
then every public page a visitor can reach is crawled. None of them may name a draft, and no link on them
may lead to a page that is not there.
"""

import pytest

from credentials.models import Credential, EducationLevel, Organization, Requirement
from editorial import registry
from guides.models import Occupation, Pathway, Step
from sources.models import Source
from tests import factories
from tests.public_pages import crawl, seeds

# Every planted draft carries MARKER in what a page would show, and SEARCH_WORD to find it by.
MARKER = "zyxdraft"
SEARCH_WORD = "qwvrtz"


def plant_drafts():
    """A draft of every kind, linked from published content. Returns the drafts' own addresses."""
    source = Source.objects.get(slug=Pathway.objects.published().first().source.slug)
    issuer = Organization.objects.get(slug="ahima")
    accreditor = Organization.objects.get(slug="cahiim")
    associate = EducationLevel.objects.get(slug="associate")
    rhit = Credential.objects.get(slug="rhit")
    main_job = Occupation.objects.get(slug="medical-records-and-health-information-technician")
    cited = {"source": source, "quote": f"{MARKER} quoted {SEARCH_WORD} sentence."}
    text = f"{MARKER.capitalize()} {SEARCH_WORD}"

    # A credential being drafted: issued by a published organization, its routes asking for a program
    # that organization accredits, awarded and required by published steps, wanted by a published job,
    # leading to and from a published credential, and accepted by a published requirement.
    credential = factories.CredentialFactory(
        slug=f"{MARKER}-credential",
        abbreviation=MARKER.upper(),
        name=f"{text} credential",
        other_names=text,
        certifies=text,
        issuer=issuer,
        status="draft",
    )
    route = factories.EligibilityRouteFactory(credential=credential, position=1, name=f"{text} route", **cited)
    factories.RequirementFactory(route=route, position=1, education_level=associate, detail=f"{text} degree", **cited)
    factories.RequirementFactory(
        route=route, position=2, kind="program", accreditor=accreditor, detail=f"{text} program", **cited
    )
    factories.ExamFactory(credential=credential, question_format=f"{text} format", **cited)
    factories.FeeFactory(credential=credential, note=f"{text} fee", **cited)
    factories.RenewalFactory(credential=credential, conditions=f"{text} renewal", **cited)
    rhit.leads_to.add(credential)
    credential.leads_to.add(rhit)
    main_job.preferred_credentials.add(credential)
    Requirement.objects.filter(kind="credential").first().credentials.add(credential)
    first_steps = list(Step.objects.filter(pathway__status="published").order_by("pathway", "position")[:2])
    Step.objects.filter(pk=first_steps[0].pk).update(awards_credential=credential)
    Step.objects.filter(pk=first_steps[1].pk).update(requires_credential=credential)

    # An occupation in review: related to the main job, wanting a published credential, and the goal of a
    # published pathway.
    occupation = factories.OccupationFactory(
        slug=f"{MARKER}-occupation", title=f"{text} occupation", aliases=text, summary=text, status="review"
    )
    factories.StatementFactory(occupation=occupation, text=f"{text} statement", **cited)
    factories.FigureFactory(occupation=occupation, wording=text, **cited)
    factories.EntryEducationFactory(occupation=occupation, education_level=associate, wording=text, **cited)
    main_job.related.add(occupation)
    occupation.preferred_credentials.add(rhit)
    towards_draft = factories.PathwayFactory(
        slug="towards-a-job-in-review", title="A published pathway to a job in review", occupation=occupation, **cited
    )
    towards_draft.quote = "A published quote."
    towards_draft.save()
    factories.StepFactory(pathway=towards_draft, position=1, title="A published step", quote="", source=source)

    # A pathway being drafted towards the main job, citing the same source as published pathways, its steps
    # awarding a published credential and an education level (what the planner times).
    pathway = factories.PathwayFactory(
        slug=f"{MARKER}-pathway", title=f"{text} pathway", summary=text, occupation=main_job, status="draft", **cited
    )
    for position in (1, 2):
        factories.StepFactory(
            pathway=pathway,
            position=position,
            title=f"{text} step {position}",
            body=text,
            awards_credential=rhit,
            awards_education=associate,
            duration_min_months=1,
            cost_min=1,
            **cited,
        )
    factories.PathwayNoteFactory(pathway=pathway, text=f"{text} tip", **cited)

    return [
        credential.get_absolute_url(),
        occupation.get_absolute_url(),
        pathway.get_absolute_url(),
        f"{pathway.get_absolute_url()}steps/1/",
        f"{pathway.get_absolute_url()}print/",
        f"{pathway.get_absolute_url()}preview.png",
        f"{pathway.get_absolute_url()}steps/1/preview.png",
    ]


@pytest.fixture
def drafts(content):
    return plant_drafts()


def test_draft_content_of_every_kind_is_nowhere_on_the_public_site(client, drafts):
    pages = crawl(client, seeds(SEARCH_WORD))

    leaks = [path for path, response in pages.items() if MARKER in response.content.decode(errors="ignore").lower()]
    assert leaks == [], f"draft content shown on {leaks}"
    broken = [path for path, response in pages.items() if response.status_code not in (200, 301, 302)]
    assert broken == [], f"public pages link to pages that are not there: {broken}"
    # The crawl reached the pages the drafts were linked from.
    for page in ["/credentials/rhit/", "/organizations/ahima/", "/organizations/cahiim/", "/sources/"]:
        assert pages[page].status_code == 200
    assert "/pathways/towards-a-job-in-review/" in pages


def test_drafts_own_addresses_are_not_found_by_visitors(client, drafts):
    for path in drafts:
        assert client.get(path).status_code == 404, path


def test_a_visitor_cannot_pick_a_draft_to_compare_or_plan(client, drafts):
    compare = client.get(f"/compare/credentials/?c={MARKER}-credential&c=rhit").content.decode()
    planner = client.get(f"/planner/?target=credential-{MARKER}-credential").content.decode()

    assert "Not found, so left out" in compare
    assert MARKER.upper() not in compare
    assert "is not one of the credentials or occupations listed" in planner


def test_staff_still_preview_a_draft_pathway_with_its_steps(admin_client, drafts):
    response = admin_client.get(f"/pathways/{MARKER}-pathway/")

    assert response.status_code == 200
    assert f"{MARKER.capitalize()} {SEARCH_WORD} step 2" in response.content.decode()


def test_every_content_kind_has_published_and_it_excludes_drafts(drafts):
    for model in registry.content_models():
        published = model.objects.published()
        for field in ("title", "name", "text", "detail", "note", "question_format", "conditions", "wording"):
            if any(f.name == field for f in model._meta.fields):
                assert not published.filter(**{f"{field}__icontains": MARKER}).exists(), model._meta.label


def test_the_sources_page_leaves_out_what_drafts_took_from_a_source(client, drafts):
    page = client.get("/sources/").content.decode().lower()

    assert "a published step" in page
    assert MARKER not in page


def test_an_organization_page_lists_only_published_credentials(client, drafts):
    issuer = client.get("/organizations/ahima/").content.decode()
    accreditor = client.get("/organizations/cahiim/").content.decode()

    assert "/credentials/rhit/" in issuer
    assert MARKER not in issuer.lower()
    assert MARKER not in accreditor.lower()


def test_credential_and_pathway_pages_do_not_link_to_a_draft_credential(client, drafts):
    step = Step.objects.filter(awards_credential__slug=f"{MARKER}-credential").select_related("pathway").get()

    for path in ["/credentials/rhit/", step.pathway.get_absolute_url(), "/credentials/chps/"]:
        response = client.get(path)
        assert response.status_code == 200
        assert f"/credentials/{MARKER}-credential/" not in response.content.decode(), path
