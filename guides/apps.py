from django.apps import AppConfig


class GuidesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "guides"

    def ready(self):
        from editorial import registry

        registry.register("guides.Occupation", recoverable=True)
        registry.register("guides.Statement", "guides.KeyPoint", "guides.EntryEducation", "guides.Figure")
        registry.register("guides.Pathway", recoverable=True)
        registry.register("guides.Step", "guides.PathwayNote")
