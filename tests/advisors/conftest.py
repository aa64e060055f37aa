import pytest
from django.core.management import call_command

from tests import factories


@pytest.fixture
def advisor(db, monkeypatch):
    monkeypatch.setenv("ADVISOR_PASSWORD", "a-long-Advisor-passphrase-42")
    call_command("create_advisor", "alex", "--email", "alex@example.org", "--no-input", verbosity=0)
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="alex")


@pytest.fixture
def advisor_client(client, advisor):
    client.force_login(advisor)
    return client


@pytest.fixture
def importer_client(client, advisor):
    """An advisor an administrator trusted with imports (their own permission, not part of Advisors)."""
    from django.contrib.auth.models import Permission

    advisor.user_permissions.add(Permission.objects.get(codename="import_content"))
    client.force_login(advisor)
    return client


@pytest.fixture
def full_pathway(db):
    """A pathway with three steps, a tip, an occupation with figures and a credential with a route."""
    pathway = factories.PathwayFactory(slug="rhit-route", title="Become an RHIT")
    for position, title in enumerate(["Earn an associate degree", "Pass the RHIT exam", "Find a job"], start=1):
        factories.StepFactory(pathway=pathway, position=position, title=title, body=f"Body of {title}.")
    factories.PathwayNoteFactory(pathway=pathway)
    factories.FigureFactory(occupation=pathway.occupation)
    factories.StatementFactory(occupation=pathway.occupation)
    credential = factories.CredentialFactory(slug="rhit", abbreviation="RHIT")
    route = factories.EligibilityRouteFactory(credential=credential, position=1)
    factories.RequirementFactory(route=route, position=1)
    factories.ExamFactory(credential=credential)
    factories.FeeFactory(credential=credential)
    factories.RenewalFactory(credential=credential)
    return pathway


def form_data(response):
    """The POST data an admin change form would submit unchanged: main form plus every inline."""
    data = {}
    context = response.context
    form = context["adminform"].form
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        _put(data, form.add_prefix(name), field, value)
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management.initial.get(name, management[name].value())
        for sub in formset.forms:
            for name, field in sub.fields.items():
                value = sub.initial.get(name, field.initial)
                if name == formset.fk.name:
                    value = formset.instance.pk
                _put(data, sub.add_prefix(name), field, value)
    return data


def _put(data, key, field, value):
    if value is None:
        return
    if hasattr(value, "pk"):
        value = value.pk
    if isinstance(value, list | tuple | set) or hasattr(value, "all"):
        items = value.all() if hasattr(value, "all") else value
        data[key] = [getattr(item, "pk", item) for item in items]
        return
    if isinstance(value, bool):
        if value:
            data[key] = "on"
        return
    data[key] = value
