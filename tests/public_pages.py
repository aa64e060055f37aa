"""Every public page a visitor can reach, for tests that check them all.

`public_pages(client)` crawls, as whoever `client` is (an anonymous visitor, normally), every internal
link reachable from the home page and the sitemap (plus any `extra` addresses, such as a search or a
planner answer that no link leads to) and returns {path: response}. It follows <a>, <link>, <img> and
<form action> addresses, Open Graph image addresses, redirects and sitemap <loc>s; it leaves out other
sites, static files and the admin. Tests then assert on what every page shows: no leftovers, no raw
Markdown, no drafts.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlencode, urlsplit

from credentials.models import Credential, EducationLevel, Organization
from guides.models import Occupation, Pathway

MAX_PAGES = 1500


class Links(HTMLParser):
    """Addresses a visitor or a link-preview bot would follow from a page."""

    ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "form": "action"}

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.ATTRIBUTES and attrs.get(self.ATTRIBUTES[tag]):
            self.found.append(attrs[self.ATTRIBUTES[tag]])
        if tag == "meta" and attrs.get("property", "").startswith("og:") and "://" in (attrs.get("content") or ""):
            self.found.append(attrs["content"])


def local_path(url):
    """The site-relative address of a link on this site, or None for other sites, static files and the admin."""
    url = urldefrag(url)[0]
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
        return None
    if not parts.path.startswith("/") or parts.path.startswith(("/static/", "/admin/")):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client, seeds):
    """{path: response} for every page reachable from `seeds` by following links, redirects and the sitemap."""
    seen, queue, pages = set(seeds), list(seeds), {}
    while queue:
        path = queue.pop(0)
        response = client.get(path)
        pages[path] = response
        assert len(pages) < MAX_PAGES, "the crawl does not end: a page links to endless new addresses"
        found = []
        if response.status_code in (301, 302):
            found.append(response["Location"])
        content_type = response.get("Content-Type", "")
        if "html" in content_type:
            parser = Links()
            parser.feed(response.content.decode())
            found.extend(parser.found)
        elif "xml" in content_type:
            found.extend(part.split("</loc>", 1)[0] for part in response.content.decode().split("<loc>")[1:])
        for url in found:
            target = local_path(url)
            if target is not None and target not in seen:
                seen.add(target)
                queue.append(target)
    return pages


def seeds(search_word="astronaut"):
    """The home page and sitemap, plus pages reached by typing: searches (one for `search_word`), comparisons
    of everything, and the planner's answers for every target."""
    credentials = [c.slug for c in Credential.objects.published()]
    occupations = [o.slug for o in Occupation.objects.published()]
    pathways = [p.slug for p in Pathway.objects.published()]
    lowest = EducationLevel.objects.order_by("rank").first().slug
    held = "&".join(f"held={slug}" for slug in credentials)
    return [
        "/",
        "/sitemap.xml",
        f"/search/?q={search_word}",
        "/search/?q=credential",
        "/compare/credentials/?" + "&".join(f"c={slug}" for slug in credentials[:6]),
        "/compare/occupations/?" + "&".join(f"o={slug}" for slug in occupations[:6]),
        "/compare/pathways/?" + "&".join(f"p={slug}" for slug in pathways[:6]),
        "/planner/",
        f"/planner/?education={lowest}",
        *(f"/planner/?education={lowest}&target=credential-{slug}" for slug in credentials),
        *(f"/planner/?education={lowest}&{held}&target=occupation-{slug}" for slug in occupations),
        *(f"/planner/?education={lowest}&target=occupation-{slug}" for slug in occupations),
    ]


def public_pages(client, extra=()):
    """{path: response} for every page reachable from the home page and the sitemap (and `extra`)."""
    return crawl(client, ["/", "/sitemap.xml", *extra])


def html_pages(pages):
    """Only the HTML pages that answered 200, as {path: decoded HTML}."""
    return {
        path: response.content.decode()
        for path, response in pages.items()
        if response.status_code == 200 and "html" in response.get("Content-Type", "")
    }


class VisibleText(HTMLParser):
    """The text a reader can see or open on a page: every text node outside <head>, <script>, <style> and
    <svg> (a closed <details> counts: one click opens it)."""

    HIDDEN = {"head", "script", "style", "svg", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return re.sub(r"[ \t\r\f\v]+", " ", " ".join(parser.parts))


PREVIEW_KEYS = "description|og:description|twitter:description|og:title|twitter:title"
META = re.compile(rf'<meta (?:name|property)="(?:{PREVIEW_KEYS})" content="([^"]*)"')


def meta_texts(html):
    """The description and title values a link preview shows, as they appear in the HTML (still escaped)."""
    return META.findall(html)


# The addresses every page-level check visits (the HTML checker, axe): each kind of public page, found from
# the published content, plus the searches, comparisons and planner answers that no link leads to.
def public_paths():
    paths = ["/", "/pathways/", "/occupations/", "/credentials/", "/organizations/", "/sources/", "/planner/"]
    pathways = list(Pathway.objects.published().prefetch_related("steps"))
    for pathway in pathways:
        paths += [pathway.get_absolute_url(), pathway.get_absolute_url() + "print/"]
        paths += [f"{pathway.get_absolute_url()}steps/{step.position}/" for step in pathway.steps.all()]
    occupations = list(Occupation.objects.published())
    credentials = list(Credential.objects.published())
    paths += [occupation.get_absolute_url() for occupation in occupations]
    paths += [credential.get_absolute_url() for credential in credentials]
    paths += [organization.get_absolute_url() for organization in Organization.objects.all()]
    paths += [
        "/compare/",
        "/compare/credentials/",
        "/compare/credentials/?" + urlencode([("c", credential.slug) for credential in credentials][:6]),
        "/compare/occupations/?" + urlencode([("o", occupation.slug) for occupation in occupations][:6]),
        "/compare/pathways/?" + urlencode([("p", pathway.slug) for pathway in pathways][:6]),
        "/search/",
        "/search/?q=rhit",
        "/search/?q=salary",
        "/search/?q=RHIT+vs+CCS",
        "/search/?q=astronaut",
        "/planner/?education=associate&target=credential-rhit&program=associate&accredited=cahiim&stage=finished"
        "&experience=none&practicum=0",
        "/this-page-does-not-exist/",
    ]
    return paths
