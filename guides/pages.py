"""What the occupation page shows beyond its rows: quick facts and the pay overview, from current answers.

Plain functions over an occupation's `answers()` (sources.answers): no queries, nothing a template
could not read, so the page template only lays out what is here.
"""

from dataclasses import dataclass, field

from sources.answers import Answer

from . import charts
from .models import Figure


@dataclass
class QuickFact:
    label: str
    answer: Answer
    extra: str = ""  # said after the value, e.g. the hourly pay


@dataclass
class FactSource:
    """A source behind some quick facts: named once under the box, with where to check for newer figures."""

    source: object
    measures: list = field(default_factory=list)
    stale: bool = False


def quick_facts(answers):
    """One current value per question a student asks first, in the order they ask them."""
    pay, hourly = answers["median_pay"], answers["median_hourly_pay"]
    extra = ""
    if pay and hourly and hourly.year == pay.year:
        extra = f"({hourly.current.value_display.replace('per hour', 'an hour')})"
    return [
        QuickFact("Median pay", pay, extra),
        QuickFact("Typical entry-level education", answers["entry_education"]),
        QuickFact("Number of jobs", answers["employment"]),
        QuickFact("Projected growth", answers["growth"]),
    ]


def fact_sources(facts):
    """The sources of the quick facts that have a current answer, each once, in order of first use."""
    by_source = {}
    for fact in facts:
        if not fact.answer:
            continue
        entry = by_source.setdefault(fact.answer.source.pk, FactSource(source=fact.answer.source))
        entry.measures.append(fact.label.lower())
        entry.stale = entry.stale or fact.answer.is_stale
    return list(by_source.values())


def pay_overview(answers):
    """The pay section: the current median, a history chart with it highlighted, and the newest percentiles."""
    pay = answers["median_pay"]
    usable = [row for row in pay.rows if row.standing not in (Figure.Standing.SUPERSEDED, Figure.Standing.DISPUTED)]
    # One point a year, from an official source where there is one: the chart shows a trend, not every copy.
    by_year = {}
    for row in sorted(usable, key=lambda row: (row.is_official, row is pay.current)):
        if row.year:
            by_year[row.year] = row
    points = [(year, row.value) for year, row in sorted(by_year.items())]
    with_percentiles = [row for row in usable if len(row.percentiles) > 2 and row.year]
    newest = max(with_percentiles, key=lambda row: row.year) if with_percentiles else None
    return {
        "answer": pay,
        "history": charts.history_chart(points, highlight=pay.year if pay else None),
        "history_rows": [row for _year, row in sorted(by_year.items(), reverse=True)],
        "percentiles": newest,
        "percentile_chart": charts.bar_chart(newest.percentiles, highlight="Median") if newest else None,
    }
