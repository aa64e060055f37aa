from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from careerpath.links import reverse
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
    check_url = models.URLField(
        "where to check today's figures",
        max_length=500,
        blank=True,
        validators=[web_url_validator],
        help_text="The live page a reader should open to check for newer figures, when the address above is an "
        "archived, test or older copy (for example BLS's current Occupational Outlook Handbook page). "
        "Leave empty to use the address above.",
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
            web_url_constraint("check_url", "source_check_url_is_web_address"),
        ]

    def __str__(self):
        return f"{self.title} ({self.as_of})" if self.as_of else self.title

    def get_absolute_url(self):
        return reverse("sources:source-list") + f"#source-{self.slug}"

    def natural_key(self):
        return (self.slug,)

    @property
    def is_article(self):
        return self.kind == self.Kind.ARTICLE

    @property
    def date_phrase(self):
        """ "May 2015", "undated (after 2020)", or "" when the source gives no date at all."""
        return "" if self.as_of in ("", "undated") else self.as_of

    @property
    def attribution(self):
        """Who published it and when, in words: "AHIMA, 2024"; "publisher and date unknown" where not known."""
        publisher, date = self.publisher, self.date_phrase
        if publisher and date:
            return f"{publisher}, {date}"
        if publisher:
            return f"{publisher}, date unknown"
        if date:
            return f"publisher unknown, {date}"
        return "publisher and date unknown"

    @property
    def short_description(self):
        """ "an article", "AHIMA", "the U.S. Bureau of Labor Statistics": who says it, in a few words."""
        if self.is_article:
            return "an article"
        return self.publisher or "an official page"

    @property
    def live_url(self):
        """Where a reader checks for newer figures: the live page, else the source's own address."""
        return self.check_url or self.url


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


class Standing(models.TextChoices):
    """Whether a versioned fact is the current answer to its question (see sources.answers)."""

    AUTO = "", "Decided by the rule (the newest dated official value)"
    CURRENT = "current", "Current: an advisor chose it"
    SUPERSEDED = "superseded", "Superseded: an older rule or figure that was replaced"
    DISPUTED = "disputed", "Disputed: an official source says otherwise"


# What an advisor is asked for when the reason is missing; students see the reason beside the value.
STANDING_NOTE_REQUIRED = {
    Standing.CURRENT: "Say why this value is the current one (students see the reason), "
    "for example “AHIMA's current page; it is undated”.",
    Standing.SUPERSEDED: "Say what replaced this value (students see it), "
    "for example “AHIMA launched a new exam on July 1, 2020”.",
    Standing.DISPUTED: "Say what the official source says instead (students see it), "
    "for example “AHIMA's pages describe CEUs and a fee, with no exam”.",
}


def standing_constraints():
    """Database rules every versioned fact keeps, whoever writes it (admin, import, shell)."""
    return [
        models.CheckConstraint(
            condition=Q(standing__in=Standing.values), name="%(app_label)s_%(class)s_standing_valid"
        ),
        models.CheckConstraint(
            condition=Q(standing="") | ~Q(standing_note=""),
            name="%(app_label)s_%(class)s_standing_has_reason",
            violation_error_message="Give the reason for this value's standing: students see it beside the value.",
        ),
    ]


def one_current(*fields, name):
    """At most one value per question is an advisor's “current” choice."""
    return models.UniqueConstraint(
        fields=list(fields),
        condition=Q(standing=Standing.CURRENT),
        name=name,
        violation_error_message="Another value for the same question is already marked current. "
        "Set that one back to “Decided by the rule” first.",
    )


class Versioned(Cited):
    """A fact that sources state differently over the years: one row per source and date, each with a standing.

    The rule in sources.answers picks the current row; every other row stays, labelled as older,
    superseded, disputed or not confirmed.
    """

    Standing = Standing

    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The year this value applies to, used to find the newest. Leave empty when the source gives "
        "no date: an undated value is never chosen as current unless an advisor marks it current.",
    )
    standing = models.CharField(
        max_length=20,
        choices=Standing.choices,
        blank=True,
        default=Standing.AUTO,
        help_text="Normally leave this to the rule: the newest dated value from an official source (the issuer "
        "or BLS) is the current answer. Mark a value current to override the rule, superseded when a newer rule "
        "replaced it, or disputed when an official source says otherwise.",
    )
    standing_note = models.CharField(
        "reason",
        max_length=300,
        blank=True,
        help_text="Why this value has the standing above, in plain words. Required unless the rule decides; "
        "students see it next to the value.",
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        self.standing_note = self.standing_note.strip()
        if self.standing and not self.standing_note:
            raise ValidationError({"standing_note": STANDING_NOTE_REQUIRED.get(self.standing, "Give the reason.")})

    @property
    def is_official(self):
        """From the issuer or BLS (a page of theirs, or their own staging copy), not an article or a mirror."""
        return self.source.kind == Source.Kind.OFFICIAL

    @property
    def dated_year(self):
        """The year a reader's “how old is this?” counts from."""
        return self.year
