import pytest
from django.core.management import call_command

from tests import factories


@pytest.fixture
def content(db):
    """The content transcribed from the source documents, as a newcomer's site shows it."""
    call_command("load_content", verbosity=0)


@pytest.fixture
def pathway(db):
    pathway = factories.PathwayFactory(slug="rhit-route", title="Become an RHIT")
    factories.StepFactory(pathway=pathway, position=1, title="Earn an associate degree")
    factories.StepFactory(pathway=pathway, position=2, title="Pass the RHIT exam")
    return pathway


@pytest.fixture
def credential(db):
    return factories.CredentialFactory(
        slug="rhit", abbreviation="RHIT", name="Registered Health Information Technician"
    )
