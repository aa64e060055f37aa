from django.apps import AppConfig
from django.db.models.signals import post_migrate


class EditorialConfig(AppConfig):
    """Editorial work on guide content: the workflow, the registry of content models, the content version,
    loading, export and import, recovery, the Advisors group and the admin tools.

    Like django.contrib.admin, content apps import it and register with it; it never imports them.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"

    def ready(self):
        from django.db.models.signals import pre_delete

        from . import advisors, recovery, version

        version.connect_signals()
        pre_delete.connect(recovery.snapshot_before_delete, dispatch_uid="editorial-snapshot-before-delete")
        post_migrate.connect(advisors.after_migrate, sender=self, dispatch_uid="editorial-advisors-group")
