"""Site search in students' words.

Published pages are read in a few queries and matched in Python. Every word is stemmed with the
Snowball English stemmer ("registrars" finds "registrar", "coding" finds "code"), the same way on
SQLite and PostgreSQL, so both give the same answers. A small thesaurus maps how students ask to what
the site knows: "salary", "wage" or "earn" find jobs with their current pay; "tuition" or "price" find
fees and costs; "how long" finds typical times. "RHIT vs CCS" offers that comparison. Results are
grouped by kind, and the steps and credentials a student can act on rank above organizations' pages.

The content is dozens of rows, read in a fixed number of queries per search; were it thousands, this
module is where PostgreSQL full-text search would take over.
"""

import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from django.urls import reverse
from django.utils.text import Truncator

from credentials.models import Credential, Organization
from editorial import version
from editorial.workflow import published_prefetch
from sources.meta import plain_text

from . import current
from .models import EntryEducation, Figure, Occupation, Pathway, Step
from .templatetags.guide_format import span, usd

MAX_QUERY_LENGTH = 100
SNIPPET_WORDS = 40
MAX_TERMS = 8
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
COMPARE_SPLIT = re.compile(r"\s+(?:vs\.?|versus|v\.?|or|against|compared (?:to|with))\s+", re.IGNORECASE)
STEMMER = snowballstemmer.stemmer("english")

# Words that carry no meaning in a question ("how much does it cost" asks about cost).
STOP_WORDS = frozenset(
    " ".join(
        [
            "a an and are as at be become becoming can do does for from get getting how i in is it me much my",
            "need of on the to what whats which who with you your",
        ]
    ).split(" ")
)

# What students ask about, and the words they use for it. A term in one of these matches the pages that
# know the answer (a job's pay, a fee or cost, a typical time) as well as the words themselves.
CONCEPTS = {
    "pay": "pay paid pays salary salaries wage wages earn earns earning earnings income",
    "cost": "cost costs fee fees price prices tuition expensive cheap afford",
    "time": "time long year years month months duration",
}
# Words that mean the same thing to a student, whichever one the page uses.
SYNONYMS = [
    "coder coders coding code codes",
    "tumor tumour",
    "registrar registrars registry",
    "tech technician technicians",
]

FIELD_WEIGHTS = {"name": 10, "alias": 8, "related": 3, "text": 2}
FACT_WEIGHT = 12
UNCONFIRMED_FACT_WEIGHT = 4
EXACT_BONUS = 100
PHRASE_BONUS = 30
# Pages a student can act on first; an organization's page is a dead end for a student.
KINDS = {
    "Credential": ("Credentials", 6),
    "Occupation": ("Jobs", 6),
    "Pathway": ("Pathways", 5),
    "Step": ("Steps", 4),
    "Organization": ("Organizations", 0),
}
COMPARABLE = {
    "Credential": ("guides:compare-credentials", "c"),
    "Occupation": ("guides:compare-occupations", "o"),
    "Pathway": ("guides:compare-pathways", "p"),
}
EXAMPLES = ["RHIT", "medical records technician", "salary", "how long", "exam fee", "RHIT vs CCS"]


@lru_cache(maxsize=20_000)
def stem(word):
    """The word's stem; remembered, since the same few thousand words are stemmed whenever content changes."""
    return STEMMER.stemWord(word.lower().replace("’", "'").removesuffix("'s"))


def words(text):
    return WORD.findall((text or "").lower())


def _groups(table):
    lookup = {}
    for name, spelled in table:
        stems = {stem(word) for word in spelled.split()}
        for word in spelled.split():
            lookup[word] = (name, stems)
            lookup[stem(word)] = (name, stems)
    return lookup


CONCEPT_OF = _groups(CONCEPTS.items())
SYNONYMS_OF = _groups((None, spelled) for spelled in SYNONYMS)


@dataclass
class Term:
    word: str
    stems: set
    concept: str | None = None


@dataclass
class Document:
    kind: str
    title: str
    url: str
    summary: str
    slug: str = ""
    names: set = field(default_factory=set)
    weights: dict = field(default_factory=dict)
    facts: dict = field(default_factory=dict)  # concept -> (the answer in words, its weight)

    def __post_init__(self):
        # What a result shows of the page: its summary as plain text, at most 40 words (worked out once per content
        # version, with the index, rather than for every result of every search).
        self.summary = Truncator(plain_text(self.summary)).words(SNIPPET_WORDS, truncate=" …")

    def add(self, text, weight):
        for word in words(text):
            key = stem(word)
            self.weights[key] = max(self.weights.get(key, 0), FIELD_WEIGHTS[weight])

    def name(self, *values):
        self.names.update(value.strip().lower() for value in values if value and value.strip())


