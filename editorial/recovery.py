"""Deleting is recoverable, links included.

Just before any content object is deleted on its own (not as part of its owner), a snapshot keeps the
object, everything deleted with it, and every many-to-many link that touches any of them, from either side.
Restoring puts back the same rows with the same keys and dates, then every link whose other end still
exists: an occupation's preferred credential, RHIT's "leads to", a route's "any of CCS".
"""

import datetime
import decimal
import json

from django.apps import apps
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from simple_history.models import HistoricalRecords

from . import content_io, registry
from .models import DeletedContent

RESTORED = "Restored after deletion"


class ExactEncoder(DjangoJSONEncoder):
    """Like Django's, but keeps times to the microsecond: a restored "last updated" is the same instant."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            return o.isoformat()
        if isinstance(o, decimal.Decimal):
            return str(o)
        return super().default(o)


def _dump(value):
    return json.dumps(value, cls=ExactEncoder)


class RestoreError(Exception):
    """The deleted content cannot come back as it was; nothing was changed."""


def link_tables():
    """The tables behind many-to-many fields between content models (their rows are links, not content)."""
    tables = []
    for model in registry.content_models():
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created and through not in tables:
                tables.append(through)
    return tables


def links_to(objects):
    """[(table label, row)] for every many-to-many link that touches one of `objects`, from either side."""
    pks = {}
    for obj in objects:
        pks.setdefault(type(obj), set()).add(obj.pk)
    rows = {}
    for table in link_tables():
        for column in table._meta.fields:
            if column.is_relation and column.related_model in pks:
                for row in table._default_manager.filter(
                    **{f"{column.attname}__in": pks[column.related_model]}
                ).values():
                    rows[(table._meta.label, row["id"])] = row
    return [{"table": label, "row": row} for (label, _id), row in rows.items()]


def _current_user():
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def snapshot_before_delete(sender, instance, origin=None, **kwargs):
    """pre_delete: keep what an advisor deletes. Rows deleted along with their owner are in the owner's snapshot."""
    if not registry.is_content(sender) or sender._meta.auto_created or not hasattr(sender, "history"):
        return
    on_its_own = origin is instance or (isinstance(origin, models.QuerySet) and origin.model is sender)
    if not on_its_own:
        return
    objects = content_io.with_children([instance])
    DeletedContent.objects.create(
        label=sender._meta.label,
        object_id=instance.pk,
        title=str(instance)[:300],
        deleted_by=_current_user(),
        objects_json=_dump(serializers.serialize("python", objects)),
        links_json=_dump(links_to(objects)),
    )


def deleted_records(labels=None, limit=100):
    """Deletions not restored yet, newest first (optionally only of the given kinds)."""
    records = DeletedContent.objects.filter(restored_at__isnull=True)
    if labels is not None:
        records = records.filter(label__in=labels)
    return list(records[:limit])


@transaction.atomic
def restore(record, *, user=None):
    """Put back what one deletion took away, with the same keys, dates and links. Returns the object."""
    if record.restored_at is not None:
        raise RestoreError(f"“{record.title}” was already restored.")
    restored = []
    try:
        for item in serializers.deserialize("python", json.loads(record.objects_json)):
            model = type(item.object)
            if model._default_manager.filter(pk=item.object.pk).exists():
                raise RestoreError(f"{model._meta.verbose_name.capitalize()} “{item.object}” exists again already.")
            item.m2m_data = {}  # links come back below, from both sides
            with transaction.atomic():
                item.save()
            restored.append(item.object)
    except IntegrityError as error:
        raise RestoreError(
            f"“{record.title}” cannot come back as it was: something added since uses the same name or number. "
            "Rename or remove that first."
        ) from error
    for link in json.loads(record.links_json):
        table = apps.get_model(link["table"])
        row = link["row"]
        ends = [field for field in table._meta.fields if field.is_relation]
        if all(end.related_model._default_manager.filter(pk=row[end.attname]).exists() for end in ends):
            table._default_manager.bulk_create([table(**row)], ignore_conflicts=True)
    for model in dict.fromkeys(type(obj) for obj in restored):
        model.history.bulk_history_create(
            [obj for obj in restored if type(obj) is model], default_change_reason=RESTORED, default_user=user
        )
    record.restored_at = timezone.now()
    record.save(update_fields=["restored_at"])
    return restored[0]
