"""Site search: a few LIKE queries (one per kind of page), ranked in Python.

The content is small (dozens of rows), so plain case-insensitive matching on both SQLite and
PostgreSQL is fast enough and keeps set-up free of search servers.
"""

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.db.models import Q

from credentials.models import Credential, Organization
from editorial.workflow import Status

from .models import Occupation, Pathway, Step

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
WORD = re.compile(r"[\w][\w'’.+-]*")


@dataclass
class Result:
    kind: str
    title: str
    url: str
    summary: str
    score: int


@dataclass
class Results:
    query: str
    terms: list = field(default_factory=list)
    items: list = field(default_factory=list)
    message: str = ""

    def __bool__(self):
        return bool(self.items)

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)


def normalise(query):
    query = " ".join(str(query).split())[:MAX_QUERY_LENGTH]
    terms = [term.strip(".'’+-").lower() for term in WORD.findall(query)]
    return query, [term for term in terms if term][:MAX_TERMS]


def matches(fields, terms):
    """Every term appears in at least one of the fields."""
    return reduce(and_, (reduce(or_, (Q(**{f"{name}__icontains": term}) for name in fields)) for term in terms))


def score(phrase, terms, *, exact=(), strong=(), weak=()):
    """Rank by where the words were found: an exact name beats a title, a title beats body text."""
    total = 0
    for value in exact:
        if value and value.lower() == phrase:
            total += 100
    for value in strong:
        value = (value or "").lower()
        if phrase in value:
            total += 40
        total += sum(8 for term in terms if term in value)
    for value in weak:
        value = (value or "").lower()
        if phrase in value:
            total += 10
        total += sum(2 for term in terms if term in value)
    return total


def search(raw_query):
    query, terms = normalise(raw_query)
    results = Results(query=query, terms=terms)
    if not query:
        return results
    if not terms:
        results.message = "Try words or abbreviations, such as “RHIT” or “medical records”."
        return results
    phrase = " ".join(terms)
    items = []

    for credential in (
        Credential.objects.published()
        .select_related("issuer")
        .filter(
            matches(["abbreviation", "name", "other_names", "certifies", "renamed_to", "issuer__abbreviation"], terms)
        )
    ):
        items.append(
            Result(
                "Credential",
                f"{credential.abbreviation}: {credential.name}",
                credential.get_absolute_url(),
                credential.certifies,
                score(
                    phrase,
                    terms,
                    exact=[credential.abbreviation, credential.slug],
                    strong=[credential.abbreviation, credential.name, credential.other_names, credential.renamed_to],
                    weak=[credential.certifies, credential.issuer.abbreviation],
                ),
            )
        )
    for occupation in Occupation.objects.published().filter(matches(["title", "aliases", "summary"], terms)):
        items.append(
            Result(
                "Occupation",
                occupation.title,
                occupation.get_absolute_url(),
                occupation.summary,
                score(
                    phrase,
                    terms,
                    exact=[occupation.title, *occupation.alias_list],
                    strong=[occupation.title, occupation.aliases],
                    weak=[occupation.summary],
                ),
            )
        )
    # A pathway matches its occupation's title only while that occupation is published too.
    by_occupation = matches(["title", "summary", "occupation__title"], terms) & Q(occupation__status=Status.PUBLISHED)
    for pathway in Pathway.objects.published().filter(matches(["title", "summary"], terms) | by_occupation):
        items.append(
            Result(
                "Pathway",
                pathway.title,
                pathway.get_absolute_url(),
                pathway.summary,
                score(phrase, terms, exact=[pathway.title], strong=[pathway.title], weak=[pathway.summary]) + 5,
            )
        )
    for step in Step.objects.published().select_related("pathway").filter(matches(["title", "body"], terms)):
        items.append(
            Result(
                "Step",
                f"Step {step.position}: {step.title}",
                step.get_absolute_url(),
                f"In “{step.pathway.title}”. {step.body}",
                score(phrase, terms, strong=[step.title], weak=[step.body]),
            )
        )
    for organization in Organization.objects.filter(matches(["abbreviation", "name", "description"], terms)):
        items.append(
            Result(
                "Organization",
                f"{organization.abbreviation}: {organization.name}",
                organization.get_absolute_url(),
                organization.description,
                score(
                    phrase,
                    terms,
                    exact=[organization.abbreviation],
                    strong=[organization.abbreviation, organization.name],
                    weak=[organization.description],
                ),
            )
        )
    results.items = sorted(items, key=lambda item: (-item.score, item.kind, item.title))
    if not items:
        results.message = f"Nothing matches “{query}”. Check the spelling, or try fewer or shorter words."
    return results
