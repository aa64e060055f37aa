from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

TRANSCRIBED = "Transcribed from the source"


class Command(BaseCommand):
    help = "Load the content transcribed from the source documents (every fixtures/*.json, in file-name order)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only into a database with no sources yet, so that edits made since are never overwritten.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and apps.get_model("sources", "Source").objects.exists():
            self.stdout.write("Content is already loaded; leaving it as it is.")
            return
        fixture_dir = Path(settings.FIXTURE_DIRS[0])
        files = sorted(str(path) for path in fixture_dir.glob("*.json"))
        if not files:
            self.stderr.write(f"No fixtures found in {fixture_dir}.")
            return
        call_command("loaddata", *files, verbosity=options["verbosity"])
        record_first_versions()


def record_first_versions():
    """Loading fixtures records no history: give every object without one a first version, marked as
    transcribed, so that an advisor's first edit can be compared with and reverted to the source's text."""
    for model in apps.get_models():
        history = getattr(model, "history", None)
        if history is None or not hasattr(history, "bulk_history_create"):
            continue
        recorded = history.values_list("id", flat=True).distinct()
        missing = list(model.objects.exclude(pk__in=recorded))
        if missing:
            history.bulk_history_create(missing, default_change_reason=TRANSCRIBED)
