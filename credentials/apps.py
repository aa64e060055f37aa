from django.apps import AppConfig


class CredentialsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "credentials"

    def ready(self):
        from editorial import registry

        registry.register("credentials.Organization", recoverable=True)
        registry.register("credentials.EducationLevel", "credentials.Course", "credentials.CourseList")
        registry.register("credentials.CourseListItem")
        registry.register("credentials.Credential", recoverable=True)
        registry.register(
            "credentials.EligibilityRoute",
            "credentials.Requirement",
            "credentials.Recommendation",
            "credentials.Exam",
            "credentials.Fee",
            "credentials.Renewal",
        )
