from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the content transcribed from the source documents (every fixtures/*.json, in file-name order)."

    def handle(self, *args, **options):
        fixture_dir = Path(settings.FIXTURE_DIRS[0])
        files = sorted(str(path) for path in fixture_dir.glob("*.json"))
        if not files:
            self.stderr.write(f"No fixtures found in {fixture_dir}.")
            return
        call_command("loaddata", *files, verbosity=options["verbosity"])
        # Loading fixtures records no history; give every object a first version so that an advisor's
        # first edit can be compared with, and reverted to, the transcribed text.
        call_command("populate_history", auto=True, verbosity=0)
