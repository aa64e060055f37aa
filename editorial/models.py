from django.conf import settings
from django.db import models


class ContentImport(models.Model):
    """One import of a content file: who imported which file, when, and what it changed.

    Each object the import created, changed or deleted also has a history entry naming the file.
    """

    file_name = models.CharField(max_length=255, help_text="The name of the imported file.")
    sha256 = models.CharField(max_length=64, help_text="Fingerprint of the file's content.")
    size = models.PositiveIntegerField(help_text="Size of the file in bytes.")
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    created = models.PositiveIntegerField(default=0, help_text="Objects the import created.")
    changed = models.PositiveIntegerField(default=0, help_text="Objects the import changed.")
    deleted = models.PositiveIntegerField(default=0, help_text="Objects the import deleted.")
    summary = models.TextField(blank=True, help_text="What changed, object by object.")
    is_applied = models.BooleanField(default=False, help_text="False while the import waits for confirmation.")
    pending_text = models.TextField(blank=True, help_text="The file, kept only until the import is confirmed.")

    class Meta:
        ordering = ["-imported_at"]
        default_permissions = ("view",)
        permissions = [("import_content", "Can import content from a file (creates, changes and deletes content)")]

    def __str__(self):
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M})"


class DeletedContent(models.Model):
    """What one deletion took away, kept so that it can be restored exactly: the object, everything that went
    with it (a pathway's steps, a credential's routes…), and every many-to-many link to any of them, from
    either side (another credential's "leads to", an occupation's preferred credentials…)."""

    label = models.CharField(max_length=100, help_text="The kind of content, e.g. guides.Pathway.")
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=300, help_text="What it was called.")
    deleted_at = models.DateTimeField(auto_now_add=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    objects_json = models.TextField(help_text="The deleted rows, serialized with their primary keys.")
    links_json = models.TextField(default="[]", help_text="Many-to-many links to the deleted rows.")
    restored_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-deleted_at", "-pk"]
        default_permissions = ("view",)
        verbose_name_plural = "deleted content"

    def __str__(self):
        return f"{self.title} (deleted {self.deleted_at:%Y-%m-%d %H:%M})"

    @property
    def kind(self):
        from django.apps import apps

        return apps.get_model(self.label)._meta.verbose_name
