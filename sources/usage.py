from collections import defaultdict

from editorial import registry
from editorial.workflow import stable_order

from .models import Source


def citing_fields():
    """(model, field) for every foreign key from content to a source: each one is a citation."""
    return [
        (model, field)
        for model in registry.content_models()
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is Source
    ]


def facts_by_source():
    """{source id: [(kind of fact, fact, quote), …]} of published facts, across every citation of a source.

    One query per citing field. A fact of a draft (a draft pathway's steps, a draft occupation's statements)
    is left out: `select_related()` follows only the links that `published()` has just checked, or plain
    references. A credential's new name, an organization's description and so on count as facts too.
    """
    facts = defaultdict(list)
    for model, field in citing_fields():
        quote_field = "quote" if field.name == "source" else field.name.replace("_source", "_quote")
        kind = (
            model._meta.verbose_name if field.name == "source" else f"{model._meta.verbose_name}, {field.verbose_name}"
        )
        rows = model.objects.published().filter(**{f"{field.name}__isnull": False}).select_related()
        for fact in stable_order(rows):
            facts[getattr(fact, field.attname)].append((kind, fact, getattr(fact, quote_field, "")))
    return facts