@dataclass
class Result:
    kind: str
    title: str
    url: str
    summary: str
    score: int
    fact: str = ""


@dataclass
class Group:
    kind: str
    label: str
    items: list

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


@dataclass
class Results:
    query: str
    terms: list = field(default_factory=list)
    items: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    message: str = ""
    partial: bool = False
    comparison: dict | None = None
    suggestions: list = field(default_factory=list)
    examples: list = field(default_factory=lambda: list(EXAMPLES))

    def __bool__(self):
        return bool(self.items)

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)


def normalise(query):
    query = " ".join(str(query).replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    return query, [word for word in words(query) if word not in STOP_WORDS][:MAX_TERMS]


def to_terms(raw_words):
    terms = []
    for word in raw_words:
        stems = {stem(word)}
        concept = None
        if word in CONCEPT_OF or stem(word) in CONCEPT_OF:
            concept, alternatives = CONCEPT_OF.get(word) or CONCEPT_OF[stem(word)]
            stems |= alternatives
        if word in SYNONYMS_OF or stem(word) in SYNONYMS_OF:
            stems |= (SYNONYMS_OF.get(word) or SYNONYMS_OF[stem(word)])[1]
        terms.append(Term(word, stems, concept))
    return terms


# ---------------------------------------------------------------------------------------------- the pages


def answer_weight(answer):
    """Pages with a current answer first, then a dated but old one, then an unconfirmed one."""
    if answer.current is None:
        return UNCONFIRMED_FACT_WEIGHT
    return FACT_WEIGHT - 2 if answer.is_stale else FACT_WEIGHT


def pay_fact(occupation):
    answer = current.median_pay(occupation)
    figure = answer.current
    if figure is None:
        latest, label = current.latest_other(answer)
        if latest is None:
            return None
        return (
            f"Median pay: {label} (a {latest.source.get_kind_display().lower()} gives "
            f"{usd(latest.value)} a year, {latest.year or 'undated'})",
            UNCONFIRMED_FACT_WEIGHT,
        )
    source = answer.source.publisher or answer.source.title
    old = f", {answer.age_in_words}" if answer.is_stale else ""
    return f"Median pay: {usd(figure.value)} a year in {answer.year} ({source}{old})", answer_weight(answer)


def fee_fact(credential):
    answer = current.exam_fee(credential)
    fee = answer.current
    if fee is None:
        return "Exam fee: the issuer's current fee is not confirmed on this site", UNCONFIRMED_FACT_WEIGHT
    amounts = []
    if fee.member_amount is not None:
        amounts.append(f"{usd(fee.member_amount)} for members")
    if fee.nonmember_amount is not None:
        amounts.append(f"{usd(fee.nonmember_amount)} for non-members")
    old = f", {answer.age_in_words}: check with {credential.issuer.abbreviation}" if answer.is_stale else ""
    return f"Exam fee: {', '.join(amounts)} ({answer.year}{old})", answer_weight(answer)


def totals_facts(pathway):
    totals = pathway.totals()
    facts = {}
    if totals.duration_min is not None:
        left_out = f" (time not stated for step {', '.join(map(str, totals.untimed_steps))})" * bool(
            totals.untimed_steps
        )
        facts["time"] = (
            f"Typical time: {span(totals.duration_min, totals.duration_max, 'months')}{left_out}",
            FACT_WEIGHT,
        )
    if totals.cost_min is not None:
        left_out = f" (cost not stated for step {', '.join(map(str, totals.uncosted_steps))})" * bool(
            totals.uncosted_steps
        )
        facts["cost"] = f"Typical cost: {span(totals.cost_min, totals.cost_max, 'usd')}{left_out}", FACT_WEIGHT
    return facts


def step_facts(step):
    facts = {}
    if step.duration_min_months is not None:
        facts["time"] = (
            f"Typical time: {span(step.duration_min_months, step.duration_max_months, 'months')}",
            FACT_WEIGHT,
        )
    # The same figure the pathway's total counts: an exam or renewal step costs the credential's current fee.
    low, high, said = step.cost_contribution()
    if low is not None:
        facts["cost"] = f"Typical cost: {span(low, high, 'usd')}", FACT_WEIGHT
    elif said and step.covers:
        facts["cost"] = f"Cost: {said[0].upper()}{said[1:]}", FACT_WEIGHT
    return facts


def documents():
    """Every published page search can find, in seven queries whatever the amount of content."""
    docs = []
    credentials = Credential.objects.published().with_issuer().prefetch_related(*current.credential_prefetches())
    for credential in credentials:
        doc = Document(
            "Credential",
            f"{credential.abbreviation}: {credential.name}",
            credential.get_absolute_url(),
            credential.certifies,
            slug=credential.slug,
        )
        doc.name(
            credential.abbreviation,
            credential.slug,
            credential.name,
            credential.renamed_to,
            *credential.other_names.split(","),
        )
        doc.add(f"{credential.abbreviation} {credential.name}", "name")
        doc.add(f"{credential.other_names} {credential.renamed_to}", "alias")
        doc.add(f"{credential.certifies} {credential.issuer.abbreviation}", "text")
        doc.add("certification exam eligibility renewal", "related")  # what every credential page covers
        doc.facts["cost"] = fee_fact(credential)
        docs.append(doc)

    occupations = Occupation.objects.published().prefetch_related(
        published_prefetch("figures", Figure.objects.select_related("source")),
        published_prefetch("entry_educations", EntryEducation.objects.select_related("source")),
        published_prefetch("preferred_credentials", Credential),
    )
    for occupation in occupations:
        doc = Document(
            "Occupation", occupation.title, occupation.get_absolute_url(), occupation.summary, slug=occupation.slug
        )
        doc.name(occupation.title, occupation.slug, *occupation.alias_list)
        doc.add(occupation.title, "name")
        doc.add(occupation.aliases, "alias")
        doc.add(" ".join(credential.abbreviation for credential in occupation.preferred_credentials.all()), "related")
        doc.add(occupation.summary, "text")
        if pay := pay_fact(occupation):
            doc.facts["pay"] = pay
        docs.append(doc)

    steps = Step.objects.select_related("awards_education").prefetch_related(
        published_prefetch("awards_credential", Credential.objects.with_answers()),
        published_prefetch("requires_credential", Credential.objects.with_answers()),
    )
    pathways = Pathway.objects.published().prefetch_related(
        published_prefetch("occupation", Occupation), published_prefetch("steps", steps.order_by("position"))
    )
    for pathway in pathways:
        doc = Document("Pathway", pathway.title, pathway.get_absolute_url(), pathway.summary, slug=pathway.slug)
        doc.name(pathway.title, pathway.slug)
        doc.add(pathway.title, "name")
        job = getattr(pathway, "occupation", None)  # None while that occupation is a draft
        if job is not None:
            doc.add(job.title, "related")
        doc.add(pathway.summary, "text")
        doc.facts.update(totals_facts(pathway))
        docs.append(doc)
        for step in pathway.steps.all():
            doc = Document(
                "Step",
                f"Step {step.position}: {step.title}",
                step.get_absolute_url(),
                f"In “{pathway.title}”. {step.body}",
            )
            doc.add(step.title, "name")
            doc.add(step.body, "text")
            doc.facts.update(step_facts(step))
            docs.append(doc)

    for organization in Organization.objects.all():
        doc = Document(
            "Organization",
            f"{organization.abbreviation}: {organization.name}",
            organization.get_absolute_url(),
            organization.description,
            slug=organization.slug,
        )
        doc.name(organization.abbreviation, organization.slug, organization.name)
        doc.add(f"{organization.abbreviation} {organization.name}", "name")
        doc.add(organization.description, "text")
        docs.append(doc)
    return docs


# ---------------------------------------------------------------------------------------------- ranking


def score(doc, terms, phrase):
    """(terms matched, score) of one page: names beat titles, titles beat body text; facts answer concepts."""
    matched, total = 0, 0
    for term in terms:
        weight = max((doc.weights.get(alternative, 0) for alternative in term.stems), default=0)
        if term.concept in doc.facts:
            weight = max(weight, doc.facts[term.concept][1])
        if weight:
            matched += 1
            total += weight
    if not matched:
        return 0, 0
    if phrase in doc.names:
        total += EXACT_BONUS
    elif len(phrase.split()) > 1 and phrase in doc.title.lower():
        total += PHRASE_BONUS
    return matched, total + KINDS[doc.kind][1]


def rank(docs, raw_words, phrase):
    """[(doc, score, terms)] of the pages matching every word; else of those matching the most words."""
    terms = to_terms(raw_words)
    scored = [(doc, *score(doc, terms, phrase)) for doc in docs]
    everything = [(doc, total, terms) for doc, matched, total in scored if matched == len(terms)]
    if everything or not terms:
        return everything, False
    best = max(matched for _doc, matched, _total in scored)
    if not best:
        return [], False
    return [(doc, total, terms) for doc, matched, total in scored if matched == best], True


def comparison_offer(parts, docs):
    """{"label", "url"} when every side of "X vs Y" names one thing of the same comparable kind."""
    found = []
    for part in parts:
        name = " ".join(part.lower().split())
        matches = [doc for doc in docs if doc.kind in COMPARABLE and name in doc.names]
        if len(matches) != 1:
            return None
        found.append(matches[0])
    kinds = {doc.kind for doc in found}
    slugs = sorted({doc.slug for doc in found})
    if len(kinds) != 1 or len(slugs) < 2:
        return None
    kind = kinds.pop()
    url_name, parameter = COMPARABLE[kind]
    titles = [doc.title.split(":")[0] for doc in sorted(found, key=lambda doc: doc.slug)]
    return {
        "label": f"Compare {', '.join(titles[:-1])} and {titles[-1]} side by side",
        "url": reverse(url_name) + "?" + "&".join(f"{parameter}={slug}" for slug in slugs),
    }


def suggestions(raw_words, docs):
    """Words from the site's own names that are close to what was typed."""
    vocabulary = sorted({word for doc in docs for name in doc.names for word in words(name) if len(word) > 2})
    vocabulary += [word for spelled in (*CONCEPTS.values(), *SYNONYMS) for word in spelled.split()]
    close = []
    for word in raw_words:
        for candidate in difflib.get_close_matches(word, vocabulary, n=2, cutoff=0.75):
            if candidate != word and candidate not in close:
                close.append(candidate)
    return close[:4]


def search(raw_query):
    query, raw_words = normalise(raw_query)
    results = Results(query=query, terms=raw_words)
    if not query:
        return results
    if not raw_words:
        results.message = "Try words or abbreviations, such as “RHIT” or “medical records”."
        return results
    # The index is the same for every query until content changes: built once per content version.
    docs = version.memoize("search:documents", documents)
    parts = [part for part in COMPARE_SPLIT.split(query) if part.strip()]
    best = {}
    if len(parts) > 1:
        results.comparison = comparison_offer(parts, docs)
        for part in parts:
            part_words = [word for word in words(part) if word not in STOP_WORDS]
            for doc, total, terms in rank(docs, part_words, " ".join(words(part)))[0]:
                if total > best.get(id(doc), (None, 0))[1]:
                    best[id(doc)] = (doc, total, terms)
    else:
        found, results.partial = rank(docs, raw_words, " ".join(words(query)))
        best = {id(doc): (doc, total, terms) for doc, total, terms in found}

    items = []
    for doc, total, terms in best.values():
        concepts = [term.concept for term in terms if term.concept in doc.facts]
        fact = " · ".join(dict.fromkeys(doc.facts[concept][0] for concept in concepts))
        items.append(Result(doc.kind, doc.title, doc.url, doc.summary, total, fact))
    results.groups = group(sorted(items, key=lambda item: (-item.score, list(KINDS).index(item.kind), item.title)))
    results.items = [item for found in results.groups for item in found]
    if not items:
        results.message = f"Nothing matches “{query}”."
        results.suggestions = suggestions(raw_words, docs)
    elif results.partial:
        results.message = "No page has all of those words; these pages have some of them."
    return results


def group(items):
    """Results by kind, the kind with the best match first; organizations last unless named exactly."""
    groups = {}
    for item in items:
        groups.setdefault(item.kind, []).append(item)

    def order(kind):
        top = groups[kind][0].score
        dead_end = kind == "Organization" and top < EXACT_BONUS
        return (dead_end, -top, list(KINDS).index(kind))

    return [Group(kind, KINDS[kind][0], groups[kind]) for kind in sorted(groups, key=order)]
