""" "Published only" holds for related content by construction: pages fetch related content through one
helper (`editorial.workflow.published_prefetch`), never through a bare lookup that would bring drafts along.

The crawl in test_drafts_stay_drafts.py shows no draft reaches a page today; this test keeps the next query
written from opening the door: any `prefetch_related("a__b")` in the apps' code that passes through a model
with a workflow (or owned by one) fails here, naming the file and line.
"""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db.models import Q

from editorial.workflow import published_filter, published_prefetch

APPS = ["credentials", "editorial", "guides", "planner", "sharing", "sources", "delivery"]


def bare_prefetches():
    """(file:line, lookup) for every string passed to prefetch_related() in the apps' code."""
    found = []
    for app in APPS:
        for path in sorted((Path(settings.BASE_DIR) / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "prefetch_related":
                    found += [
                        (f"{path.relative_to(settings.BASE_DIR)}:{node.lineno}", arg.value)
                        for arg in node.args
                        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    ]
    return found


def models_reached(lookup):
    """Every model a lookup such as "course_list__items__course" can reach, from any model that has its first
    relation (the code does not say which model it starts from)."""
    first, *rest = lookup.split("__")
    reached = set()
    for model in apps.get_models():
        try:
            field = model._meta.get_field(first)
        except Exception:  # noqa: BLE001 - this model has no such relation
            continue
        if not field.is_relation:
            continue
        target = field.related_model
        reached.add(target)
        for name in rest:
            target = target._meta.get_field(name).related_model
            reached.add(target)
    return reached


def test_every_bare_prefetch_reaches_only_content_without_a_workflow():
    leaks = [
        f"{where}: prefetch_related({lookup!r}) reaches {model._meta.label}, which has drafts; use published_prefetch"
        for where, lookup in bare_prefetches()
        for model in models_reached(lookup)
        if published_filter(model) != Q()
    ]
    assert leaks == [], "\n".join(leaks)


def test_the_check_catches_a_bare_prefetch_of_draftable_content():
    # The scan must be able to fail: a credential's steps, fetched bare, would include draft pathways' steps.
    assert any(published_filter(model) != Q() for model in models_reached("steps_awarding"))
    assert bare_prefetches(), "the scan found no prefetch_related() call at all: is it reading the code?"


def test_the_helper_filters_what_a_bare_lookup_would_not():
    prefetch = published_prefetch("steps_awarding", apps.get_model("guides", "Step"))
    assert "status" in str(prefetch.queryset.query)
