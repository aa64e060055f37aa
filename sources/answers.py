"""Current answers: for each question a student asks, the one value a page shows as true today.

Sources state the same fact differently over the years (median pay in 2008, 2015, 2020; a fee in 2019 and
2024; a renewal rule an article gets wrong). Every row is kept with its citation; this module decides which
one is the current answer and labels all the others. It is pure: it reads rows already loaded (with their
`source`) and runs no queries, so pages, comparisons, totals, previews, JSON-LD and the planner can all
use it at no cost.

Standing (``sources.models.Standing``, a field on every versioned fact row, with ``standing_note``, the
reason, and ``year``, a sortable year):

- ``AUTO`` (""): the rule decides.
- ``CURRENT``: an advisor's override, with a stated reason. At most one per question.
- ``SUPERSEDED``: an older rule or figure that was replaced (the reason says by what).
- ``DISPUTED``: a source that disagrees with the official one (the reason says what the official one says).

The rule (``current_answer``):

1. A row an advisor marked CURRENT wins.
2. Otherwise, the newest *dated* row from an official source (the issuer or BLS) that is neither
   superseded nor disputed. Undated rows are never chosen by the rule: nobody can tell whether they are
   current, so an advisor has to vouch for one (CURRENT, with a reason).
3. Otherwise there is no current answer (``Answer.current is None``, and the answer is falsy): pages say
   that our sources have no current figure, and show the others.

Every other row is in ``Answer.others`` as ``(row, label)``, newest first, with label one of
``OLDER`` ("older"), ``SUPERSEDED`` ("superseded"), ``DISPUTED`` ("disputed"), ``NOT_CONFIRMED``
("not confirmed": an article or a copy, and not older than the current answer) or ``SET_ASIDE``
("set aside": an official row newer than an advisor's override). None of them is ever used as current:
not in totals, comparisons, previews, JSON-LD or the planner.

``Answer`` (what consumers read):

- ``current``: the row, or None. ``bool(answer)`` is whether there is one.
- ``others``: list of (row, label), newest first, undated last.
- ``year``, ``as_of``, ``source``: of the current row (None / "" when there is none).
- ``age``: whole years between the current row's date and today (None when undated or none).
- ``is_stale``: older than three years (``STALE_AFTER_YEARS``); ``age_in_words``: "6 years old".
- ``check_url``: where a reader can check today's value (the source's live page).
- ``reason``: the advisor's reason when the current row is an override; ``is_override``.
- ``rows``: current first, then the others (every row, for a disclosure listing all versions).

Where the answers are built (each a dict or object of ``Answer``):

- ``Occupation.answers(today=None)`` (guides.models), a dict keyed by measure: "median_pay" (annual),
  "median_hourly_pay", "employment", "growth", "entry_education", "programs".
- ``Credential.answers(today=None)`` (credentials.models), a ``CredentialAnswers`` with
  ``exam`` (format and delivery), ``exam_length`` (questions and time), ``exam_fee``,
  ``recertification_fee``, ``maintenance_fee``, ``additional_credential_fee``, ``renewal`` (the rule:
  how much continuing education a cycle needs), plus ``exam_details`` and ``renewal_details`` (current
  rows that add to the exam or the rule without restating it, newest first) and ``eligibility_summary``.

Both need their rows prefetched with sources: ``Occupation.objects.with_facts()`` and
``Credential.objects.with_details()`` do it.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from .models import Standing

STALE_AFTER_YEARS = 3

OLDER = "older"
SUPERSEDED = "superseded"
DISPUTED = "disputed"
NOT_CONFIRMED = "not confirmed"
SET_ASIDE = "set aside"

LABEL_HELP = {
    OLDER: "an older figure",
    SUPERSEDED: "replaced by a newer rule or figure",
    DISPUTED: "an official source says otherwise",
    NOT_CONFIRMED: "not confirmed by the issuer or BLS",
    SET_ASIDE: "an advisor chose another value",
}


def _newest_first(row):
    return (row.year is None, -(row.year or 0))


@dataclass
class Answer:
    current: object = None
    others: list = field(default_factory=list)
    today: date | None = None

    def __bool__(self):
        return self.current is not None

    @property
    def rows(self):
        return ([self.current] if self.current is not None else []) + [row for row, _label in self.others]

    @property
    def year(self):
        return getattr(self.current, "year", None)

    @property
    def as_of(self):
        return getattr(self.current, "as_of", "")

    @property
    def source(self):
        return getattr(self.current, "source", None)

    @property
    def is_override(self):
        return self.current is not None and self.current.standing == Standing.CURRENT

    @property
    def reason(self):
        return self.current.standing_note if self.is_override else ""

    @property
    def age(self):
        dated = getattr(self.current, "dated_year", None)
        if dated is None:
            return None
        today = self.today or timezone.localdate()
        return max(today.year - dated, 0)

    @property
    def is_stale(self):
        return self.age is not None and self.age > STALE_AFTER_YEARS

    @property
    def age_in_words(self):
        age = self.age
        if age is None:
            return ""
        if age == 0:
            return "from this year"
        return f"{age} year{'s' if age != 1 else ''} old"

    @property
    def check_url(self):
        source = self.source
        if source is None:
            return ""
        return getattr(source, "check_url", "") or source.url


def current_answer(rows, *, today=None):
    """The current answer among `rows` (versioned facts with their source loaded), and the rest labelled."""
    rows = sorted(rows, key=_newest_first)
    chosen = [row for row in rows if row.standing == Standing.CURRENT]
    if chosen:
        current = chosen[0]
    else:
        candidates = [row for row in rows if row.standing == Standing.AUTO and row.is_official and row.year]
        current = candidates[0] if candidates else None
    others = [(row, label_for(row, current)) for row in rows if row is not current]
    return Answer(current=current, others=others, today=today)


def label_for(row, current):
    """Why `row` is not the current answer, in a word or two."""
    if row.standing == Standing.SUPERSEDED:
        return SUPERSEDED
    if row.standing == Standing.DISPUTED:
        return DISPUTED
    newer_than_current = current is not None and row.year and (current.year is None or row.year > current.year)
    if row.is_official:
        return SET_ASIDE if newer_than_current else OLDER
    if current is not None and current.year and row.year and row.year < current.year:
        return OLDER
    return NOT_CONFIRMED


def current_only(rows):
    """Rows that still apply (neither superseded nor disputed), newest first: details that sit beside an answer."""
    return sorted(
        (row for row in rows if row.standing not in (Standing.SUPERSEDED, Standing.DISPUTED)), key=_newest_first
    )


CURRENT = "current"
CURRENT_BY_ADVISOR = "current (an advisor's choice)"


def shown_as(answer):
    """{row: how pages show it} for every row of one answer: "current", or why it is not."""
    labels = {row.pk: label for row, label in answer.others}
    if answer.current is not None:
        labels[answer.current.pk] = CURRENT_BY_ADVISOR if answer.is_override else CURRENT
    return labels
