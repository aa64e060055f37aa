from html.parser import HTMLParser

import pytest

from tests import factories


class HeadParser(HTMLParser):
    """Meta and link tags, JSON-LD scripts and a few share-panel attributes from a page."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.json_ld, self.inputs = {}, {}, [], []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, attrs.get("content"))
        elif tag == "link" and attrs.get("rel"):
            self.links[attrs["rel"]] = attrs.get("href")
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        elif tag == "input":
            self.inputs.append(attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


@pytest.fixture
def parse():
    def parse_html(response):
        parser = HeadParser()
        parser.feed(response.content.decode())
        return parser

    return parse_html


@pytest.fixture
def shared(db):
    """A pathway with three steps, its occupation with pay and education, and a credential."""
    occupation = factories.OccupationFactory(
        slug="health-information-technician", title="Health information technician", soc_code="29-2071"
    )
    bls = factories.OfficialSourceFactory(slug="bls-handbook", title="BLS handbook")
    factories.FigureFactory(
        occupation=occupation, value="37110.00", year=2015, as_of="May 2015", pay_p10="24000.00", source=bls
    )
    factories.EntryEducationFactory(
        occupation=occupation, wording="Postsecondary nondegree award", year=2015, as_of="May 2015", source=bls
    )
    pathway = factories.PathwayFactory(slug="rhit-route", title="Become an RHIT", occupation=occupation)
    source = factories.SourceFactory(slug="career-article", title="A career article", as_of="May 2015")
    for position, title in enumerate(["Earn an associate degree", "Pass the RHIT exam", "Find a job"], start=1):
        factories.StepFactory(
            pathway=pathway,
            position=position,
            title=title,
            body=f"Body of step {position}.",
            source=source,
            quote=f"The source's sentence for step {position}.",
            cost_min=100 * position,
            cost_max=200 * position,
        )
    credential = factories.CredentialFactory(
        slug="rhit", abbreviation="RHIT", name="Registered Health Information Technician"
    )
    return pathway, occupation, credential
