from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from editorial.workflow import ContentQuerySet, SlugQuerySet

from .urls_safe import web_url_constraint, web_url_validator


class Source(models.Model):
    """A document or page that facts on the site were transcribed from."""

    class Kind(models.TextChoices):
        ARTICLE = "article", "Career article"
        OFFICIAL = "official", "Official page"
        MIRROR = "mirror", "Copy of an official page"

    slug = models.SlugField(unique=True, help_text="Short name used in links. Lowercase letters, numbers and hyphens.")
    title = models.CharField(max_length=300, help_text="The document's or page's own title.")
    publisher = models.CharField(
        max_length=200, blank=True, help_text="Who published it, if known. Leave empty when the document does not say."
    )
    kind = models.CharField(
        help_text="A career article (one of the source documents), an official page, or a copy of one.",
        max_length=20,
        choices=Kind.choices,
        default=Kind.ARTICLE,
    )
    url = models.URLField(
        max_length=500,
        blank=True,
        validators=[web_url_validator],
        help_text="Address of the page, if it has one (http:// or https://).",
    )
    document = models.CharField(
        max_length=200,
        blank=True,
        help_text="File the text was transcribed from (for example seeds/002_688654e4cb7828b5.txt). "
        "Quotes are checked against this file.",
    )
    as_of = models.CharField(
        max_length=100,
        blank=True,
        help_text='Date or year the source states for its facts, in its own words ("May 2015", "2024"). '
        'Write "undated" when it gives none.',
    )
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year the source's facts refer to, for sorting. Empty when unknown."
    )
    notes = models.TextField(blank=True, help_text="Anything a reader should know about this source's reliability.")

    objects = SlugQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["article", "official", "mirror"]), name="source_kind_valid"),
            web_url_constraint("url", "source_url_is_web_address"),
        ]

    def __str__(self):
        return f"{self.title} ({self.as_of})" if self.as_of else self.title

    def get_absolute_url(self):
        return reverse("sources:source-list") + f"#source-{self.slug}"

    def natural_key(self):
        return (self.slug,)


class Cited(models.Model):
    """A fact transcribed from a source, with the sentence it came from."""

    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)s_set",
        help_text="Where this fact comes from.",
    )
    quote = models.TextField(
        blank=True,
        help_text="The sentence this fact came from, copied exactly (typos included) so readers can check it.",
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        abstract = True
