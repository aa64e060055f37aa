"""The one current answer a page shows for a measure, read through sources.answers (CONTRACTS.md §2).

Search, the home page, credential cards, comparisons and preview images ask these few functions, so that
they all show the same value with the same year. Callers prefetch what the answers are built from
(`Occupation.objects.with_facts()`, a credential's exams, fees and renewals with their sources).
"""

from credentials.models import Exam, Fee, Renewal
from editorial.workflow import published_prefetch
from sources.answers import Answer

__all__ = [
    "Answer",
    "credential_prefetches",
    "exam_fee",
    "exam_length",
    "latest_other",
    "median_pay",
    "recertification_fee",
    "renewal",
]


def median_pay(occupation):
    """The current median annual pay of an occupation."""
    return occupation.answers()["median_pay"]


def exam_fee(credential):
    return credential.answers().exam_fee


def exam_length(credential):
    """The current number of questions and time allowed."""
    return credential.answers().exam_length


def renewal(credential):
    return credential.answers().renewal


def recertification_fee(credential):
    return credential.answers().recertification_fee


def latest_other(answer):
    """The newest row that is not the current answer, with why not ("older", "not confirmed"…), or (None, "")."""
    return next(iter(answer.others), (None, ""))


def credential_prefetches():
    """What `Credential.answers()` is built from: the exams, fees and renewals, with their sources."""
    return [
        published_prefetch(name, model.objects.select_related("source"))
        for name, model in (("exams", Exam), ("fees", Fee), ("renewals", Renewal))
    ]
