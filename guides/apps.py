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

        from django.db.models.signals import pre_save

        from .models import Step

        # Also for fixtures and imports (raw saves), which skip Model.save().
        pre_save.connect(lambda sender, instance, **kwargs: instance.assign_key(), sender=Step, weak=False)
