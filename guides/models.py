from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from careerpath.links import reverse
from credentials.models import NOT_NEGATIVE, Credential, FeeKind, min_not_above_max
from editorial.workflow import ContentQuerySet, Reviewable, ReviewableQuerySet, Status, published_prefetch
from sources.answers import NOT_CONFIRMED, current_answer
from sources.formats import usd
from sources.meta import plain_text
from sources.models import Cited, Versioned, one_current, standing_constraints


class OccupationQuerySet(ReviewableQuerySet):
    def with_entry_and_credentials(self):
        """Entry education and published preferred credentials: what the planner weighs, in 3 queries."""
        return self.prefetch_related(
            published_prefetch("entry_educations", EntryEducation.objects.select_related("education_level")),
            published_prefetch("preferred_credentials", Credential),
        )

    def with_facts(self):
        """Figures, entry education and statements with their sources, for quick-facts boxes."""
        return self.prefetch_related(
            published_prefetch("figures", Figure.objects.select_related("source")),
            published_prefetch("entry_educations", EntryEducation.objects.select_related("source", "education_level")),
        )

    def with_connections(self):
        """Statements, key points, published pathways, preferred credentials and related occupations: a page."""
        points = KeyPoint.objects.prefetch_related(
            published_prefetch("statements", Statement.objects.select_related("source"))
        )
        return self.with_facts().prefetch_related(
            published_prefetch("statements", Statement.objects.select_related("source")),
            published_prefetch("key_points", points),
            published_prefetch("pathways", Pathway.objects.for_listing()),
            published_prefetch("preferred_credentials", Credential.objects.with_issuer()),
            published_prefetch("related", Occupation),
        )


class Occupation(Reviewable):
    slug = models.SlugField(unique=True, help_text="Part of the shareable link. Change with care.")
    title = models.CharField(
        max_length=200, help_text="The occupation's name, e.g. Medical records and health information technician."
    )
    aliases = models.CharField(
        max_length=400,
        blank=True,
        help_text="Other names people use for this job, separated by commas. Search matches them.",
    )
    summary = models.TextField(help_text="One or two sentences: what this job is.")
    soc_code = models.CharField(
        max_length=10, blank=True, help_text="Standard Occupational Classification code, e.g. 29-2071, if known."
    )
    Status = Status

    related = models.ManyToManyField("self", blank=True, help_text="Related or alternative occupations.")
    preferred_credentials = models.ManyToManyField(
        "credentials.Credential",
        blank=True,
        related_name="occupations",
        help_text="Credentials employers prefer or ask for in this job.",
    )
    updated_at = models.DateTimeField(help_text="Set automatically on every save.", auto_now=True)

    objects = OccupationQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="occupation_status_valid"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guides:occupation-detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    @property
    def alias_list(self):
        return [alias.strip() for alias in self.aliases.split(",") if alias.strip()]

    def statements_by_topic(self):
        """[(topic label, statements)] in the order a reader expects, from the prefetched statements."""
        grouped = {topic: [] for topic in StatementTopic.values}
        for statement in self.statements.all():
            grouped[statement.topic].append(statement)
        return [(StatementTopic(topic).label, items) for topic, items in grouped.items() if items]

    def page_sections(self):
        """{key: part} of the page in reading order ("what_they_do"…), each with its points and sources.

        A part shows its key points (the site's own words); where an advisor has written none, each
        statement is a point of its own. Built from prefetched rows (``with_connections()``).
        """
        points = {topic: [] for topic in StatementTopic.values}
        statements = {topic: [] for topic in StatementTopic.values}
        for point in self.key_points.all():
            points[point.topic].append(point)
        for statement in self.statements.all():
            statements[statement.topic].append(statement)
        sections = {}
        for slug, title, topics in PAGE_SECTIONS:
            said = [statement for topic in topics for statement in statements[topic]]
            shown = [point for topic in topics for point in points[topic]] or said
            sections[slug.replace("-", "_")] = PageSection(slug=slug, title=title, points=shown, statements=said)
        return sections

    def figures_by_measure(self):
        """{measure: [figures, oldest first, undated last]} from the prefetched figures; every measure present."""
        grouped = {measure: [] for measure in FigureMeasure.values}
        for figure in sorted(self.figures.all(), key=lambda figure: (figure.year is None, figure.year or 0)):
            grouped[figure.measure].append(figure)
        return grouped

    def answers(self, today=None):
        """The current answer to each question about this job, and every other version labelled.

        A dict keyed by measure ("median_pay" per year, "median_hourly_pay", "employment", "growth",
        "programs", "entry_education"), each a sources.answers.Answer, built from the prefetched figures and
        entry education (``with_facts()``) without a query. Cached on the object for today.
        """
        if today is None and getattr(self, "_answers", None) is not None:
            return self._answers
        rows = {measure: [] for measure in FigureMeasure.values}
        rows["median_hourly_pay"] = []
        for figure in self.figures.all():
            hourly = figure.measure == FigureMeasure.MEDIAN_PAY and figure.unit == FigureUnit.USD_HOUR
            rows["median_hourly_pay" if hourly else figure.measure].append(figure)
        rows["entry_education"] = list(self.entry_educations.all())
        answers = {measure: current_answer(facts, today=today) for measure, facts in rows.items()}
        if today is None:
            self._answers = answers
        return answers


