"""Export content as JSON and import it back: backups and review copies.

The format is Django's serialization with natural keys (slugs), so a file reads like the fixtures
and imports into any careerpath database. The models come from the registry, by label.
"""

from itertools import chain

from django.apps import apps
from django.core import serializers
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models, transaction

from editorial import registry


def _serialize(objects):
    return serializers.serialize(
        "json", objects, indent=2, use_natural_foreign_keys=True, use_natural_primary_keys=True
    )


def export_content():
    """Everything: every registered content model, parents first, slug redirects included."""
    querysets = (model._default_manager.order_by("pk") for model in registry.content_models())
    return _serialize(chain.from_iterable(querysets))


def owned_relations(model):
    """The relations to content that belongs to a `model` object and goes with it (a pathway's steps)."""
    return [
        relation
        for relation in model._meta.related_objects
        if relation.one_to_many and relation.on_delete is models.CASCADE and registry.is_content(relation.related_model)
    ]


def with_children(objects):
    """The objects, then everything they own (steps, routes and their requirements…), parents first."""
    found, level = [], sorted(objects, key=lambda obj: (obj._meta.label, obj.pk))
    while level:
        found.extend(level)
        children = []
        for model in dict.fromkeys(type(obj) for obj in level):
            parents = [obj for obj in level if type(obj) is model]
            for relation in owned_relations(model):
                rows = relation.related_model._default_manager.filter(**{f"{relation.field.name}__in": parents})
                children.extend(rows.order_by("pk"))
        level = children
    return found


def export_objects(objects):
    """Some pathways, occupations or credentials with everything they own; what they link to goes by slug."""
    return _serialize(with_children(objects))


class ContentImportError(Exception):
    """The file could not be imported; nothing was changed."""


def _check_allowed(item):
    """Only guide content may be imported: never users, groups, permissions, sessions or login records."""
    label = item.object._meta.label
    if label not in registry.labels():
        raise ContentImportError(
            f"This file contains a {item.object._meta.verbose_name} ({label}), which is not guide content. "
            "Only content exported from careerpath can be imported; nothing was changed."
        )


def _validate(item):
    """Field by field, as the admin form would: a `javascript:` address or an over-long title is refused."""
    obj = item.object
    try:
        # Uniqueness and constraints are left to the database: a pathway's imported steps may swap positions.
        obj.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        problems = "; ".join(
            f"{obj._meta.get_field(name).verbose_name if name != NON_FIELD_ERRORS else 'it'}: {' '.join(messages)}"
            for name, messages in error.message_dict.items()
        )
        raise ContentImportError(f"{obj._meta.verbose_name.capitalize()} “{obj}” is not valid: {problems}") from error


@transaction.atomic
def import_content(text):
    """Create or update every object in an exported file; all or nothing. Returns how many were saved.

    A pathway's steps are replaced by the file's: steps added since the export are removed, and the
    file's order is restored even where it swaps positions.
    """
    step_model = apps.get_model("guides.Step")
    saved, steps = [], []
    try:
        # Deserialize lazily so that a step's pathway, saved just before it, is found by its slug.
        for item in serializers.deserialize("json", text, handle_forward_references=True):
            _check_allowed(item)
            if isinstance(item.object, step_model):
                steps.append(item)
            else:
                _validate(item)
                item.save()
                saved.append(item)
    except (serializers.base.DeserializationError, ValueError) as error:
        raise ContentImportError(f"This is not a careerpath export: {error}") from error
    by_pathway = {}
    for item in steps:
        by_pathway.setdefault(item.object.pathway_id, []).append(item.object.pk)
    for pathway_id, keep in by_pathway.items():
        current = step_model.objects.filter(pathway_id=pathway_id)
        current.exclude(pk__in=keep).delete()
        current.update(position=models.F("position") + 10000)
    for item in steps:
        _validate(item)
        item.save()
    for item in [*saved, *steps]:
        if item.deferred_fields:
            item.save_deferred_fields()
    return len(saved) + len(steps)
