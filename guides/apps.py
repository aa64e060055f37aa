from django.apps import AppConfig
from django.db.models.signals import post_migrate


class GuidesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "guides"

    def ready(self):
        from editorial import registry

        from .advisors import sync_after_migrate

        registry.register("guides.Occupation", recoverable=True)
        registry.register("guides.Statement", "guides.KeyPoint", "guides.EntryEducation", "guides.Figure")
        registry.register("guides.Pathway", recoverable=True)
        registry.register("guides.Step", "guides.PathwayNote")

        post_migrate.connect(sync_after_migrate, dispatch_uid="careerpath-sync-advisors-group")
