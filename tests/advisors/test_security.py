"""Advisor-entered text is sanitised, logins are rate limited, the advisor command works."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from sources.markup import render_markdown
from tests import factories

pytestmark = pytest.mark.django_db

XSS_PAYLOADS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert('x')>",
    "<svg onload=alert('x')>",
    "<a href=\"javascript:alert('x')\">click</a>",
    "[click](javascript:alert('x'))",
    "[click](JaVaScRiPt:alert('x'))",
    "[click](&#106;avascript:alert('x'))",
    "![x](javascript:alert('x'))",
    '<iframe src="https://evil.example"></iframe>',
    "<div style=\"background:url(javascript:alert('x'))\">x</div>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgneCcpPC9zY3JpcHQ+">x</a>',
    "<body onload=alert('x')>",
    "\"><script>alert('x')</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('x')>",
    "<form action=javascript:alert('x')><button>x</button></form>",
    "<object data=javascript:alert('x')>",
    "<details open ontoggle=alert('x')>",
]
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "form", "style", "svg", "math", "img", "body", "details"}


# Tags the site's own pages use legitimately; advisor text rendered alone must not produce them either.
SITE_TAGS = {"svg", "details", "form"}


class ActiveContent(HTMLParser):
    """Collects whatever a browser would execute or load: dangerous tags, handlers, script URLs."""

    def __init__(self, allowed=()):
        super().__init__()
        self.found = []
        self.allowed = set(allowed)

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            return
        if tag in DANGEROUS_TAGS and tag not in self.allowed:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") or name == "style":
                self.found.append(f"{tag} {name}=")
            if name in {"href", "src", "action", "data"} and value.startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"{tag} {name}={value[:20]}")


def active_content(html, allowed=()):
    parser = ActiveContent(allowed)
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_markdown_renderer_leaves_xss_payloads_inert(payload):
    html = render_markdown(f"Before {payload} after")
    assert active_content(html) == [], html


def test_payloads_in_every_advisor_field_come_out_inert_on_public_pages(client):
    payload = " ".join(XSS_PAYLOADS)
    occupation = factories.OccupationFactory(slug="hit", summary=payload, title="HIT <b>tech</b>")
    factories.StatementFactory(occupation=occupation, text=payload, quote=payload)
    pathway = factories.PathwayFactory(slug="p", summary=payload, occupation=occupation, title="P <i>x</i>")
    factories.StepFactory(pathway=pathway, position=1, title=XSS_PAYLOADS[1], body=payload, quote=payload)
    factories.PathwayNoteFactory(pathway=pathway, text=payload)
    credential = factories.CredentialFactory(slug="c", certifies=payload, name=XSS_PAYLOADS[0])

    for url in [pathway.get_absolute_url(), occupation.get_absolute_url(), credential.get_absolute_url(), "/sources/"]:
        response = client.get(url)
        assert response.status_code == 200
        main = response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
        found = active_content(main, allowed=SITE_TAGS)
        assert found == [], f"{url}: {found}"


def test_repeated_failed_logins_lock_the_account_for_a_while(advisor, settings):
    browser = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        browser.post("/admin/login/", {"username": "alex", "password": "wrong"})

    response = browser.post(
        "/admin/login/?next=/admin/", {"username": "alex", "password": "a-long-Advisor-passphrase-42"}
    )

    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()


def test_a_correct_login_works_before_the_limit(advisor):
    browser = Client()
    browser.post("/admin/login/", {"username": "alex", "password": "wrong"})
    response = browser.post(
        "/admin/login/?next=/admin/", {"username": "alex", "password": "a-long-Advisor-passphrase-42"}
    )
    assert response.status_code == 302
    assert browser.get("/admin/").status_code == 200


def test_create_advisor_refuses_weak_passwords(db, monkeypatch):
    monkeypatch.setenv("ADVISOR_PASSWORD", "123")
    with pytest.raises(CommandError):
        call_command("create_advisor", "sam", "--no-input", verbosity=0)
    assert not get_user_model().objects.filter(username="sam").exists()


def test_create_advisor_without_a_password_in_no_input_mode_explains(db, monkeypatch):
    monkeypatch.delenv("ADVISOR_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="ADVISOR_PASSWORD"):
        call_command("create_advisor", "sam", "--no-input", verbosity=0)