@dataclass
class PageSection:
    """A part of the occupation page: its points, and every statement of its topics (for the disclosure)."""

    slug: str
    title: str
    points: list
    statements: list

    def __bool__(self):
        return bool(self.points)

    @property
    def entries(self):
        """(point, anchor of what its sources said) pairs: a point's citation marker links to its anchor."""
        return [(point, f"said-{self.slug}-{index}") for index, point in enumerate(self.points, start=1)]

    @property
    def unlisted(self):
        """Statements no point draws on: still shown, word for word, under the points' sources."""
        used = {statement.pk for point in self.points for statement in point.supporting}
        return [statement for statement in self.statements if statement.pk not in used]


class StatementTopic(models.TextChoices):
    DUTIES = "duties", "What they do"
    WORK_ENVIRONMENT = "environment", "Work environment"
    SCHEDULE = "schedule", "Schedule"
    SPECIALIZATION = "specialization", "Specializations"
    EDUCATION = "education", "Education and training"
    CREDENTIALS = "credentials", "Credentials"
    OUTLOOK = "outlook", "Job outlook"
    ADVANCEMENT = "advancement", "Advancement"


# At most this many key points in one part of the occupation page: a short list a phone can show.
MAX_POINTS_PER_PART = 8

# The occupation page's parts, in reading order, and the statement topics each gathers.
PAGE_SECTIONS = [
    ("what-they-do", "What they do", [StatementTopic.DUTIES, StatementTopic.SPECIALIZATION]),
    ("work-environment", "Work environment", [StatementTopic.WORK_ENVIRONMENT, StatementTopic.SCHEDULE]),
    ("how-to-become-one", "How to become one", [StatementTopic.EDUCATION, StatementTopic.ADVANCEMENT]),
    ("job-outlook", "Job outlook", [StatementTopic.OUTLOOK]),
    ("credentials", "Credentials", [StatementTopic.CREDENTIALS]),
]


