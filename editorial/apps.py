from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Editorial work on guide content: the registry of content models and the content version.

    Like django.contrib.admin, content apps register with it and it never imports them.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"

    def ready(self):
        from . import version

        version.connect_signals()
