from collections import defaultdict

from django.apps import apps

from .models import Cited


def cited_models():
    return [model for model in apps.get_models() if issubclass(model, Cited)]


def facts_by_source():
    """{source id: [(kind of fact, fact), …]} across every model that cites a source: one query per model."""
    facts = defaultdict(list)
    for model in cited_models():
        for fact in model.objects.select_related():
            facts[fact.source_id].append((model._meta.verbose_name, fact))
    return facts
