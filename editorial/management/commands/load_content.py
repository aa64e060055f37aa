from django.conf import settings
from django.core.management.base import BaseCommand

from editorial import loading


class Command(BaseCommand):
    help = "Load the content transcribed from the source documents (every fixtures/*.json, in file-name order)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only into a database with no content yet, so that edits made since are never overwritten.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and loading.has_content():
            self.stdout.write("Content is already loaded; leaving it as it is.")
            return
        files = loading.fixture_files()
        if not files:
            self.stderr.write(f"No fixtures found in {settings.FIXTURE_DIRS[0]}.")
            return
        loading.load_fixtures(files, verbosity=options["verbosity"])
