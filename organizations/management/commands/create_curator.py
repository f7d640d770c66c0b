"""Create a curator account: staff, in the Curators group, never a superuser."""

import getpass
import os

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from organizations.services import curator_create


class Command(BaseCommand):
    help = "Create a curator account; password from --password, $CURATOR_PASSWORD or a prompt."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("email")
        parser.add_argument("--password", help="Prefer $CURATOR_PASSWORD or the prompt.")

    def handle(self, *args, username, email, password, **options):
        password = password or os.environ.get("CURATOR_PASSWORD")
        if not password:
            if not os.isatty(0):
                raise CommandError("No password: pass --password or set $CURATOR_PASSWORD.")
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords differ.")
        try:
            validate_password(password)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        user = curator_create(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Curator {user.username} created."))
