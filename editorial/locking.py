"""Nobody loses an edit: a content form saved from an outdated version is refused, saying what changed.

The change form carries a version token: when it was opened and a fingerprint of the object with
everything it owns (a pathway with its steps and tips, their order, its links). Saving compares it with
the object as it is now; if someone saved in between, the save is refused with who changed what and when.
"""

import datetime
import hashlib
import json

from django.core import serializers
from django.utils import timezone

from . import content_io
from .recovery import ExactEncoder

# Bookkeeping, not an advisor's edit.
IGNORED_FIELDS = {"updated_at"}


def fingerprint(obj):
    rows = serializers.serialize("python", content_io.with_children([type(obj)._default_manager.get(pk=obj.pk)]))
    return hashlib.sha256(json.dumps(rows, cls=ExactEncoder, sort_keys=True).encode()).hexdigest()[:32]


def version_token(obj):
    return f"{timezone.now().timestamp():.6f}:{fingerprint(obj)}"


def _parse(token):
    opened, _, digest = (token or "").partition(":")
    try:
        return datetime.datetime.fromtimestamp(float(opened), tz=datetime.UTC), digest
    except ValueError:
        return None, ""


def owned_records(obj, since=None):
    """History records of what `obj` owns (current or removed), oldest first; only those after `since`."""
    records = []
    for relation in content_io.owned_relations(type(obj)):
        child = relation.related_model
        if hasattr(child, "history"):
            found = child.history.filter(**{relation.field.attname: obj.pk})
            records += found.filter(history_date__gt=since) if since is not None else found
    return sorted(records, key=lambda record: record.history_date)


def _records_since(obj, since):
    """History records of the object and of what it owns (current or removed), saved after `since`."""
    records = list(type(obj).history.filter(id=obj.pk, history_date__gt=since)) if hasattr(obj, "history") else []
    return sorted(records + owned_records(obj, since), key=lambda record: record.history_date)


def describe(record, *, with_who=True):
    model = record.instance_type
    what = model._meta.verbose_name
    name = f"{what} “{record.instance}”"
    if record.history_type == "+":
        change = f"added {name}"
    elif record.history_type == "-":
        change = f"removed {name}"
    else:
        previous = record.prev_record
        fields = []
        if previous is not None:
            fields = [f for f in record.diff_against(previous).changed_fields if f not in IGNORED_FIELDS]
        labels = [str(model._meta.get_field(field).verbose_name) for field in fields]
        change = f"changed {', '.join(labels) or 'nothing visible'} of {name}"
    if not with_who:
        return change[0].upper() + change[1:]
    who = record.history_user.get_username() if record.history_user else "someone"
    return f"{who} at {timezone.localtime(record.history_date):%H:%M} {change}"


def conflict(obj, token):
    """None if `obj` is as it was when the form was opened, else a plain message saying who changed what."""
    opened, digest = _parse(token)
    if opened is None or digest == fingerprint(obj):
        return None
    records = _records_since(obj, opened)
    when = f" at {timezone.localtime(records[-1].history_date):%H:%M}" if records else ""
    what = "; ".join(describe(record) for record in records) or "the change was not recorded"
    return (
        f"This {obj._meta.verbose_name} was changed by another advisor{when} since you opened it ({what}). "
        "Your changes were not saved, so that theirs are not lost: copy what you typed, reload the page to see "
        "their version, then make your edit again."
    )
