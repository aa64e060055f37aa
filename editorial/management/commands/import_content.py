from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from editorial.content_io import ContentImportError, apply_import, check_size, plan_import


class Command(BaseCommand):
    help = (
        "Import a JSON file made by export_content (or the admin's export): shows what it would create, change "
        "and delete, then asks before changing anything. All or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--yes", action="store_true", help="Do not ask: import after showing the changes.")
        parser.add_argument("--dry-run", action="store_true", help="Only show what the import would do.")

    def handle(self, *args, file, yes, dry_run, **options):
        path = Path(file)
        try:
            check_size(path.stat().st_size)
            plan = plan_import(path.read_text(encoding="utf-8"), file_name=path.name)
        except ContentImportError as error:
            raise CommandError("\n".join([str(error), *error.problems])) from error
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        for change in plan.changes:
            self.stdout.write(f"{change.action:>6}  {change.kind} “{change.obj}”")
            for label, old, new in change.fields:
                self.stdout.write(f"          {label}: {old} → {new}")
        counts = plan.counts
        self.stdout.write(f"{counts['create']} to create, {counts['change']} to change, {counts['delete']} to delete.")
        if dry_run or not plan.changes:
            return
        if not yes and input("Import these changes? [y/N] ").strip().lower() not in {"y", "yes"}:
            self.stdout.write("Nothing was changed.")
            return
        try:
            apply_import(plan)
        except ContentImportError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Imported {path.name}."))
