import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .urls_safe import web_url_constraint, web_url_validator


class SourceManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


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

    objects = SourceManager()
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

    class Meta:
        abstract = True


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"


class ReviewableQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Visitors see published content only; staff also see drafts and content in review, to preview it."""
        return self if user.is_staff else self.published()

    def due_for_review(self, within_days=0):
        """Published content whose next review is due within `within_days` days (or overdue)."""
        limit = timezone.localdate() + datetime.timedelta(days=within_days)
        return self.published().filter(next_review_due__lte=limit)


class Reviewable(models.Model):
    """Editorial state: drafts and content in review are invisible to visitors; publishing records a review."""

    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Only published content is visible to visitors. Staff can preview drafts and content in review.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="Set when the content is published: the day an advisor last checked it."
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text="When the content should be checked again. Publishing sets it a year ahead; change it if needed.",
    )

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    @property
    def is_review_overdue(self):
        return self.next_review_due is not None and self.next_review_due < timezone.localdate()

    def mark_published(self, *, today=None):
        """Publish and record the review: last reviewed today, next review after the configured interval."""
        today = today or timezone.localdate()
        self.status = Status.PUBLISHED
        self.last_reviewed = today
        self.next_review_due = today + datetime.timedelta(days=settings.CONTENT_REVIEW_INTERVAL_DAYS)
