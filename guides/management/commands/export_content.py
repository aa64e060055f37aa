from django.core.management.base import BaseCommand, CommandError

from guides.content_io import export_content, export_pathways
from guides.models import Pathway


class Command(BaseCommand):
    help = "Export all content, or the named pathways with their steps, as JSON (to stdout or --output)."

    def add_arguments(self, parser):
        parser.add_argument("pathways", nargs="*", metavar="SLUG", help="Pathway slugs; none means all content.")
        parser.add_argument("--output", "-o", help="File to write instead of standard output.")

    def handle(self, *args, pathways, output, **options):
        if pathways:
            found = list(Pathway.objects.filter(slug__in=pathways))
            missing = set(pathways) - {pathway.slug for pathway in found}
            if missing:
                raise CommandError(f"No pathway with slug: {', '.join(sorted(missing))}")
            text = export_pathways(found)
        else:
            text = export_content()
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
        else:
            self.stdout.write(text)
