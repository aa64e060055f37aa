from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    """How pages reach visitors: from the shared page cache when possible, compressed, and with a clear
    answer (503, /health/) when the database or the cache is down."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "delivery"

    def ready(self):
        from . import checks  # noqa: F401 (registers the system checks)
