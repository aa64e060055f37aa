from django.apps import AppConfig


class PlannerConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "planner"

    def ready(self):
        from credentials import panels

        from .views import eligibility_panel

        panels.register(eligibility_panel)