class Statement(Cited):
    """A sentence about an occupation (what they do, where they work…) with the source it came from."""

    published_with = "occupation"  # published when its occupation is

    Topic = StatementTopic

    occupation = models.ForeignKey(
        Occupation,
        on_delete=models.CASCADE,
        related_name="statements",
        help_text="The occupation this sentence is about.",
    )
    topic = models.CharField(
        help_text="Which part of the occupation page shows it.", max_length=20, choices=Topic.choices
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order within its topic.")
    text = models.TextField(help_text="What the page shows, in plain words.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["occupation", "topic", "position"]
        constraints = [
            models.CheckConstraint(condition=Q(topic__in=StatementTopic.values), name="statement_topic_valid"),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def supporting(self):
        """A statement shown as a point of its own is backed by itself."""
        return [self]

    @property
    def sources(self):
        return [self.source]


class KeyPoint(models.Model):
    """One point an occupation page makes, in the site's own words, backed by the sources' statements.

    Sources say the same thing many times over; a page shows a few key points, each citing every source
    that supports it, and keeps what each source said, word for word, one click away.
    """

    published_with = "occupation"  # published when its occupation is

    Topic = StatementTopic

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="key_points", help_text="The occupation this point is about."
    )
    topic = models.CharField(
        help_text="Which part of the occupation page shows it.", max_length=20, choices=Topic.choices
    )
    position = models.PositiveSmallIntegerField(help_text="Order within its part of the page, starting at 1.")
    text = models.TextField(help_text="The point in plain words, as the page shows it: a sentence or two.")
    statements = models.ManyToManyField(
        Statement,
        related_name="key_points",
        help_text="The source sentences (of this occupation) that back the point. The page cites each one's "
        "source and shows their exact words on request. A point needs at least one.",
    )

    objects = ContentQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["occupation", "topic", "position"]
        constraints = [
            models.CheckConstraint(condition=Q(topic__in=StatementTopic.values), name="key_point_topic_valid"),
            models.UniqueConstraint(fields=["occupation", "topic", "position"], name="unique_key_point_position"),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def supporting(self):
        return list(self.statements.all())

    @property
    def sources(self):
        """Every source behind the point, once each, in the order of its statements (prefetched)."""
        return list({statement.source_id: statement.source for statement in self.statements.all()}.values())


class EntryEducation(Versioned):
    """Typical entry-level education for an occupation according to one source (one row per source and date)."""

    published_with = "occupation"  # published when its occupation is

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="entry_educations", help_text="The occupation this is about."
    )
    education_level = models.ForeignKey(
        "credentials.EducationLevel",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The level on our scale that matches the wording.",
    )
    wording = models.CharField(max_length=200, help_text="How the source puts it, e.g. Postsecondary nondegree award.")
    as_of = models.CharField(
        help_text='When the source says this applied, e.g. "May 2015". Leave empty if undated.',
        max_length=100,
        blank=True,
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["occupation", "education_level__rank"]
        verbose_name_plural = "entry education"
        constraints = [
            *standing_constraints(),
            one_current("occupation", name="entry_education_one_current"),
        ]

    def __str__(self):
        return f"{self.occupation}: {self.wording}"

    @property
    def summary(self):
        return self.wording


class FigureMeasure(models.TextChoices):
    MEDIAN_PAY = "median_pay", "Median pay"
    EMPLOYMENT = "employment", "Employment"
    GROWTH = "growth", "Projected growth"
    PROGRAMS = "programs", "Accredited programs"


class FigureUnit(models.TextChoices):
    USD_YEAR = "usd_year", "US dollars per year"
    USD_HOUR = "usd_hour", "US dollars per hour"
    PERCENT = "percent", "percent"
    JOBS = "jobs", "jobs"
    COUNT = "count", "count"


class FigureQualifier(models.TextChoices):
    EXACT = "", "exactly"
    ABOUT = "about", "about"
    MORE_THAN = "more_than", "more than"


class Figure(Versioned):
    """One number about an occupation from one source. Several sources and years live side by side."""

    published_with = "occupation"  # published when its occupation is

    Measure = FigureMeasure

    Unit = FigureUnit

    Qualifier = FigureQualifier

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="figures", help_text="The occupation this number is about."
    )
    measure = models.CharField(help_text="What the number measures.", max_length=20, choices=Measure.choices)
    value = models.DecimalField(max_digits=12, decimal_places=2, help_text="The number itself, without $ or %.")
    unit = models.CharField(
        help_text="What the number counts: dollars a year, dollars an hour, percent, jobs…",
        max_length=20,
        choices=Unit.choices,
    )
    qualifier = models.CharField(
        help_text='Use "more than" or "about" when the source says so.',
        max_length=20,
        choices=Qualifier.choices,
        blank=True,
        default="",
    )
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Year the figure is for (for a projection: its last year), used to find the newest. Leave empty "
        "when the source gives no date: an undated figure is never chosen as current unless an advisor marks it.",
    )
    period_start = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For a projection: its first year, if the source states one."
    )
    as_of = models.CharField(
        max_length=100,
        help_text='When, in the source\'s words: "May 2008", "2014-2024", "through 2026", "in the next 8 years".',
    )
    wording = models.CharField(
        max_length=100, blank=True, help_text='The source\'s own description, e.g. "Much faster than average".'
    )
    pay_p10 = models.DecimalField(
        "10th percentile",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Lowest 10 percent earned less than this.",
    )
    pay_p25 = models.DecimalField(
        "25th percentile",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="25 percent earned less than this.",
    )
    pay_p75 = models.DecimalField(
        "75th percentile",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="25 percent earned more than this.",
    )
    pay_p90 = models.DecimalField(
        "90th percentile",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Highest 10 percent earned more than this.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["occupation", "measure", "year"]
        constraints = [
            *standing_constraints(),
            one_current("occupation", "measure", "unit", name="figure_one_current"),
            models.CheckConstraint(condition=Q(measure__in=FigureMeasure.values), name="figure_measure_valid"),
            models.CheckConstraint(condition=Q(unit__in=FigureUnit.values), name="figure_unit_valid"),
            models.CheckConstraint(condition=Q(qualifier__in=FigureQualifier.values), name="figure_qualifier_valid"),
            models.CheckConstraint(
                condition=~Q(measure__in=["median_pay", "employment", "programs"]) | Q(value__gte=0),
                name="figure_amount_not_negative",
                violation_error_message="Pay, job counts and program counts can't be negative.",
            ),
            models.CheckConstraint(
                condition=Q(period_start__lte=F("year")),
                name="figure_period_in_order",
                violation_error_message="A projection's first year can't be after its last year.",
            ),
            models.CheckConstraint(
                condition=Q(pay_p10__lte=F("pay_p25")),
                name="figure_p10_not_above_p25",
                violation_error_message="Percentiles must be in order: the 10th can't be above the 25th.",
            ),
            models.CheckConstraint(
                condition=Q(pay_p25__lte=F("value")),
                name="figure_p25_not_above_median",
                violation_error_message="Percentiles must be in order: the 25th can't be above the median.",
            ),
            models.CheckConstraint(
                condition=Q(value__lte=F("pay_p75")),
                name="figure_median_not_above_p75",
                violation_error_message="Percentiles must be in order: the median can't be above the 75th.",
            ),
            models.CheckConstraint(
                condition=Q(pay_p75__lte=F("pay_p90")),
                name="figure_p75_not_above_p90",
                violation_error_message="Percentiles must be in order: the 75th can't be above the 90th.",
            ),
            models.CheckConstraint(
                condition=Q(pay_p10__gte=0),
                name="figure_p10_not_negative",
                violation_error_message="Pay can't be negative.",
            ),
            models.CheckConstraint(
                condition=Q(measure="median_pay")
                | Q(pay_p10__isnull=True, pay_p25__isnull=True, pay_p75__isnull=True, pay_p90__isnull=True),
                name="figure_percentiles_only_for_pay",
                violation_error_message="Percentiles only apply to median pay figures.",
            ),
        ]

    def __str__(self):
        return f"{self.get_measure_display()} {self.as_of}: {self.value_display}"

    @property
    def summary(self):
        return self.value_display

    @property
    def dated_year(self):
        """A projection is as old as its first year (the data it starts from), a count as old as its year."""
        return self.period_start or self.year

    @property
    def value_display(self):
        qualifier = f"{self.get_qualifier_display()} " if self.qualifier else ""
        if self.unit in (self.Unit.USD_YEAR, self.Unit.USD_HOUR):
            amount = f"${self.value:,.2f}".replace(".00", "")
            suffix = " per year" if self.unit == self.Unit.USD_YEAR else " per hour"
            return f"{qualifier}{amount}{suffix}"
        if self.unit == self.Unit.PERCENT:
            return f"{qualifier}{self.value.normalize():f}%"
        if self.unit == self.Unit.COUNT and self.wording:
            return f"{qualifier}{self.value:,.0f} {self.wording}"
        return f"{qualifier}{self.value:,.0f} {self.get_unit_display()}".rstrip()

    @property
    def percentiles(self):
        """(label, value) pairs for a pay chart, lowest first, leaving out the ones the source omits."""
        points = [
            ("10th percentile", self.pay_p10),
            ("25th percentile", self.pay_p25),
            ("Median", self.value),
            ("75th percentile", self.pay_p75),
            ("90th percentile", self.pay_p90),
        ]
        return [(label, amount) for label, amount in points if amount is not None]


@dataclass
class PathwayTotals:
    """Typical time and cost of a pathway. Costs add only current, undisputed figures; the rest is said in words."""

    duration_min: Decimal | None
    duration_max: Decimal | None
    cost_min: Decimal | None
    cost_max: Decimal | None
    untimed_steps: list
    uncosted_steps: list
    held_at_end: list
    counted: list = field(default_factory=list)  # what the cost total is made of, in words
    left_out: list = field(default_factory=list)  # one-time costs the total cannot include, in words
    recurring: list = field(default_factory=list)  # fees paid again after the pathway, in words

    @property
    def is_complete(self):
        """Whether the cost total covers every one-time cost of the pathway."""
        return self.cost_min is not None and not self.left_out


class PathwayQuerySet(ReviewableQuerySet):
    def for_listing(self):
        """Cards: the pathway, its source, its occupation (None while that is a draft) and its step count."""
        return (
            self.select_related("source")
            .prefetch_related(published_prefetch("occupation", Occupation))
            .annotate(step_count=models.Count("steps"))
        )

    def with_steps(self):
        """Steps in position order with what they require or award, in a fixed number of queries."""
        steps = Step.objects.select_related("source", "requires_education", "awards_education").prefetch_related(
            published_prefetch("requires_credential", Credential.objects.with_answers()),
            published_prefetch("awards_credential", Credential.objects.with_answers()),
            "course_list__items__course",
        )
        return self.select_related("source").prefetch_related(
            published_prefetch("occupation", Occupation.objects.with_facts()),
            published_prefetch("steps", steps),
            published_prefetch("notes", PathwayNote.objects.select_related("source")),
        )

    def for_planning(self):
        """Steps in position order with the education and credential each awards: what the route planner reads of
        a pathway (for_credential's fees come from its own credentials), in two queries."""
        steps = Step.objects.select_related("source", "awards_education").prefetch_related(
            published_prefetch("awards_credential", Credential)
        )
        return self.prefetch_related(published_prefetch("steps", steps))


class Pathway(Reviewable, Cited):
    """An ordered list of steps toward an occupation, as one source lays it out."""

    slug = models.SlugField(unique=True, help_text="Part of the shareable link. Change with care.")
    title = models.CharField(
        help_text='The pathway\'s name as students see it, e.g. "Become an RHIT in four steps".', max_length=200
    )
    summary = models.TextField(help_text="What this guide covers and who it suits, in one or two sentences.")
    occupation = models.ForeignKey(
        Occupation, on_delete=models.PROTECT, related_name="pathways", help_text="The job this pathway leads to."
    )
    Status = Status

    updated_at = models.DateTimeField(
        help_text='Set automatically on every save; shown as "Last updated".', auto_now=True
    )

    objects = PathwayQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="pathway_status_valid"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("guides:pathway-detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    def totals(self):
        """Typical time and cost of the whole pathway, from prefetched steps (``with_steps()``).

        Time adds what the sources state for each step. Cost adds each step's own stated cost and, for a
        step that is a credential's exam, that credential's *current* exam fee (what anyone pays: the
        non-member fee). Superseded, disputed, unconfirmed or undated fees are never added: the total says
        in words what it leaves out, and which fees come back after the pathway (renewal).
        """
        steps = list(self.steps.all())
        timed = [step for step in steps if step.duration_min_months is not None]
        held, counted, left_out, recurring = [], [], [], []
        cost_min = cost_max = None
        uncosted = []
        for step in steps:
            for award in (step.awards_education, step.awards_credential):
                if award is not None and award not in held:
                    held.append(award)
            low, high, said = step.cost_contribution()
            if low is None:
                uncosted.append(step.position)
            else:
                cost_min, cost_max = (cost_min or 0) + low, (cost_max or 0) + high
                counted.append(said)
            if said and low is None:
                (recurring if step.covers == StepCovers.RENEWAL else left_out).append(said)
        return PathwayTotals(
            duration_min=sum((step.duration_min_months for step in timed), Decimal(0)) if timed else None,
            duration_max=sum((step.duration_max_months or step.duration_min_months for step in timed), Decimal(0))
            if timed
            else None,
            cost_min=cost_min,
            cost_max=cost_max,
            untimed_steps=[step.position for step in steps if step not in timed],
            uncosted_steps=uncosted,
            held_at_end=held,
            counted=counted,
            left_out=left_out,
            recurring=recurring,
        )


class StepCovers(models.TextChoices):
    NOTHING = "", "Nothing more"
    EXAM = "exam", "The exam for the credential this step leads to"
    RENEWAL = "renewal", "Renewing the credential this step requires"
    JOB = "job", "Finding work in the pathway's occupation"


# Education above this rank is a postsecondary program, which charges tuition (high school is 10).
HIGH_SCHOOL_RANK = 10
TUITION_NOT_KNOWN = "varies by program and is not in our sources"


class Step(Cited):
    published_with = "pathway"  # published when its pathway is

    Covers = StepCovers

    pathway = models.ForeignKey(
        Pathway, on_delete=models.CASCADE, related_name="steps", help_text="The pathway this step belongs to."
    )
    position = models.PositiveSmallIntegerField(help_text="Step number within the pathway, starting at 1.")
    key = models.PositiveIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="The step's number in its shareable link: set once, kept through reorders, never reused.",
    )
    title = models.CharField(help_text='A short instruction, e.g. "Earn an associate degree".', max_length=200)
    body = models.TextField(help_text="What the student does in this step and why.")
    duration_min_months = models.DecimalField(
        validators=NOT_NEGATIVE,
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Shortest typical time, in months. Empty if no source states it.",
    )
    duration_max_months = models.DecimalField(
        validators=NOT_NEGATIVE,
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Longest typical time, in months.",
    )
    duration_quote = models.TextField(blank=True, help_text="The source's sentence giving the time, copied exactly.")
    cost_min = models.DecimalField(
        validators=NOT_NEGATIVE,
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Lowest typical cost in US dollars. Empty if no source states it.",
    )
    cost_max = models.DecimalField(
        help_text="Highest typical cost in US dollars. Same as the lowest when the source gives one amount.",
        validators=NOT_NEGATIVE,
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
    )
    cost_quote = models.TextField(blank=True, help_text="The source's sentence giving the cost, copied exactly.")
    requires_education = models.ForeignKey(
        "credentials.EducationLevel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Education the student needs before this step, if any.",
    )
    awards_education = models.ForeignKey(
        "credentials.EducationLevel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Education the student holds after this step, if any.",
    )
    requires_credential = models.ForeignKey(
        "credentials.Credential",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Credential the student needs before this step, if any.",
    )
    awards_credential = models.ForeignKey(
        "credentials.Credential",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="steps_awarding",
        help_text="Credential the student holds after this step, if any.",
    )
    course_list = models.ForeignKey(
        "credentials.CourseList",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="steps",
        help_text="Courses the source lists for this step.",
    )
    covers = models.CharField(
        "shows current answers for",
        max_length=10,
        choices=Covers.choices,
        blank=True,
        default=Covers.NOTHING,
        help_text="What the page shows beside this step from the credential's or the job's current answers: the "
        "exam with its current fee and length, the renewal rule with its fee, or the job's current pay and "
        "outlook. An exam step's cost is then the credential's current fee: leave its cost fields empty.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["pathway", "position"]
        constraints = [
            models.UniqueConstraint(fields=["pathway", "position"], name="unique_step_position"),
            models.UniqueConstraint(fields=["pathway", "key"], name="unique_step_key"),
            models.CheckConstraint(
                condition=Q(position__gte=1),
                name="step_position_from_one",
                violation_error_message="Steps are numbered from 1.",
            ),
            models.CheckConstraint(
                condition=Q(duration_min_months__lte=F("duration_max_months")),
                name="step_duration_min_not_above_max",
                violation_error_message="The shortest time can't be longer than the longest time.",
            ),
            min_not_above_max(
                "cost", "step_cost_min_not_above_max", "The lowest cost can't be higher than the highest cost."
            ),
            models.CheckConstraint(
                condition=Q(duration_min_months__gte=0),
                name="step_duration_not_negative",
                violation_error_message="A time can't be negative.",
            ),
            models.CheckConstraint(
                condition=Q(cost_min__gte=0),
                name="step_cost_not_negative",
                violation_error_message="A cost can't be negative.",
            ),
            models.CheckConstraint(condition=Q(covers__in=StepCovers.values), name="step_covers_valid"),
            models.CheckConstraint(
                condition=~Q(covers=StepCovers.EXAM) | Q(awards_credential__isnull=False),
                name="step_exam_names_its_credential",
                violation_error_message="An exam step needs the credential it leads to (“Leads to”).",
            ),
            models.CheckConstraint(
                condition=~Q(covers=StepCovers.RENEWAL) | Q(requires_credential__isnull=False),
                name="step_renewal_names_its_credential",
                violation_error_message="A renewal step needs the credential it renews (“Requires”).",
            ),
            models.CheckConstraint(
                condition=~Q(covers__in=[StepCovers.EXAM, StepCovers.RENEWAL])
                | Q(cost_min__isnull=True, cost_max__isnull=True),
                name="step_fee_comes_from_the_credential",
                violation_error_message="This step's cost is the credential's current fee: leave the step's own "
                "cost empty and keep the fee on the credential.",
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"

    @property
    def credential_answers(self):
        """The current answers of the credential this step is about (exam or renewal), or None."""
        credential = {StepCovers.EXAM: self.awards_credential, StepCovers.RENEWAL: self.requires_credential}.get(
            self.covers
        )
        return credential.answers() if credential is not None else None

    @property
    def fee_answer(self):
        """The credential's current fee this step costs: its exam fee, or the fee that renews it."""
        answers = self.credential_answers
        if answers is None:
            return None
        return answers.exam_fee if self.covers == StepCovers.EXAM else answers.renewal_fee

    def cost_contribution(self):
        """(lowest, highest, in words) this step adds to a total; (None, None, why not) when nothing is added."""
        if self.covers in (StepCovers.EXAM, StepCovers.RENEWAL):
            return self._fee_contribution()
        if self.cost_min is not None:
            return self.cost_min, self.cost_max or self.cost_min, f"step {self.position} ({self.title})"
        if self.charges_tuition:
            return None, None, f"tuition for step {self.position} ({self.title}) {TUITION_NOT_KNOWN}"
        return None, None, ""

    @property
    def charges_tuition(self):
        """A postsecondary program charges tuition, which no source states: a total must say it leaves it out."""
        level = self.awards_education
        return level is not None and level.rank > HIGH_SCHOOL_RANK

    @property
    def cost_note(self):
        """What the page says when a step states no cost of its own."""
        return TUITION_NOT_KNOWN if self.charges_tuition else "none in our sources"

    def _fee_contribution(self):
        credential = self.awards_credential if self.covers == StepCovers.EXAM else self.requires_credential
        answers, answer = self.credential_answers, self.fee_answer
        name = f"{credential.abbreviation} {'exam' if self.covers == StepCovers.EXAM else 'renewal'} fee"
        if not answer:
            said = f"{credential.issuer.abbreviation}'s current {name} is not in our sources"
            if answer.others:
                row, label = answer.others[0]
                said += f" ({row.source.short_description} gives {row.amount_display}, {row.as_of}, {label})"
            return None, None, said
        fee = answer.current
        amount = fee.amount_for_everyone
        who = " for non-members" if fee.nonmember_amount == amount != fee.member_amount else ""
        if self.covers == StepCovers.EXAM:
            return amount, amount, f"the {name}, {usd(amount)}{who} ({answer.as_of})"
        name = f"{credential.abbreviation} {fee.get_kind_display().lower()}"
        renewal = answers.renewal.current
        if fee.kind == FeeKind.MAINTENANCE:
            cycle = "every year"
        elif renewal is not None and renewal.cycle_years:
            cycle = f"every {renewal.cycle_years} years"
        else:
            cycle = "again"
        return None, None, f"the {name}, {usd(amount)}{who} ({answer.as_of}), is paid {cycle} after you are certified"

    def answers_shown(self):
        """(question, Answer) pairs the page shows beside this step, from the credential's or the job's answers."""
        if self.covers == StepCovers.JOB:
            answers = self.occupation_answers
            if answers is None:
                return []
            return [
                ("Median pay", answers["median_pay"]),
                ("Projected growth", answers["growth"]),
                ("Number of jobs", answers["employment"]),
            ]
        answers = self.credential_answers
        if answers is None:
            return []
        if self.covers == StepCovers.EXAM:
            return [
                ("Exam fee", answers.exam_fee),
                ("Questions and time", answers.exam_length),
                ("The exam", answers.exam),
            ]
        return [("Renewal rule", answers.renewal), ("Renewal fee", answers.renewal_fee)]

    def disagreements(self):
        """Where this step's own source says something other than the current answer, in words.

        The step follows one article; when that article's figure or rule is older, disputed or unconfirmed,
        the page says so beside the step instead of leaving the article's version to stand.
        """
        notes = []
        for question, answer in self.answers_shown():
            for row, label in answer.others:
                # An unconfirmed version only matters where there is nothing current to read instead.
                if row.source_id != self.source_id or (label == NOT_CONFIRMED and answer):
                    continue
                if row.standing_note:
                    verdict = row.standing_note
                elif answer:
                    verdict = (
                        f"The current figure is {answer.text} ({answer.as_of}, {answer.source.short_description})."
                    )
                else:
                    verdict = "Our sources have no current figure from the issuer."
                notes.append(
                    {"question": question, "text": answer.describe(row), "row": row, "label": label, "verdict": verdict}
                )
        return notes

    @property
    def occupation_answers(self):
        """The pathway's occupation's current answers, for a job step (None for other steps or a draft job)."""
        occupation = self.pathway.occupation if self.covers == StepCovers.JOB else None
        return occupation.answers() if occupation is not None else None

    def get_absolute_url(self):
        return f"{self.pathway.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self):
        return f"step-{self.key}"

    def assign_key(self):
        """A new step's link number: its position when no step of this pathway ever had that number, else the
        next unused one. Deleted steps count, so an old link never opens a different step."""
        if self.key is not None:
            return
        used = set(Step.history.filter(pathway_id=self.pathway_id).values_list("key", flat=True))
        used |= set(Step.objects.filter(pathway_id=self.pathway_id).values_list("key", flat=True))
        used.discard(None)
        self.key = self.position if self.position not in used else max(used, default=0) + 1


class PathwayNoteKind(models.TextChoices):
    TIP = "tip", "Tip"
    WARNING = "warning", "Warning"


class PathwayNote(Cited):
    published_with = "pathway"  # published when its pathway is
    Kind = PathwayNoteKind

    pathway = models.ForeignKey(
        Pathway, on_delete=models.CASCADE, related_name="notes", help_text="The pathway this tip or warning belongs to."
    )
    kind = models.CharField(
        help_text="A tip helps; a warning points out a risk or a disagreement between sources.",
        max_length=10,
        choices=Kind.choices,
    )
    position = models.PositiveSmallIntegerField(help_text="Order among the pathway's tips and warnings.", default=1)
    text = models.TextField(help_text="The tip or warning in plain words. Markdown (bold, lists, links) is allowed.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["pathway", "position"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=PathwayNoteKind.values), name="pathway_note_kind_valid"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {plain_text(self.text, limit=60)}"
