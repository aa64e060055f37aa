"""The editorial workflow every content model shares, and "published only" for related content.

Draft → in review → published: only published content is visible to visitors. A child (a pathway's
step, a credential's exam, a route's requirement…) names its owner in `published_with`, a lookup to
the Reviewable it belongs to, and is published when its owner is. Content without a workflow (sources,
organizations, education levels, courses) is always public.

Related content reaches a page through ONE helper, `published_prefetch()`: a reverse or many-to-many
relation lists only what visitors may see, and a forward link to a draft (a step's credential, a
pathway's occupation) comes back as None. Never `select_related` a Reviewable for display, except
along `published_with`, where `published()` has already checked it.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"


def published_filter(model, prefix=""):
    """The condition under which visitors may see a `model` row (reached from elsewhere through `prefix`)."""
    if issubclass(model, Reviewable):
        return Q(**{f"{prefix}status": Status.PUBLISHED})
    owner = getattr(model, "published_with", None)
    if owner is None:
        return Q()
    return Q(**{f"{prefix}{owner}__status": Status.PUBLISHED})


def is_owned_through(model, relation_name):
    """Whether rows of `model` reached through `relation_name` are the children of the object they hang from.

    A pathway's "steps" belong to the pathway: they are visible exactly when it is, and the page that shows
    the pathway has already decided that (staff preview drafts). A credential's "steps_awarding" do not.
    """
    owner = getattr(model, "published_with", None)
    if owner is None or issubclass(model, Reviewable):
        return False
    field = model._meta.get_field(owner.split("__", 1)[0])
    return field.remote_field.get_accessor_name() == relation_name


def published_prefetch(lookup, queryset, *, to_attr=None):
    """A Prefetch of `lookup` that keeps drafts out: the one way to fetch related content for display.

    `queryset` is the related model's queryset (or the model). Reverse and many-to-many relations list
    only published rows; a forward link to a draft is set to None; children of the object itself are
    kept as they are (their owner's visibility was decided with the owner).
    """
    if isinstance(queryset, type):
        queryset = queryset._default_manager.all()
    if not is_owned_through(queryset.model, lookup.rsplit("__", 1)[-1]):
        queryset = queryset.filter(published_filter(queryset.model))
    return Prefetch(lookup, queryset=stable_order(queryset), to_attr=to_attr)


def stable_order(queryset):
    """The queryset's ordering with the primary key last: rows that tie (two fees of one kind and year) come
    in the same order on every page view and every database, not in whatever order PostgreSQL finds them."""
    ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    if any(str(name).lstrip("-") in ("pk", "id") for name in ordering):
        return queryset
    return queryset.order_by(*ordering, "pk")


class ContentQuerySet(models.QuerySet):
    """What every content model's manager offers."""

    def published(self):
        """Only what visitors may see: published content, and children of published owners."""
        return self.filter(published_filter(self.model))


class SlugQuerySet(ContentQuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class ReviewableQuerySet(SlugQuerySet):
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
