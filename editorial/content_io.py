"""Export content as JSON and import it back: backups and review copies.

The format is Django's serialization with natural keys (slugs), so a file reads like the fixtures
and imports into any careerpath database. The models come from the registry, by label.
"""

import hashlib
import json
from dataclasses import dataclass, field
from itertools import chain

from django.apps import apps
from django.core import serializers
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.management.color import no_style
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

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


# An export of all content is about 200 KB; a file ten times that is not one, and would hold the database.
MAX_IMPORT_BYTES = 2 * 1024 * 1024


class ContentImportError(Exception):
    """The file could not be imported; nothing was changed. `problems` lists every reason in plain words."""

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.problems = list(problems)


@dataclass
class Change:
    action: str  # "create", "change" or "delete"
    obj: object
    fields: list = field(default_factory=list)  # [(field label, old value, new value)]
    note: str = ""

    @property
    def kind(self):
        return self.obj._meta.verbose_name

    @property
    def key(self):
        return (self.action, self.obj._meta.label, str(self.obj.pk or self.obj), tuple(map(str, self.fields)))


@dataclass
class ImportPlan:
    """What importing a file would do, object by object. Nothing is written until apply_import()."""

    file_name: str
    text: str
    changes: list

    @property
    def size(self):
        return len(self.text.encode())

    @property
    def sha256(self):
        return hashlib.sha256(self.text.encode()).hexdigest()

    def count(self, action):
        return sum(1 for change in self.changes if change.action == action)

    @property
    def counts(self):
        return {action: self.count(action) for action in ("create", "change", "delete")}

    @property
    def fingerprint(self):
        """Changes if the database changed since the preview: a confirmed import does what was previewed."""
        return hashlib.sha256(repr([change.key for change in self.changes]).encode()).hexdigest()[:32]

    @property
    def reason(self):
        return f"Imported from {self.file_name}"


def _owner_field(model):
    """The link from an owned row to its owner (a step's pathway), or None for content that stands alone."""
    for model_field in model._meta.fields:
        if (
            model_field.many_to_one
            and model_field.remote_field.on_delete is models.CASCADE
            and registry.is_content(model_field.related_model)
        ):
            return model_field
    return None


def position_scope(model):
    """(owner field name) when rows are numbered within their owner by a unique "position", else None."""
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and "position" in constraint.fields:
            others = [name for name in constraint.fields if name != "position"]
            if len(others) == 1:
                return others[0]
    return None


def _name(obj):
    text = str(obj)
    return f"{obj._meta.verbose_name} “{text[:80]}”"


def _display(value):
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, (list, set, tuple)):
        return ", ".join(sorted(map(str, value))) or "(none)"
    return str(value)[:200]


def _parse(text):
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ContentImportError(
            f"Nothing was imported: this is not a careerpath export (not valid JSON: {error})."
        ) from error
    if not isinstance(data, list) or not all(isinstance(item, dict) and "model" in item for item in data):
        raise ContentImportError(
            "Nothing was imported: this is not a careerpath export (it should be a list of objects, each with a model)."
        )
    refused = sorted({str(item["model"]) for item in data} - {label.lower() for label in registry.labels()})
    if refused:
        labels = {label.lower(): label for label in (m._meta.label for m in apps.get_models())}
        names = ", ".join(labels.get(label, label) for label in refused)
        raise ContentImportError(
            f"Nothing was imported: this file contains {names}, which is not guide content. "
            "Only content exported from careerpath can be imported."
        )
    return data


def _deserialize(data):
    try:
        yield from serializers.deserialize("python", data, handle_forward_references=True, ignorenonexistent=False)
    except (serializers.base.DeserializationError, ValueError, TypeError, LookupError) as error:
        raise ContentImportError(f"Nothing was imported: this is not a careerpath export ({error}).") from error


def _match_existing(item):
    """Point the incoming object at the row it updates, or at none (a new row). Returns the stored row or None.

    Rows with a natural key (slugs) were matched by the deserializer. A row without one is the same row only
    if it exists here under the same owner: a step 17 from another database never overwrites this one's step 17
    of another pathway; it becomes a new row.
    """
    obj = item.object
    model = type(obj)
    if obj.pk is None:
        return None
    stored = model._default_manager.filter(pk=obj.pk).first()
    if stored is None:
        return None  # a free key: the row comes back under the number it was exported with
    if not hasattr(obj, "natural_key"):
        owner = _owner_field(model)
        if owner is not None and (
            owner.name in item.deferred_fields or getattr(stored, owner.attname) != getattr(obj, owner.attname)
        ):
            obj.pk = None
            return None
    return stored


def _validate(item, problems):
    """Every field as the admin form checks it, and the model's rules; problems named by object and field."""
    obj = item.object
    for model_field in obj._meta.concrete_fields:
        if (getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False)) and getattr(
            obj, model_field.attname
        ) is None:
            setattr(obj, model_field.attname, timezone.now())
    exclude = {model_field.name for model_field in item.deferred_fields if hasattr(model_field, "name")}
    try:
        # Uniqueness across rows is left to the database: a pathway's imported steps may swap positions.
        obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        for constraint in obj._meta.constraints:
            if isinstance(constraint, models.CheckConstraint):
                constraint.validate(type(obj), obj, exclude=exclude)
    except ValidationError as error:
        messages = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
        for name, texts in messages.items():
            label = "" if name == NON_FIELD_ERRORS else f"{obj._meta.get_field(name).verbose_name}: "
            problems.append(f"{_name(obj).capitalize()}: {label}{' '.join(texts)}")


