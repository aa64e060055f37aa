"""The one current answer a page shows for a measure, read through the answers API (CONTRACTS.md §2).

Search, the home page, credential cards and comparisons show "what it pays" and "what the exam costs
now" through these few functions only. They use `Occupation.answers()` / `Credential.answers()` when
the content models have them, and until then apply the same rule to the prefetched rows themselves:
an advisor's CURRENT wins, else the newest row from an official source (issuer or BLS) that is not
superseded or disputed. Nothing here queries: callers prefetch figures and fees with their sources.
"""

import re
from dataclasses import dataclass, field

from django.utils import timezone

STALE_AFTER_YEARS = 3
YEAR = re.compile(r"\b(19|20)\d{2}\b")


@dataclass
class Answer:
    """The shape of `sources.answers.Answer`, for the fallback below."""

    current: object = None
    others: list = field(default_factory=list)
    year: int | None = None
    source: object = None

    @property
    def is_stale(self):
        return self.year is not None and timezone.now().year - self.year > STALE_AFTER_YEARS

    @property
    def age_in_words(self):
        if self.year is None:
            return ""
        age = timezone.now().year - self.year
        return f"{age} year{'s' if age != 1 else ''} old"


def row_year(row):
    """The year a fact row is for: its own year, else one named in its "as of", else its source's."""
    year = getattr(row, "year", None)
    if year:
        return year
    as_of = getattr(row, "as_of", "") or ""
    found = None if as_of.lower().startswith("undated") else YEAR.search(as_of)
    return int(found.group(0)) if found else row.source.year


def pick(rows):
    """The current row among versions of one measure, by the rule in CONTRACTS.md §2."""
    rows = list(rows)
    chosen = next((row for row in rows if getattr(row, "standing", "") == "current"), None)
    if chosen is None:
        official = [
            row
            for row in rows
            if row.source.kind == "official" and getattr(row, "standing", "") not in ("superseded", "disputed")
        ]
        dated = [row for row in official if row_year(row)]
        chosen = max(dated, key=row_year) if dated else None
    if chosen is None:
        return Answer(others=rows)
    return Answer(
        current=chosen, others=[row for row in rows if row is not chosen], year=row_year(chosen), source=chosen.source
    )


def median_pay(occupation):
    """The current median annual pay of an occupation (figures prefetched with their sources)."""
    if hasattr(occupation, "answers"):
        return occupation.answers()["median_pay"]
    return pick(
        figure for figure in occupation.figures.all() if figure.measure == "median_pay" and figure.unit == "usd_year"
    )


def exam_fee(credential):
    """The current exam fee of a credential (fees prefetched with their sources)."""
    if hasattr(credential, "answers"):
        return credential.answers().exam_fee
    return pick(fee for fee in credential.fees.all() if fee.kind == "exam")


def exam(credential):
    """The current description of a credential's exam (exams prefetched with their sources)."""
    if hasattr(credential, "answers"):
        return credential.answers().exam
    return pick(row for row in credential.exams.all() if row.duration_minutes or row.question_count_display)


def renewal(credential):
    """The current renewal rule of a credential (renewals prefetched with their sources)."""
    if hasattr(credential, "answers"):
        return credential.answers().renewal
    return pick(row for row in credential.renewals.all() if row.cycle_years or row.ce_hours)


def recertification_fee(credential):
    if hasattr(credential, "answers"):
        return credential.answers().recertification_fee
    return pick(fee for fee in credential.fees.all() if fee.kind == "recertification")


def latest_other(answer):
    """The newest row that is not the current answer (for "not confirmed: a career article says …")."""
    return max(answer.others, key=lambda row: row_year(row) or 0, default=None)
