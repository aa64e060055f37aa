"""The one list of content models: what advisors edit, export, import, restore and what a page shows.

Content apps register their models from their AppConfig.ready(), parents before children, in the order
of INSTALLED_APPS, so that the registration order is an order in which a whole-content file imports.
Everything editorial (export, import, recovery, the Advisors group, the content version) reads this list
and finds the models by label; nothing here imports a content app.
"""

from dataclasses import dataclass

from django.apps import apps


@dataclass(frozen=True)
class Entry:
    label: str
    recoverable: bool = False


_entries: dict[str, Entry] = {}


def register(*labels, recoverable=False):
    """Register content models by label ("guides.Pathway"); `recoverable` ones can be restored after deletion."""
    for label in labels:
        _entries[label] = Entry(label=label, recoverable=recoverable)


def labels():
    return list(_entries)


def entries():
    return list(_entries.values())


def content_models():
    return [apps.get_model(label) for label in _entries]


def model_for(label):
    return apps.get_model(label)


def recoverable_labels():
    return [entry.label for entry in _entries.values() if entry.recoverable]


def is_content(model):
    """Whether `model` is registered content, or the table behind a many-to-many field between content models."""
    opts = model._meta
    if opts.label in _entries:
        return True
    if opts.auto_created:
        return any(field.related_model._meta.label in _entries for field in opts.fields if field.is_relation)
    return False
