from django.apps import AppConfig


class SharingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sharing"

    def ready(self):
        from editorial import registry

        from . import signals

        # Redirects are part of the content: a full export carries them, so renamed links survive a restore.
        registry.register("sharing.SlugRedirect")

        signals.connect()
