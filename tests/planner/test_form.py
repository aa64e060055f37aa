"""The planner's form: its questions are prepared once per set of options, and each student's form is their own."""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.http import QueryDict

from credentials.models import Credential, EducationLevel
from planner.forms import Options, PlannerForm


def options():
    credentials = list(Credential.objects.published().with_details().with_recommendations())
    return Options.from_content(levels=EducationLevel.objects.all(), credentials=credentials)


def test_one_students_answers_and_mistakes_never_reach_the_next_students_form(content):
    shared = options()
    wrong = PlannerForm(QueryDict("education=doctorate&years=-1&held=nope"), options=shared)
    right = PlannerForm(QueryDict("education=associate&held=rhit"), options=shared)
    empty = PlannerForm(None, options=shared)

    assert not wrong.is_valid() and set(wrong.errors) == {"education", "years", "held"}
    assert right.is_valid() and right.errors == {}
    assert right["education"].answer == ["associate"] and right["held"].answer == ["rhit"]
    assert empty["education"].answer == [""] and empty["held"].answer == []
    assert "doctorate" not in str(right["education"].optgroups) + str(empty["education"].optgroups)


def test_a_short_form_leaves_the_full_forms_questions_alone(content):
    shared = options()
    short = PlannerForm(None, options=shared, only={"education"}, with_target=False)
    full = PlannerForm(None, options=shared)
    del short.fields["education"]  # a form may change its own questions

    assert list(PlannerForm(None, options=shared, only={"education"}, with_target=False).fields) == ["education"]
    assert "education" in full.fields and "target" in full.fields
    assert list(PlannerForm(None, options=shared).fields) == list(full.fields)


def test_the_questions_are_prepared_once_for_a_set_of_options(content):
    shared = options()
    first, second = PlannerForm(None, options=shared), PlannerForm(None, options=shared)

    assert first.fields is not second.fields
    assert first.fields["education"] is second.fields["education"]  # the same prepared question, not a copy
    assert PlannerForm(None, options=options()).fields["education"] is not first.fields["education"]


def test_students_answering_at_the_same_moment_each_get_their_own_verdict_on_their_answers(content):
    shared = options()  # as the server shares it between the requests of one content version
    answers = ["education=associate&held=rhit", "education=doctorate", "education=bachelor&years=2.50", "held=ccs"]
    start = threading.Barrier(len(answers) * 4)

    def answer(query):
        start.wait()
        form = PlannerForm(QueryDict(query), options=shared)
        return form.is_valid(), sorted(form.errors), form.query_string() if form.is_valid() else ""

    with ThreadPoolExecutor(len(answers) * 4) as pool:
        results = list(pool.map(answer, answers * 4))

    expected = [
        (True, [], "education=associate&held=rhit"),
        (False, ["education"], ""),
        (True, [], "education=bachelor&experience=unknown&years=2.5"),
        (True, [], "held=ccs"),
    ]
    assert results == expected * 4
