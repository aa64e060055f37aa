"""A pathway's public change log, read from the model history advisors already keep.

It says what changed and when (never who): the pathway's own fields, and each step or tip added,
edited or removed. Three queries however long the history is.
"""

from dataclasses import dataclass
from datetime import datetime

from editorial.loading import TRANSCRIBED

from .models import Pathway, PathwayNote, Step

# Bookkeeping, not content: a change to these alone is not worth telling readers about.
IGNORED_FIELDS = {"updated_at", "last_reviewed", "next_review_due", "quote", "duration_quote", "cost_quote"}
MAX_RECORDS = 200


@dataclass
class Change:
    when: datetime
    text: str


def _label(model, field_names):
    names = [str(model._meta.get_field(name).verbose_name) for name in field_names]
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]


def _changes_of(records, model, describe):
    """Entries for one model's history records (newest first in, any order out)."""
    by_object = {}
    for record in sorted(records, key=lambda record: (record.history_date, record.history_id)):
        by_object.setdefault(record.id, []).append(record)
    entries = []
    for versions in by_object.values():
        for previous, current in zip([None, *versions], versions, strict=False):
            if current.history_type == "+":
                if current.history_change_reason == TRANSCRIBED or model is Pathway:
                    continue  # the content as transcribed, or the pathway's own creation: not a change
                entries.append(Change(current.history_date, describe(current, "added", [])))
            elif current.history_type == "-":
                entries.append(Change(current.history_date, describe(current, "removed", [])))
            elif previous is not None:
                changed = [
                    name
                    for name in current.diff_against(previous).changed_fields
                    if name not in IGNORED_FIELDS and not name.startswith("history_")
                ]
                order = [field.name for field in model._meta.fields]
                changed.sort(key=lambda name: order.index(name) if name in order else len(order))
                if changed:
                    entries.append(Change(current.history_date, describe(current, "changed", changed)))
    return entries


def pathway_changes(pathway, limit=20):
    """The latest `limit` changes to a pathway and its steps and tips, newest first."""
    pathway_records = Pathway.history.filter(id=pathway.pk).order_by("-history_date")[:MAX_RECORDS]
    step_records = Step.history.filter(pathway_id=pathway.pk).order_by("-history_date")[:MAX_RECORDS]
    note_records = PathwayNote.history.filter(pathway_id=pathway.pk).order_by("-history_date")[:MAX_RECORDS]

    def what_changed(model, what, fields):
        return f"{_label(model, fields)} changed" if fields else what

    def describe_pathway(record, what, fields):
        parts = []
        if "status" in fields:
            published = record.status == "published"
            parts.append("Published" if published else f"Moved to {record.get_status_display().lower()}")
            fields = [name for name in fields if name != "status"]
        if fields or not parts:
            text = what_changed(Pathway, f"pathway {what}", fields)
            parts.append(text[0].upper() + text[1:])
        return "; ".join(parts)

    def describe_step(record, what, fields):
        return f"Step {record.position} “{record.title}”: {what_changed(Step, what, fields)}"

    def describe_note(record, what, fields):
        return f"{record.get_kind_display()}: {what_changed(PathwayNote, what, fields)}"

    entries = [
        *_changes_of(list(pathway_records), Pathway, describe_pathway),
        *_changes_of(list(step_records), Step, describe_step),
        *_changes_of(list(note_records), PathwayNote, describe_note),
    ]
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]
