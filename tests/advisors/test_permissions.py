"""Advisors edit content in the admin but cannot manage users; visitors never reach admin pages."""

import importlib

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import clear_url_caches, reverse

from editorial import registry
from sharing.models import SlugRedirect

pytestmark = pytest.mark.django_db


def content_admins():
    return [model for model in admin.site._registry if registry.is_content(model)]


def test_advisor_is_staff_but_not_superuser_and_in_the_group(advisor):
    assert advisor.is_staff and not advisor.is_superuser
    assert list(advisor.groups.values_list("name", flat=True)) == ["Advisors"]


def test_every_content_model_is_in_the_admin():
    for model in registry.content_models():
        assert model in admin.site._registry, model._meta.label


def test_every_model_of_a_content_app_is_registered_content():
    for app_label in {label.split(".")[0] for label in registry.labels()}:
        for model in apps.get_app_config(app_label).get_models():
            if not model._meta.model_name.startswith("historical"):
                assert registry.is_content(model), model._meta.label


def test_advisor_can_add_change_delete_and_view_all_content(advisor):
    for model in content_admins():
        opts = model._meta
        for action in ("add", "change", "delete", "view"):
            assert advisor.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"), f"{action} {opts.label}"


@pytest.mark.parametrize("url", ["/admin/auth/user/", "/admin/auth/user/add/", "/admin/auth/group/"])
def test_advisor_cannot_manage_users(advisor_client, url):
    assert advisor_client.get(url).status_code == 403


def test_advisor_cannot_make_themselves_superuser(advisor_client, advisor):
    response = advisor_client.post(f"/admin/auth/user/{advisor.pk}/change/", {"is_superuser": "on"})
    advisor.refresh_from_db()
    assert response.status_code == 403
    assert not advisor.is_superuser


@pytest.mark.parametrize("url", ["/admin/", "/admin/guides/pathway/", "/admin/tools/export/"])
def test_visitors_are_sent_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_every_admin_page_opens_for_an_advisor(advisor_client, advisor, content, rf):
    request = rf.get("/admin/")
    request.user = advisor
    SlugRedirect.objects.record("pathway", old_slug="old", new_slug="new")
    for model in content_admins():
        opts = model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        assert advisor_client.get(reverse(f"{prefix}_changelist")).status_code == 200, opts.label
        can_add = admin.site._registry[model].has_add_permission(request)
        assert advisor_client.get(reverse(f"{prefix}_add")).status_code == (200 if can_add else 403), opts.label
        obj = model.objects.first()
        assert obj is not None, f"no {opts.label} to open"
        for view in ("change", "history", "delete"):
            response = advisor_client.get(reverse(f"{prefix}_{view}", args=[obj.pk]))
            assert response.status_code == 200, f"{view} {opts.label}"
    for name in ("editorial:deleted-content", "admin:index"):
        assert advisor_client.get(reverse(name)).status_code == 200


def test_importing_takes_a_permission_of_its_own(advisor_client, advisor):
    from django.contrib.auth.models import Permission

    assert advisor_client.get(reverse("editorial:import-content")).status_code == 403
    advisor.user_permissions.add(Permission.objects.get(codename="import_content"))
    assert advisor_client.get(reverse("editorial:import-content")).status_code == 200


def test_changelist_filters_and_search_answer(advisor_client, full_pathway):
    for query in ("?status=draft", "?review=overdue", "?review=soon", "?review=never", "?q=RHIT", "?q=%00%27"):
        assert advisor_client.get("/admin/guides/pathway/" + query).status_code == 200


@pytest.fixture
def admin_moved(settings):
    """The site's URLs as they are when DJANGO_ADMIN_URL puts the admin somewhere less guessable."""
    import careerpath.urls

    settings.ADMIN_URL = "staff-7f3c/"
    importlib.reload(careerpath.urls)
    clear_url_caches()
    yield
    settings.ADMIN_URL = "admin/"
    importlib.reload(careerpath.urls)
    clear_url_caches()


def test_the_admin_lives_only_at_its_configured_address(client, admin_moved):
    assert reverse("admin:index") == "/staff-7f3c/"
    assert client.get("/staff-7f3c/").status_code == 302  # to its login page
    assert client.get("/admin/").status_code == 404
