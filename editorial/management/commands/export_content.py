from django.core.management.base import BaseCommand, CommandError

from editorial import registry
from editorial.content_io import export_content, export_objects


def find(name):
    """The content object named KIND/SLUG (pathway/rhit-in-four-steps) or by a slug only one kind uses."""
    kind, _, slug = name.rpartition("/")
    models = [
        model
        for model in map(registry.model_for, registry.recoverable_labels())
        if kind in ("", model._meta.model_name, model._meta.verbose_name)
    ]
    found = [obj for model in models for obj in model._default_manager.filter(slug=slug)]
    if not found:
        raise CommandError(f"Nothing is called “{name}”. Name it as kind/slug, e.g. pathway/rhit-in-four-steps.")
    if len(found) > 1:
        kinds = ", ".join(f"{obj._meta.model_name}/{slug}" for obj in found)
        raise CommandError(f"“{name}” could be {kinds}: say which.")
    return found[0]


class Command(BaseCommand):
    help = (
        "Export all content, or the named pathways, occupations, credentials, organizations or sources with "
        "everything they own (a pathway's steps and tips…), as JSON to standard output or --output."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "objects", nargs="*", metavar="[KIND/]SLUG", help="e.g. rhit-in-four-steps or credential/rhit; none: all."
        )
        parser.add_argument("--output", "-o", help="File to write instead of standard output.")

    def handle(self, *args, objects, output, **options):
        text = export_objects([find(name) for name in objects]) if objects else export_content()
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
        else:
            self.stdout.write(text)
