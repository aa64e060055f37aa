import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from editorial.advisors import ensure_advisors_group


class Command(BaseCommand):
    help = (
        "Create (or update) an advisor: a staff user in the Advisors group who can edit guide content in the "
        "admin but cannot manage users. The password is asked for, or read from ADVISOR_PASSWORD."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--no-input", action="store_true", help="Do not prompt: read the password from ADVISOR_PASSWORD."
        )

    def handle(self, *args, username, email, no_input, **options):
        password = os.environ.get("ADVISOR_PASSWORD")
        if not password:
            if no_input:
                raise CommandError("Set ADVISOR_PASSWORD or run without --no-input to type the password.")
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The two passwords differ.")
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first() or user_model(username=username)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        user.email = email or user.email
        user.is_staff = True
        user.is_superuser = False
        user.set_password(password)
        user.save()
        user.groups.add(ensure_advisors_group())
        self.stdout.write(self.style.SUCCESS(f"Advisor “{username}” can now sign in to the admin."))
