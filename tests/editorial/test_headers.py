"""Security headers: a Content-Security-Policy with no inline script, a Permissions-Policy, and pages that
need nothing the policy forbids (no inline script, style attribute or event handler anywhere)."""

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db


def policy(response):
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_every_page_sends_a_strict_content_security_policy(client, content):
    directives = policy(client.get("/"))

    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert not [value for values in directives.values() for value in values if "unsafe" in value]


def test_every_page_sends_a_permissions_policy(client, content):
    for path in ["/", "/pathways/rhit-in-four-steps/", "/admin/login/", "/pathways/rhit-in-four-steps/preview.png"]:
        header = client.get(path)["Permissions-Policy"]
        assert "camera=()" in header and "geolocation=()" in header and "microphone=()" in header


class InlineCode(HTMLParser):
    """What a strict policy would block: inline script, <style>, style attributes, event handlers."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if (
            tag == "script"
            and "src" not in attrs
            and attrs.get("type") not in ("application/ld+json", "application/json")
        ):
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("<style>")
        self.found.extend(f"{tag} {name}=" for name in attrs if name == "style" or name.startswith("on"))


def test_no_public_page_needs_inline_script_or_style(published_site):
    pages = published_site
    problems = {}
    for path, response in pages.items():
        if "html" in response.get("Content-Type", ""):
            parser = InlineCode()
            parser.feed(response.content.decode())
            if parser.found:
                problems[path] = sorted(set(parser.found))

    assert len(pages) > 50
    assert problems == {}
