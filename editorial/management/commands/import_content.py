from django.core.management.base import BaseCommand, CommandError

from editorial.content_io import ContentImportError, import_content


class Command(BaseCommand):
    help = "Import a JSON file made by export_content (or the admin's export). All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        with open(file, encoding="utf-8") as handle:
            text = handle.read()
        try:
            count = import_content(text)
        except ContentImportError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Imported {count} objects from {file}."))
