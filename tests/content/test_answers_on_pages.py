"""What a student reads in the transcribed content: the issue's findings, each checked where it was seen."""

import json
import re
from html import unescape

import pytest
from django.conf import settings

from credentials.models import Credential, Exam, Organization, Renewal
from guides.models import Occupation, Pathway, Statement, Step
from tests.content.test_content import document_text

pytestmark = pytest.mark.django_db

MAIN = "/occupations/medical-records-and-health-information-technician/"
RHIT_PATHWAY = "/pathways/rhit-in-four-steps/"


def text_of(client, path):
    html = client.get(path).content.decode()
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def json_ld(client, path):
    html = client.get(path).content.decode()
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def meta(client, path, key):
    html = client.get(path).content.decode()
    return unescape(re.search(rf'<meta property="{key}" content="([^"]*)"', html).group(1))


def test_the_rhit_pathway_total_adds_no_disputed_fee_and_says_what_it_leaves_out(client, content):
    summary = text_of(client, RHIT_PATHWAY).split("At a glance", 1)[1].split("You hold at the end", 1)[0]

    assert "$450" not in summary and "$150" not in summary
    assert "tuition for step 1 (Complete an accredited associate degree) varies by program" in summary
    assert "AHIMA's current RHIT exam fee is not in our sources" in summary
    assert "$218 for non-members (c. 2021), is paid every 2 years after you are certified" in summary


def test_step_4_states_ahimas_rule_and_notes_what_the_article_says(client, content):
    for path in (RHIT_PATHWAY, f"{RHIT_PATHWAY}steps/4/", f"{RHIT_PATHWAY}print/"):
        text = text_of(client, path)
        assert "20 CEUs every 2 years" in text, path
        assert "AHIMA's rule since 2019 is 20 CEUs and a fee every two years" in text, path
        assert "plus a recertification exam (undated; disputed )" in text, path
    assert "recertification exam" not in Step.objects.get(pathway__slug="rhit-in-four-steps", position=4).body


def test_step_4_previews_and_json_ld_give_the_current_rule(client, content):
    path = f"{RHIT_PATHWAY}steps/4/"
    description = meta(client, path, "og:description")
    step = json_ld(client, path)["step"][3]

    for said in (description, step["text"]):
        assert "20 CEUs every 2 years" in said and "exam" not in said.lower()
    assert "$150" not in description and "$218" in description
    assert "estimatedCost" not in json_ld(client, RHIT_PATHWAY)  # the total leaves costs out: no single figure


def test_occupation_json_ld_and_preview_give_the_current_pay(client, content):
    salary = json_ld(client, MAIN)["estimatedSalary"]

    assert (salary["median"], salary["name"].startswith("Median annual pay, May 2020")) == ("44090.00", True)
    assert "Median pay $44,090 per year (May 2020)" in meta(client, MAIN, "og:description")


def test_every_pathway_says_when_an_advisor_last_reviewed_it(client, content):
    for pathway in Pathway.objects.published():
        text = text_of(client, pathway.get_absolute_url())
        assert f"Last reviewed by an advisor on {pathway.last_reviewed.day} " in text
        assert "Last updated" not in text


def test_the_freshness_page_explains_and_lists_ages(client, content):
    text = text_of(client, "/how-current/")

    assert "more than 3 years old says its age" in text
    assert "Median pay $44,090 per year May 2020 (6 years old)" in text or "$44,090 per year May 2020" in text
    assert "Questions our sources cannot answer yet" in text


def test_the_main_occupation_page_shows_what_was_only_on_the_sources_page(client, content):
    text = text_of(client, MAIN)

    assert "more than 200 CAHIIM-accredited health information technology programs in 2008" in text
    assert "quality improvement" in text


def test_transcription_faults_are_fixed(content):
    assert "determine the course of treatment" in Statement.objects.get(pk=36).text
    assert Statement.objects.get(pk=72).text == "A trained professional constantly monitors their work."
    assert "AHIMA sends" not in Step.objects.get(pathway__slug="rhit-in-four-steps", position=2).body
    assert Exam.objects.get(credential__slug="rhit", source__slug="ahima-contact-us-faqs").delivery.startswith(
        "Pearson VUE"
    )
    ahima_rules = Renewal.objects.filter(credential__issuer__slug="ahima", source__kind="official").exclude(
        ce_required=None
    )
    assert {renewal.ce_unit for renewal in ahima_rules} == {Renewal.CEUnit.CEU}
    assert Credential.objects.get(slug="ccs").eligibility_summary.startswith("A high school diploma.")
    ccs_2010 = Exam.objects.get(credential__slug="ccs", year=2010)
    assert (ccs_2010.total_questions, ccs_2010.case_count) == (60, 13)
    assert Exam.objects.get(credential__slug="ccs-p", year=2010).length_display == "60 questions and 16 cases"


def test_the_ccs_pages_give_the_2010_question_counts_as_superseded(client, content):
    text = text_of(client, "/credentials/ccs/")

    assert "60 questions and 13 cases in 4 hours" in text and "superseded" in text
    assert "number of questions not stated" not in text.lower()


def test_claims_about_organizations_and_new_names_are_cited_word_for_word(content):
    described = Organization.objects.exclude(description="")
    assert not described.filter(source=None).exists()
    for organization in described.exclude(quote="").select_related("source"):
        assert organization.quote in document_text(organization.source.document), organization
    for credential in Credential.objects.exclude(renamed_to=""):
        assert credential.renamed_quote in document_text(credential.renamed_source.document), credential


def test_no_source_title_names_a_staging_copy(content):
    from sources.models import Source

    assert not Source.objects.filter(title__iregex=r"test copy|qa copy").exists()
    assert not Source.objects.filter(as_of__contains="[").exists()
    assert settings.SHARED_DIR  # the documents the quotes above were checked against


def test_occupation_pages_show_at_most_eight_points_of_what_they_do(client, content):
    for occupation in Occupation.objects.with_connections():
        assert len(occupation.page_sections()["what_they_do"].points) <= 8, occupation
