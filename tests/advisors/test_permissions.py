"""Advisors edit content in the admin but cannot manage users; visitors never reach admin pages."""

import importlib

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import clear_url_caches, reverse

pytestmark = pytest.mark.django_db

CONTENT_APPS = {"sources", "credentials", "guides"}


def content_admins():
    return [model for model in admin.site._registry if model._meta.app_label in CONTENT_APPS]


def test_advisor_is_staff_but_not_superuser_and_in_the_group(advisor):
    assert advisor.is_staff and not advisor.is_superuser
    assert list(advisor.groups.values_list("name", flat=True)) == ["Advisors"]


def test_every_content_model_is_in_the_admin():
    registered = {model._meta.label for model in content_admins()}
    for app_label in CONTENT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if not model._meta.model_name.startswith("historical"):
                assert model._meta.label in registered


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


@pytest.mark.parametrize("url", ["/admin/", "/admin/guides/pathway/", "/admin/guides/pathway/tools/export/"])
def test_visitors_are_sent_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_every_admin_page_opens_for_an_advisor(advisor_client, content):
    for model in content_admins():
        opts = model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        assert advisor_client.get(reverse(f"{prefix}_changelist")).status_code == 200, opts.label
        assert advisor_client.get(reverse(f"{prefix}_add")).status_code == 200, opts.label
        obj = model.objects.first()
        assert obj is not None, f"no {opts.label} to open"
        for view in ("change", "history", "delete"):
            response = advisor_client.get(reverse(f"{prefix}_{view}", args=[obj.pk]))
            assert response.status_code == 200, f"{view} {opts.label}"
    for name in ("guides_import_content", "guides_deleted_content", "index"):
        assert advisor_client.get(reverse(f"admin:{name}")).status_code == 200


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
