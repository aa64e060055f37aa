"""Deleting is recoverable: every content model keeps history, and a deleted object comes back with
the children that were deleted with it (a pathway's steps, a credential's routes and requirements…)."""

import datetime

from django.apps import apps
from django.db import models, transaction

from editorial import registry

# Children deleted within this window of their parent are taken to have gone with it.
SAME_DELETE = datetime.timedelta(minutes=1)


def deleted_records(labels=None, limit=50):
    """The latest deletion record of each deleted object that has not been restored, newest first."""
    records = []
    for label in labels or registry.recoverable_labels():
        model = apps.get_model(label)
        deletions = model.history.filter(history_type="-").order_by("-history_date")[: limit * 2]
        gone = {record.id for record in deletions} - set(
            model.objects.filter(pk__in=[record.id for record in deletions]).values_list("pk", flat=True)
        )
        seen = set()
        for record in deletions:
            if record.id in gone and record.id not in seen:
                seen.add(record.id)
                record.label, record.kind = label, model._meta.verbose_name
                records.append(record)
    return sorted(records, key=lambda record: record.history_date, reverse=True)[:limit]


@transaction.atomic
def restore(record):
    """Bring a deleted object back as it was when deleted, with the children deleted alongside it."""
    instance = record.instance
    instance._change_reason = "Restored after deletion"
    instance.save()
    for relation in instance._meta.related_objects:
        child_model = relation.related_model
        if not (relation.one_to_many and relation.on_delete is models.CASCADE and hasattr(child_model, "history")):
            continue
        deletions = child_model.history.filter(
            history_type="-",
            history_date__range=(record.history_date - SAME_DELETE, record.history_date + SAME_DELETE),
            **{relation.field.attname: instance.pk},
        )
        existing = set(
            child_model.objects.filter(pk__in=[child.id for child in deletions]).values_list("pk", flat=True)
        )
        for child in deletions:
            if child.id not in existing:
                existing.add(child.id)
                restore(child)
    return instance
