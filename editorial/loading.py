"""Loading the transcribed content (fixtures/*.json) into a database, with a first version in its history."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from . import registry

TRANSCRIBED = "Transcribed from the source"


def has_content():
    return any(model._default_manager.exists() for model in registry.content_models())


def fixture_files():
    return sorted(str(path) for path in Path(settings.FIXTURE_DIRS[0]).glob("*.json"))


def load_fixtures(files, *, verbosity=0):
    call_command("loaddata", *files, verbosity=verbosity)
    record_first_versions()


def record_first_versions():
    """Loading fixtures records no history: give every object without one a first version, marked as
    transcribed, so that an advisor's first edit can be compared with and reverted to the source's text."""
    for model in registry.content_models():
        history = getattr(model, "history", None)
        if history is None or not hasattr(history, "bulk_history_create"):
            continue
        recorded = history.values_list("id", flat=True).distinct()
        missing = list(model._default_manager.exclude(pk__in=recorded))
        if missing:
            history.bulk_history_create(missing, default_change_reason=TRANSCRIBED)
