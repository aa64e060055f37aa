"""Web addresses advisors may store: http and https only, enforced on the model and in the database.

Django's URLField also accepts ftp and ftps; a source or an organization is a web page, so anything but
http(s) is refused on every write path (admin, import, shell) and a `javascript:` link can never be stored.
"""

from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q

WEB_SCHEMES = ["http", "https"]
web_url_validator = URLValidator(schemes=WEB_SCHEMES, message="Enter a web address starting with http:// or https://.")


def web_url_constraint(field, name):
    """The database refuses any non-empty address that is not http(s), whoever writes it."""
    return models.CheckConstraint(
        condition=Q(**{field: ""})
        | Q(**{f"{field}__istartswith": "http://"})
        | Q(**{f"{field}__istartswith": "https://"}),
        name=name,
        violation_error_message="Enter a web address starting with http:// or https://.",
    )


def is_web_url(value):
    return str(value or "").strip().lower().startswith(("http://", "https://"))
