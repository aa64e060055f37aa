"""The login boundary: a lock holds one username at one address, and nobody can choose their address."""

import os
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-Advisor-passphrase-42"
PROXY = "10.0.0.1"


def sign_in(username, password, **meta):
    browser = Client(**meta)
    return browser.post("/admin/login/?next=/admin/", {"username": username, "password": password})


def fail(times, username, **meta):
    for _ in range(times):
        sign_in(username, "wrong", **meta)


@pytest.fixture
def behind_one_proxy(settings):
    """The README's deployment: one HTTPS proxy that appends the client's address to X-Forwarded-For."""
    settings.TRUSTED_PROXIES = 1


def via_proxy(client_address, claimed=""):
    header = f"{claimed}, {client_address}" if claimed else client_address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": header}


def test_made_up_usernames_behind_the_proxy_lock_no_advisor_out(advisor, behind_one_proxy, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT * 2):
        sign_in(f"nobody-{attempt}", "wrong", **via_proxy("198.51.100.66"))

    assert sign_in("alex", PASSWORD, **via_proxy("203.0.113.5")).status_code == 302


def test_nobody_can_lock_a_named_advisor_out_from_elsewhere(advisor, behind_one_proxy, settings):
    fail(settings.AXES_FAILURE_LIMIT, "alex", **via_proxy("198.51.100.66"))

    assert sign_in("alex", PASSWORD, **via_proxy("198.51.100.66")).status_code == 429
    assert sign_in("alex", PASSWORD, **via_proxy("203.0.113.5")).status_code == 302


def test_a_client_cannot_pick_its_address_by_sending_x_forwarded_for(advisor, behind_one_proxy, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in("alex", "wrong", **via_proxy("198.51.100.66", claimed=f"192.0.2.{attempt}"))

    assert sign_in("alex", PASSWORD, **via_proxy("198.51.100.66", claimed="192.0.2.200")).status_code == 429


def test_without_trusted_proxies_forwarded_headers_are_ignored(advisor, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in("alex", "wrong", REMOTE_ADDR="198.51.100.66", HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}")

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.66"}
    assert sign_in("alex", PASSWORD, REMOTE_ADDR="198.51.100.66", HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_the_lock_page_says_in_plain_words_when_to_try_again(advisor, settings):
    fail(settings.AXES_FAILURE_LIMIT, "alex")

    page = sign_in("alex", PASSWORD).content.decode()

    assert "Try again in 15 minutes." in page
    assert "PT15M" not in page


def test_an_administrator_unlocks_an_account_with_a_command(advisor, settings, capsys):
    fail(settings.AXES_FAILURE_LIMIT, "alex")

    call_command("unlock_sign_in", "alex")

    assert "can sign in again" in capsys.readouterr().out
    assert sign_in("alex", PASSWORD).status_code == 302


def test_an_administrator_unlocks_an_account_from_the_admin(advisor, admin_client, settings):
    fail(settings.AXES_FAILURE_LIMIT, "alex")

    response = admin_client.post(
        "/admin/auth/user/", {"action": "unlock_sign_in", "_selected_action": [advisor.pk]}, follow=True
    )

    assert "Unlocked 1 user(s)" in response.content.decode()
    assert sign_in("alex", PASSWORD).status_code == 302
    assert admin_client.get("/admin/axes/accessattempt/").status_code == 200


def test_advisors_cannot_reach_the_lock_records(advisor_client):
    assert advisor_client.get("/admin/axes/accessattempt/").status_code == 403


def settings_in_a_fresh_process(**environ):
    """What the settings say when the site starts with exactly these environment variables."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "CAREERPATH_"))}
    env.update(environ, DJANGO_SETTINGS_MODULE="careerpath.settings")
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.DEBUG, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS, settings.SECURE_HSTS_PRELOAD)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=django_settings.BASE_DIR, env=env, capture_output=True, text=True
    )


def test_with_no_environment_the_site_refuses_to_start_and_names_the_variable():
    result = settings_in_a_fresh_process()

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_with_a_secret_key_alone_debug_is_off_and_hsts_preload_is_opt_in():
    result = settings_in_a_fresh_process(DJANGO_SECRET_KEY="x" * 50)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "False"]


def test_hsts_include_subdomains_and_preload_when_the_operator_opts_in():
    result = settings_in_a_fresh_process(
        DJANGO_SECRET_KEY="x" * 50, DJANGO_HSTS_INCLUDE_SUBDOMAINS="1", DJANGO_HSTS_PRELOAD="1"
    )

    assert result.stdout.split() == ["False", "True", "True"]
