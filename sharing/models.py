from django.db import models, transaction
from django.db.models import F, Q

from editorial.workflow import ContentQuerySet


class SlugKind(models.TextChoices):
    PATHWAY = "pathway", "Pathway"
    OCCUPATION = "occupation", "Occupation"
    CREDENTIAL = "credential", "Credential"
    ORGANIZATION = "organization", "Organization"


class SlugRedirectQuerySet(ContentQuerySet):
    def get_by_natural_key(self, kind, old_slug):
        return self.get(kind=kind, old_slug=old_slug)

    def current_slugs(self, kind, old_slugs):
        """{old slug: the slug that replaced it} for those of `old_slugs` an advisor renamed."""
        return dict(self.filter(kind=kind, old_slug__in=old_slugs).values_list("old_slug", "new_slug"))

    def record(self, kind, *, old_slug, new_slug):
        """Keep every earlier slug of one object pointing at its newest slug, in one hop and never in a loop."""
        with transaction.atomic():
            # The new slug is a live page now, whoever owned it before: it must not redirect any more.
            self.filter(kind=kind, old_slug=new_slug).delete()
            if old_slug and old_slug != new_slug:
                self.filter(kind=kind, new_slug=old_slug).update(new_slug=new_slug)
                self.update_or_create(kind=kind, old_slug=old_slug, defaults={"new_slug": new_slug})


class SlugRedirect(models.Model):
    """An old shareable link that keeps working after an advisor renamed a slug. Recorded automatically."""

    Kind = SlugKind

    kind = models.CharField(max_length=20, choices=Kind.choices)
    old_slug = models.SlugField(help_text="The slug people may still have in links they shared.")
    new_slug = models.SlugField(help_text="The slug the old one now leads to (always the newest).")
    created = models.DateTimeField(auto_now_add=True)

    objects = SlugRedirectQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "old_slug"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "old_slug"], name="unique_slug_redirect"),
            models.CheckConstraint(condition=Q(kind__in=SlugKind.values), name="slug_redirect_kind_valid"),
            models.CheckConstraint(condition=~Q(old_slug=F("new_slug")), name="slug_redirect_not_to_itself"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.old_slug} → {self.new_slug}"

    def natural_key(self):
        return (self.kind, self.old_slug)
