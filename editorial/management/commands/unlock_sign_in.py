from axes.utils import reset
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Unlock accounts locked after repeated failed sign-ins (from every address), by username."

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="+", metavar="USERNAME")

    def handle(self, *args, usernames, **options):
        for username in usernames:
            cleared = reset(username=username)
            if cleared:
                self.stdout.write(
                    self.style.SUCCESS(f"“{username}” can sign in again ({cleared} lock record(s) cleared).")
                )
            else:
                self.stdout.write(f"“{username}” was not locked.")
