from django.apps import AppConfig
from django.db.models.signals import post_migrate


class GuidesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "guides"

    def ready(self):
        from .advisors import sync_after_migrate

        post_migrate.connect(sync_after_migrate, dispatch_uid="careerpath-sync-advisors-group")
