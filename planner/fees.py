"""The current exam fee of a credential, for the planner's totals.

This follows the rule of the site's current-answer API (CONTRACTS §2): the newest dated fee from an official
source (the issuer's own pages) is current; a fee from a career article is never used as current, however
recent, and neither is an undated one (nobody can tell whether it still holds).
It reads prefetched rows only and answers with the same attributes as `sources.answers.Answer`
(`current`, `others`, `year`, `source`, `is_stale`, `age_in_words`), so the planner switches to
`credential.answers().exam_fee` by changing `exam_fee` below when that API is on main.
"""

import re
from dataclasses import dataclass, field

from django.utils import timezone

from credentials.models import FeeKind
from sources.models import Source

STALE_AFTER_YEARS = 3
YEAR = re.compile(r"\b(19|20)\d\d\b")


def fee_year(fee):
    """The year a fee applied: its source's year, else a year written in its "as of"; None when undated."""
    if fee.source.year:
        return fee.source.year
    found = YEAR.search(fee.as_of or "")
    return int(found.group()) if found else None


@dataclass(frozen=True)
class FeeAnswer:
    current: object = None
    others: list = field(default_factory=list)
    today_year: int | None = None

    @property
    def year(self):
        return fee_year(self.current) if self.current else None

    @property
    def source(self):
        return self.current.source if self.current else None

    @property
    def age(self):
        if self.year is None or self.today_year is None:
            return None
        return self.today_year - self.year

    @property
    def is_stale(self):
        return self.age is not None and self.age > STALE_AFTER_YEARS

    @property
    def age_in_words(self):
        if self.age is None:
            return ""
        return f"{self.age} year{'s' if self.age != 1 else ''} old"


def exam_fee(credential, *, today=None):
    """The exam fee to count in a plan, with every other fee row and why it is not the one counted."""
    fees = [fee for fee in credential.fees.all() if fee.kind == FeeKind.EXAM]
    dated = [fee for fee in fees if fee.source.kind == Source.Kind.OFFICIAL and fee_year(fee) is not None]
    current = max(dated, key=fee_year, default=None)
    others = []
    for fee in fees:
        if fee is current:
            continue
        others.append((fee, "older" if fee.source.kind == Source.Kind.OFFICIAL else "not confirmed by the issuer"))
    year = (today or timezone.localdate()).year
    return FeeAnswer(current=current, others=others, today_year=year)
