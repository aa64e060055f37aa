from collections import defaultdict

from django.apps import apps

from editorial.workflow import stable_order

from .models import Cited


def cited_models():
    return [model for model in apps.get_models() if issubclass(model, Cited)]


def facts_by_source():
    """{source id: [(kind of fact, fact), …]} of published facts, across every model that cites a source.

    One query per model. A fact of a draft (a draft pathway's steps, a draft occupation's statements) is left
    out: `select_related()` follows only the links that `published()` has just checked, or plain references.
    """
    facts = defaultdict(list)
    for model in cited_models():
        for fact in stable_order(model.objects.published().select_related()):
            facts[fact.source_id].append((model._meta.verbose_name, fact))
    return facts