def _field_changes(stored, item):
    changes = []
    obj = item.object
    for model_field in obj._meta.concrete_fields:
        if model_field.primary_key or getattr(model_field, "auto_now", False) or model_field in item.deferred_fields:
            continue
        old, new = getattr(stored, model_field.attname), getattr(obj, model_field.attname)
        if old != new:
            changes.append((str(model_field.verbose_name), _display(old), _display(new)))
    for name, values in (item.m2m_data or {}).items():
        old = set(getattr(stored, name).values_list("pk", flat=True))
        if old != set(values):
            changes.append((str(obj._meta.get_field(name).verbose_name), _display(old), _display(set(values))))
    return changes


def _last_edit(stored):
    history = getattr(stored, "history", None)
    record = history.order_by("-history_date").first() if history is not None else None
    if record is None:
        return ""
    who = record.history_user.get_username() if record.history_user else "someone"
    return f"last edited here by {who} on {timezone.localtime(record.history_date):%d %b %Y at %H:%M}"


def check_size(size):
    if size > MAX_IMPORT_BYTES:
        limit = MAX_IMPORT_BYTES // 1024 // 1024
        raise ContentImportError(
            f"Nothing was imported: this file is {size / 1024 / 1024:.1f} MB, and files above {limit} MB are refused "
            "(an export of all content is about 0.2 MB). Choose a careerpath export, or split the file."
        )


def plan_import(text, *, file_name="content.json"):
    """What importing `text` would create, change and delete, with field differences. Writes nothing.

    Objects in the file are created or updated; for every object the file holds, what it owns here but the
    file does not (a step added since the export) is deleted. Raises ContentImportError listing every problem.
    """
    check_size(len(text.encode()))
    data = _parse(text)
    changes, problems, kept, owners = [], [], set(), []
    for item in _deserialize(data):
        stored = _match_existing(item)
        _validate(item, problems)
        obj = item.object
        if stored is None:
            changes.append(Change("create", obj))
        else:
            kept.add((type(obj), obj.pk))
            fields = _field_changes(stored, item)
            if fields:
                changes.append(Change("change", obj, fields, note=_last_edit(stored)))
        if obj.pk is not None and owned_relations(type(obj)):
            owners.append(obj)
    if problems:
        raise ContentImportError("Nothing was imported: the file has problems.", problems)
    for owner in owners:
        for relation in owned_relations(type(owner)):
            for child in relation.related_model._default_manager.filter(**{relation.field.attname: owner.pk}):
                if (type(child), child.pk) not in kept:
                    changes.append(Change("delete", child, note=_last_edit(child)))
    return ImportPlan(file_name=file_name, text=text, changes=changes)


def apply_import(plan, *, user=None):
    """Do what `plan` previewed, in one short transaction, with a history entry per object naming the file."""
    data = _parse(plan.text)
    reason = plan.reason
    with transaction.atomic():
        for change in plan.changes:
            if change.action == "delete":
                change.obj._change_reason, change.obj._history_user = reason, user
                change.obj.delete()
        parked = set()
        saved, deferred = [], []
        try:
            for item in _deserialize(data):
                stored = _match_existing(item)
                obj = item.object
                scope = position_scope(type(obj))
                if scope is not None:
                    owner_id = getattr(obj, type(obj)._meta.get_field(scope).attname)
                    if (type(obj), owner_id) not in parked:
                        # Positions may swap, and (owner, position) is unique: free them all first.
                        type(obj)._default_manager.filter(
                            **{type(obj)._meta.get_field(scope).attname: owner_id}
                        ).update(position=models.F("position") + 10000)
                        parked.add((type(obj), owner_id))
                if stored is not None and not _field_changes(stored, item):
                    if scope is not None:
                        type(obj)._default_manager.filter(pk=obj.pk).update(position=obj.position)
                    continue
                obj._change_reason, obj._history_user = reason, user
                exported_times = {
                    f.attname: getattr(obj, f.attname)
                    for f in obj._meta.concrete_fields
                    if getattr(f, "auto_now", False) and stored is None and f not in item.deferred_fields
                }
                obj.save()
                if exported_times:
                    # A row the file brings back keeps its "last updated"; a changed row was updated now.
                    type(obj)._default_manager.filter(pk=obj.pk).update(**exported_times)
                for name, values in (item.m2m_data or {}).items():
                    getattr(obj, name).set(values)
                saved.append(obj)
                if item.deferred_fields:
                    deferred.append(item)
            for item in deferred:
                item.save_deferred_fields()
            # Rows kept their exported keys: move PostgreSQL's sequences past them, as loaddata does.
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), list({type(obj) for obj in saved})):
                    cursor.execute(sql)
        except IntegrityError as error:
            raise ContentImportError(
                "Nothing was imported: the file conflicts with content here "
                "(two objects would share a name, a slug or a number)."
            ) from error
    return saved


def import_content(text, *, file_name="content.json", user=None):
    """Plan and apply at once (commands, tests). Returns the plan that was applied."""
    plan = plan_import(text, file_name=file_name)
    apply_import(plan, user=user)
    return plan
