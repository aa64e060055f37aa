from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from careerpath.links import reverse
from editorial.workflow import ContentQuerySet, Reviewable, ReviewableQuerySet, SlugQuerySet, published_prefetch
from sources.answers import Answer, current_answer, current_only
from sources.formats import usd
from sources.models import Cited, Versioned, one_current, standing_constraints
from sources.urls_safe import web_url_constraint, web_url_validator

NOT_NEGATIVE = [MinValueValidator(0, "This can't be negative.")]


def min_not_above_max(prefix, name, message):
    """Check constraint: <prefix>_min <= <prefix>_max whenever both are given."""
    return models.CheckConstraint(
        condition=Q(**{f"{prefix}_min__lte": F(f"{prefix}_max")}), name=name, violation_error_message=message
    )


@dataclass(frozen=True)
class Citation:
    """A source and its sentence, for a fact kept in fields of its own (a credential's new name)."""

    source: object
    quote: str = ""


class OrganizationRole(models.TextChoices):
    CERTIFYING_BODY = "certifying", "Certifying body"
    ACCREDITOR = "accreditor", "Accreditor of education programs"
    ASSOCIATION = "association", "Professional association"
    STATISTICS_AGENCY = "statistics", "Statistics agency"


class OrganizationQuerySet(SlugQuerySet):
    def with_credentials(self):
        """The published credentials it issues, and the published routes whose programs it accredits."""
        accredited = Requirement.objects.select_related("route__credential").order_by(
            "route__credential__abbreviation", "route__position"
        )
        return self.prefetch_related(
            published_prefetch("credentials_issued", Credential.objects.order_by("abbreviation")),
            published_prefetch("requirements_accredited", accredited),
        )


class Organization(models.Model):
    Role = OrganizationRole

    slug = models.SlugField(unique=True, help_text="Part of the organization's link, e.g. ahima.")
    abbreviation = models.CharField(max_length=20, help_text="Short name as people write it, e.g. AHIMA.")
    name = models.CharField(
        max_length=200, help_text="Full name, e.g. American Health Information Management Association."
    )
    role = models.CharField(max_length=20, choices=Role.choices, help_text="What this organization mainly does here.")
    website = models.URLField(
        blank=True,
        validators=[web_url_validator],
        help_text="The organization's own site, e.g. https://www.ahima.org/.",
    )
    description = models.TextField(blank=True, help_text="Who they are, in a sentence or two.")
    source = models.ForeignKey(
        "sources.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations_described",
        help_text="Where the description's facts come from. Every claim on the site needs one.",
    )
    quote = models.TextField(
        blank=True, help_text="The sentence the description's facts come from, copied exactly from that source."
    )

    objects = OrganizationQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["abbreviation"]
        constraints = [
            models.CheckConstraint(condition=Q(role__in=OrganizationRole.values), name="organization_role_valid"),
            web_url_constraint("website", "organization_website_is_web_address"),
        ]

    def __str__(self):
        return self.abbreviation

    def get_absolute_url(self):
        return reverse("credentials:organization-detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)


class EducationLevelKind(models.TextChoices):
    SCHOOL = "school", "School diploma (not a college program)"
    CERTIFICATE = "certificate", "College certificate or diploma (not a degree)"
    DEGREE = "degree", "College degree"


class EducationLevel(models.Model):
    Kind = EducationLevelKind

    slug = models.SlugField(help_text="Short name used in links, e.g. associate.", unique=True)
    name = models.CharField(max_length=100, help_text="e.g. Associate's degree.")
    plain_name = models.CharField(
        max_length=100,
        blank=True,
        help_text="How the planner's questions say it, in everyday words, e.g. "
        "“A certificate or diploma from a college (not a degree)”. Empty: the name above is used.",
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.DEGREE,
        help_text="Whether this is a school diploma, a college certificate or a degree: "
        "some eligibility routes accept only a degree program, others a certificate program.",
    )
    rank = models.PositiveSmallIntegerField(
        unique=True, help_text="Orders the levels: a higher number is more education (high school 10, associate 30…)."
    )

    objects = SlugQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EducationLevelKind.values),
                name="education_level_kind_valid",
                violation_error_message="Choose the kind of education from the list.",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The everyday name the planner asks with."""
        return self.plain_name or self.name

    @property
    def is_program(self):
        """A college certificate or degree: something a student enrols in and finishes, not a school diploma."""
        return self.kind != EducationLevelKind.SCHOOL

    def natural_key(self):
        return (self.slug,)


class Course(models.Model):
    slug = models.SlugField(help_text="Short name used in links, e.g. medical-terminology.", unique=True)
    name = models.CharField(max_length=150, help_text="e.g. Medical terminology.")

    objects = SlugQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class CourseList(Cited):
    """A list of courses as one source gives it (courses a program covers, or employers prefer)."""

    slug = models.SlugField(help_text="Short name used in links.", unique=True)
    title = models.CharField(max_length=200, help_text='e.g. "Typical coursework in health information technology".')
    courses = models.ManyToManyField(
        Course, through="CourseListItem", related_name="course_lists", help_text="The courses on this list, in order."
    )

    objects = SlugQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)


class CourseListItem(models.Model):
    course_list = models.ForeignKey(
        CourseList, on_delete=models.CASCADE, related_name="items", help_text="The list this course belongs to."
    )
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="+", help_text="The course.")
    position = models.PositiveSmallIntegerField(help_text="Order within the list, starting at 1.")

    objects = ContentQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["course_list", "position"], name="unique_course_list_position"),
            models.UniqueConstraint(fields=["course_list", "course"], name="unique_course_in_list"),
        ]

    def __str__(self):
        return f"{self.course_list}: {self.course}"


class CredentialQuerySet(ReviewableQuerySet):
    def with_issuer(self):
        return self.select_related("issuer")

    def with_answers(self):
        """Exams, fees and renewals with their sources: what `answers()` reads, in 3 extra queries."""
        return self.select_related("issuer").prefetch_related(
            published_prefetch("exams", Exam.objects.select_related("source")),
            published_prefetch("fees", Fee.objects.select_related("source")),
            published_prefetch("renewals", Renewal.objects.select_related("source")),
        )

    def with_details(self):
        """Everything a credential page or comparison column shows, in a fixed number of queries."""
        requirements = Requirement.objects.select_related(
            "education_level", "accreditor", "course", "source"
        ).prefetch_related(published_prefetch("credentials", Credential))
        routes = EligibilityRoute.objects.select_related("source").prefetch_related(
            published_prefetch("requirements", requirements)
        )
        return self.select_related("issuer", "renamed_source").prefetch_related(
            published_prefetch("routes", routes),
            published_prefetch("exams", Exam.objects.select_related("source")),
            published_prefetch("fees", Fee.objects.select_related("source")),
            published_prefetch("renewals", Renewal.objects.select_related("source")),
            published_prefetch("leads_to", Credential.objects.order_by("abbreviation")),
            published_prefetch("leads_from", Credential.objects.order_by("abbreviation")),
        )

    def with_recommendations(self):
        """Each route's recommended preparation (after with_details), naming only published credentials."""
        return self.prefetch_related(recommendations_prefetch())


def recommendations_prefetch():
    """For with_recommendations(), or for prefetch_related_objects() on a credential already fetched."""
    recommendations = Recommendation.objects.select_related("source").prefetch_related(
        published_prefetch("credentials", Credential)
    )
    return published_prefetch("routes__recommendations", recommendations)


class CredentialLevel(models.TextChoices):
    ENTRY = "entry", "Entry level"
    PROFESSIONAL = "professional", "Professional"
    ADVANCED = "advanced", "Advanced / management"
    SPECIALTY = "specialty", "Specialty"


class Credential(Reviewable):
    Level = CredentialLevel

    slug = models.SlugField(
        unique=True, help_text="Part of the shareable link: the abbreviation in lowercase, e.g. rhit. Change with care."
    )
    abbreviation = models.CharField(max_length=20, help_text="e.g. RHIT.")
    name = models.CharField(max_length=200, help_text="e.g. Registered Health Information Technician.")
    other_names = models.CharField(
        max_length=300,
        blank=True,
        help_text="Other names people search for, separated by commas (a former name, a new name, common wording).",
    )
    issuer = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="credentials_issued",
        help_text="The organization that awards the credential.",
    )
    level = models.CharField(
        help_text="Where it sits in a career: entry level, professional, advanced or specialty.",
        max_length=20,
        choices=Level.choices,
    )
    certifies = models.TextField(blank=True, help_text="What holding it shows, in plain words.")
    eligibility_summary = models.CharField(
        "eligibility in short",
        max_length=300,
        blank=True,
        help_text="Who can sit the exam, in one plain sentence that sums up the eligibility routes below "
        "(quick facts, cards and comparisons show it, citing the routes' sources). "
        "Leave empty if the sources do not say.",
    )
    renamed_to = models.CharField(
        max_length=200,
        blank=True,
        help_text="If the issuer renamed the credential, its new name, e.g. Oncology Data Specialist (ODS).",
    )
    renamed_year = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Year the new name took effect.")
    renamed_source = models.ForeignKey(
        "sources.Source",
        verbose_name="source of the new name",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credentials_renamed",
        help_text="Where the issuer announces the new name (required with a new name).",
    )
    renamed_quote = models.TextField(
        blank=True, help_text="The issuer's sentence announcing the new name, copied exactly."
    )
    leads_to = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="leads_from",
        help_text="Credentials a holder typically goes on to earn.",
    )
    updated_at = models.DateTimeField(help_text="Set automatically on every save.", auto_now=True)

    objects = CredentialQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["abbreviation"]
        constraints = [
            models.CheckConstraint(condition=Q(level__in=CredentialLevel.values), name="credential_level_valid"),
            models.CheckConstraint(
                condition=Q(renamed_year__isnull=True) | ~Q(renamed_to=""),
                name="credential_rename_has_name",
                violation_error_message="Give the new name as well as the year it took effect.",
            ),
        ]

    def __str__(self):
        return f"{self.abbreviation} ({self.name})"

    def get_absolute_url(self):
        return reverse("credentials:credential-detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    @property
    def eligibility_sources(self):
        """Distinct sources of the eligibility routes (prefetched): what "eligibility in short" sums up."""
        return list({route.source_id: route.source for route in self.routes.all()}.values())

    def cited_sources(self):
        """Distinct sources behind this credential's routes, exams, fees and renewals (from prefetched rows)."""
        facts = [*self.routes.all(), *self.exams.all(), *self.fees.all(), *self.renewals.all()]
        return list({fact.source_id: fact.source for fact in facts}.values())

    def clean(self):
        super().clean()
        if self.renamed_to and self.renamed_source_id is None:
            raise ValidationError(
                {"renamed_source": "Say where the issuer announces the new name: students see the citation."}
            )

    @property
    def rename_citation(self):
        """The new name's source and quote, in the shape the cite tag reads (None when not renamed)."""
        if self.renamed_source_id is None:
            return None
        return Citation(source=self.renamed_source, quote=self.renamed_quote)

    def answers(self, today=None):
        """The current exam, fees and renewal rule, and every other version labelled (see sources.answers).

        Built from the prefetched exams, fees and renewals (``with_details()``) without a query; cached on
        the object for today.
        """
        if today is None and getattr(self, "_answers", None) is not None:
            return self._answers
        answers = CredentialAnswers.build(self, today=today)
        if today is None:
            self._answers = answers
        return answers

    def _requirements(self):
        return [(route, requirement) for route in self.routes.all() for requirement in route.requirements.all()]

    def minimum_education(self):
        """The lowest education level any route accepts, or None when no route names one."""
        levels = [req.education_level for _route, req in self._requirements() if req.education_level is not None]
        return min(levels, key=lambda level: level.rank) if levels else None

    def program_accreditors(self):
        """Accreditors whose programs a route asks for, and whether some route needs no accredited program."""
        accreditors, routes_with_program = [], set()
        for route, requirement in self._requirements():
            if requirement.kind == RequirementKind.PROGRAM and requirement.accreditor is not None:
                routes_with_program.add(route.pk)
                if requirement.accreditor not in accreditors:
                    accreditors.append(requirement.accreditor)
        routes = self.routes.all()
        return accreditors, bool(routes) and len(routes_with_program) < len(routes)


class EligibilityRoute(Cited):
    """One way to qualify for a credential: all of its requirements together."""

    published_with = "credential"  # published when its credential is

    credential = models.ForeignKey(
        Credential,
        on_delete=models.CASCADE,
        related_name="routes",
        help_text="The credential this route qualifies for.",
    )
    position = models.PositiveSmallIntegerField(help_text="Order in which routes are listed.")
    name = models.CharField(max_length=120, help_text='Short label, e.g. "Route A1: accredited degree program".')
    note = models.TextField(blank=True, help_text="Anything the requirements below do not capture.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["credential", "position"]
        constraints = [
            models.UniqueConstraint(fields=["credential", "position"], name="unique_route_position"),
        ]

    def __str__(self):
        return f"{self.credential.abbreviation}: {self.name}"


class RequirementKind(models.TextChoices):
    EDUCATION = "education", "Education level"
    PROGRAM = "program", "Accredited program"
    EARLY_TESTING = "early-testing", "Early testing: near the end of the route's accredited program"
    EXPERIENCE = "experience", "Work experience"
    COURSEWORK = "coursework", "Coursework"
    CREDENTIAL = "credential", "Credential already held"
    PRACTICUM = "practicum", "Practicum"
    OTHER = "other", "Other (only the issuer can judge it)"


class RequirementProgramType(models.TextChoices):
    ANY = "", "Any"
    DEGREE = "degree", "Degree program"
    CERTIFICATE = "certificate", "Certificate program"


class FieldOfStudy(models.TextChoices):
    ANY = "", "Any field"
    HEALTH_INFORMATION = "health-information", "Health information (management, technology, coding, cancer registry)"
    HEALTH = "health", "Any health field, health information included"


class ExperienceKind(models.TextChoices):
    ANY = "", "Any work (the source does not say)"
    PRIVACY_SECURITY = "privacy-security", "Healthcare privacy or security management"
    CODING = "coding", "Medical coding"
    CANCER_REGISTRY = "cancer-registry", "Cancer registry work"


class Requirement(Cited):
    """One condition of an eligibility route. A route is met when every one of its requirements is met."""

    published_with = "route__credential"  # published when its credential is

    Kind = RequirementKind

    ProgramType = RequirementProgramType

    FieldOfStudy = FieldOfStudy

    ExperienceKind = ExperienceKind

    route = models.ForeignKey(
        EligibilityRoute,
        on_delete=models.CASCADE,
        related_name="requirements",
        help_text="The route this requirement belongs to.",
    )
    position = models.PositiveSmallIntegerField(help_text="Order within the route, starting at 1.")
    kind = models.CharField(
        help_text="What sort of condition this is; it decides which fields below matter. "
        "“Early testing” lets students near the end of the accredited program named in the same route sit the "
        "exam before graduating; without it, that program must be finished. Use “Other” only for a condition "
        "the planner cannot ask about: the planner then sends the student to the issuer and never says “eligible”.",
        max_length=20,
        choices=Kind.choices,
    )
    education_level = models.ForeignKey(
        EducationLevel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Minimum education (for education requirements) or the program's level (for accredited programs). "
        "In a route with early testing, the level of the program that leads to this credential "
        "(an associate degree for RHIT, a bachelor's for RHIA).",
    )
    field_of_study = models.CharField(
        max_length=30,
        choices=FieldOfStudy.choices,
        blank=True,
        default="",
        help_text="For an education requirement: the field the degree must be in, when the source names one "
        "(e.g. a bachelor's degree in health information management). Leave “Any field” otherwise.",
    )
    accreditor = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requirements_accredited",
        help_text="For an accredited-program requirement: who must accredit the program.",
    )
    program_type = models.CharField(
        help_text="For an accredited program: whether it must be a degree or a certificate program.",
        max_length=20,
        choices=ProgramType.choices,
        blank=True,
        default="",
    )
    experience_kind = models.CharField(
        max_length=30,
        choices=ExperienceKind.choices,
        blank=True,
        default="",
        help_text="For a work-experience requirement: the kind of work that counts, as the source names it.",
    )
    experience_years = models.DecimalField(
        validators=NOT_NEGATIVE,
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Minimum years of experience.",
    )
    experience_hours = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Minimum hours of experience or practicum. When the source gives the same minimum in years too "
        "(NCRA: “1,950 hours (one year full time)”), fill in both: either one meets it. With hours alone, "
        "the planner shows hours and never turns them into months.",
    )
    course = models.ForeignKey(
        Course,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="For a coursework requirement: the course.",
    )
    credentials = models.ManyToManyField(
        Credential,
        blank=True,
        related_name="required_by",
        help_text="For a credential requirement: holding any one of these is enough.",
    )
    detail = models.CharField(
        max_length=300,
        help_text="The requirement in plain words, as a checklist line, "
        'e.g. "6 years of privacy or security experience".',
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["route", "position"]
        constraints = [
            models.UniqueConstraint(fields=["route", "position"], name="unique_requirement_position"),
            models.CheckConstraint(
                condition=Q(kind__in=RequirementKind.values),
                name="requirement_kind_valid",
                violation_error_message="Choose the kind of requirement from the list.",
            ),
            models.CheckConstraint(
                condition=Q(program_type__in=RequirementProgramType.values),
                name="requirement_program_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(experience_years__gte=0),
                name="requirement_years_not_negative",
                violation_error_message="Years of experience can't be negative.",
            ),
            models.CheckConstraint(
                condition=~Q(kind="education") | Q(education_level__isnull=False),
                name="requirement_education_has_level",
                violation_error_message="An education requirement needs its education level.",
            ),
            models.CheckConstraint(
                condition=~Q(kind="program") | Q(accreditor__isnull=False),
                name="requirement_program_has_accreditor",
                violation_error_message="An accredited-program requirement needs the accreditor.",
            ),
            models.CheckConstraint(
                condition=Q(field_of_study__in=FieldOfStudy.values),
                name="requirement_field_of_study_valid",
                violation_error_message="Choose a field of study from the list.",
            ),
            models.CheckConstraint(
                condition=Q(field_of_study="") | Q(kind="education"),
                name="requirement_field_only_for_education",
                violation_error_message="A field of study belongs to an education requirement: "
                "set the kind to “Education level” or choose “Any field”.",
            ),
            models.CheckConstraint(
                condition=Q(experience_kind__in=ExperienceKind.values),
                name="requirement_experience_kind_valid",
                violation_error_message="Choose a kind of experience from the list.",
            ),
            models.CheckConstraint(
                condition=Q(experience_kind="") | Q(kind="experience"),
                name="requirement_experience_kind_only_for_experience",
                violation_error_message="A kind of experience belongs to a work-experience requirement: "
                "set the kind to “Work experience” or choose “Any work”.",
            ),
        ]

    def __str__(self):
        return self.detail


class Recommendation(Cited):
    """Preparation an issuer recommends for a route without requiring it (AHIMA's advice for the CCS exam)."""

    published_with = "route__credential"  # published when its credential is

    route = models.ForeignKey(
        EligibilityRoute,
        on_delete=models.CASCADE,
        related_name="recommendations",
        help_text="The route this advice goes with.",
    )
    position = models.PositiveSmallIntegerField(help_text="Order within the route's advice, starting at 1.")
    detail = models.CharField(
        max_length=400,
        help_text="The recommended preparation in plain words, as one option a student could follow, "
        'e.g. "2 years of related coding experience".',
    )
    experience_kind = models.CharField(
        max_length=30,
        choices=ExperienceKind.choices,
        blank=True,
        default="",
        help_text="Only when this option is nothing but work experience: the kind of work. Leave the measurable "
        "fields empty when the option also asks for something the planner does not ask about (coursework, a "
        "credential not on this site): the planner then lists it without saying whether the student has it.",
    )
    experience_years = models.DecimalField(
        validators=NOT_NEGATIVE,
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Years of that kind of work this option recommends.",
    )
    credentials = models.ManyToManyField(
        Credential,
        blank=True,
        related_name="recommended_for",
        help_text="Only when this option is holding a credential: holding any one of these is enough.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["route", "position"]
        verbose_name = "recommended preparation"
        verbose_name_plural = "recommended preparation"
        constraints = [
            models.UniqueConstraint(
                fields=["route", "position"],
                name="unique_recommendation_position",
                violation_error_message="Another piece of advice on this route already has this position.",
            ),
            models.CheckConstraint(
                condition=Q(experience_kind__in=ExperienceKind.values),
                name="recommendation_experience_kind_valid",
                violation_error_message="Choose a kind of experience from the list.",
            ),
            models.CheckConstraint(
                condition=Q(experience_years__gte=0),
                name="recommendation_years_not_negative",
                violation_error_message="Years of experience can't be negative.",
            ),
            models.CheckConstraint(
                condition=Q(experience_years__isnull=True) | ~Q(experience_kind=""),
                name="recommendation_years_have_kind",
                violation_error_message="Say what kind of work the years of experience are in.",
            ),
        ]

    def __str__(self):
        return self.detail


class Exam(Versioned):
    """The exam for a credential as one source describes it. Sources may disagree; keep one row per source.

    A row that gives the format or delivery answers "what is the exam?"; one that gives questions or time
    answers "how long is it?"; a row with neither adds a detail (results, a new version) beside them.
    """

    published_with = "credential"  # published when its credential is

    credential = models.ForeignKey(
        Credential, on_delete=models.CASCADE, related_name="exams", help_text="The credential this exam is for."
    )
    as_of = models.CharField(max_length=100, help_text='When this description applied, e.g. "2010" or "c. 2020".')
    total_questions = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Total questions, if stated as one number."
    )
    scored_questions = models.PositiveSmallIntegerField(
        help_text="Questions that count toward the score.", null=True, blank=True
    )
    pretest_questions = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Unscored questions being tried out for future exams."
    )
    questions_min = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text='For a range such as "between 140 and 160".'
    )
    questions_max = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text='Upper bound, e.g. "a maximum of 225".'
    )
    case_count = models.PositiveSmallIntegerField(
        "cases", null=True, blank=True, help_text="Medical-record cases to code, for exams that have them."
    )
    duration_minutes = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Time allowed, in minutes.")
    question_format = models.CharField(max_length=200, blank=True, help_text="e.g. Multiple choice.")
    delivery = models.CharField(
        max_length=200, blank=True, help_text="e.g. Computer-based at Pearson VUE test centers."
    )
    structure = models.TextField(blank=True, help_text="Parts, domains or cases, in plain words.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["credential", "-year", "-as_of"]
        constraints = [
            *standing_constraints(),
            min_not_above_max(
                "questions",
                "exam_questions_min_not_above_max",
                "The smallest number of questions can't be larger than the largest.",
            ),
        ]

    def __str__(self):
        return f"{self.credential.abbreviation} exam ({self.as_of})"

    @property
    def summary(self):
        """The exam's format and delivery in words: "Multiple choice; computer-based at Pearson VUE test centers"."""
        parts = [self.question_format, self.delivery]
        text = "; ".join(part for part in parts if part)
        return text[:1].upper() + text[1:]

    @property
    def describes_format(self):
        return bool(self.question_format or self.delivery)

    @property
    def describes_length(self):
        counts = (self.total_questions, self.scored_questions, self.questions_min, self.questions_max)
        return any(value is not None for value in counts) or self.duration_minutes is not None

    @property
    def question_count_display(self):
        if self.scored_questions and self.pretest_questions:
            total = self.scored_questions + self.pretest_questions
            count = f"{total} ({self.scored_questions} scored + {self.pretest_questions} pretest)"
        elif self.total_questions:
            count = str(self.total_questions)
        elif self.scored_questions:
            count = f"{self.scored_questions} scored"
        elif self.questions_min and self.questions_max:
            count = f"{self.questions_min}–{self.questions_max}"
        elif self.questions_max:
            count = f"at most {self.questions_max}"
        else:
            return ""
        return count

    @property
    def length_display(self):
        """ "150 questions in 3.5 hours", "60 questions and 13 cases", or what of it the source gives."""
        parts = []
        if self.question_count_display:
            parts.append(f"{self.question_count_display} questions")
        if self.case_count:
            parts.append(f"{self.case_count} cases")
        text = " and ".join(parts)
        if self.duration_display:
            text = f"{text} in {self.duration_display}" if text else self.duration_display
        return text

    @property
    def duration_display(self):
        if not self.duration_minutes:
            return ""
        hours, minutes = divmod(self.duration_minutes, 60)
        if not hours:
            return f"{minutes} minutes"
        if not minutes:
            return f"{hours} hour{'s' if hours != 1 else ''}"
        return f"{self.duration_minutes / 60:g} hours"


class FeeKind(models.TextChoices):
    EXAM = "exam", "Exam fee"
    RECERTIFICATION = "recertification", "Recertification fee"
    MAINTENANCE = "maintenance", "Annual maintenance fee"
    ADDITIONAL_CREDENTIAL = "additional", "Each additional credential"
    RESCHEDULE = "reschedule", "Rescheduling or extension"


class Fee(Versioned):
    """A fee as one source states it, with the date it applied. One row per source and date."""

    published_with = "credential"  # published when its credential is

    Kind = FeeKind

    credential = models.ForeignKey(
        Credential, on_delete=models.CASCADE, related_name="fees", help_text="The credential this fee is for."
    )
    kind = models.CharField(help_text="What the fee pays for.", max_length=20, choices=Kind.choices)
    member_amount = models.DecimalField(
        validators=NOT_NEGATIVE,
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="For members of the issuing organization.",
    )
    nonmember_amount = models.DecimalField(
        validators=NOT_NEGATIVE,
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="For everyone else.",
    )
    currency = models.CharField(
        help_text="Three-letter currency code; USD for US dollars.", max_length=3, default="USD"
    )
    as_of = models.CharField(max_length=100, help_text='When the source says this fee applied, e.g. "2024".')
    note = models.CharField(
        help_text='Anything else about this fee, e.g. "per extra credential".', max_length=300, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["credential", "kind", "-year", "-as_of"]
        constraints = [
            *standing_constraints(),
            one_current("credential", "kind", name="fee_one_current"),
            models.CheckConstraint(condition=Q(kind__in=FeeKind.values), name="fee_kind_valid"),
            models.CheckConstraint(
                condition=Q(member_amount__gte=0),
                name="fee_member_not_negative",
                violation_error_message="A fee can't be negative.",
            ),
            models.CheckConstraint(
                condition=Q(nonmember_amount__gte=0),
                name="fee_nonmember_not_negative",
                violation_error_message="A fee can't be negative.",
            ),
            models.CheckConstraint(
                condition=Q(member_amount__isnull=False) | Q(nonmember_amount__isnull=False),
                name="fee_has_amount",
                violation_error_message="Give the member amount, the non-member amount, or both.",
            ),
        ]

    def __str__(self):
        return f"{self.credential.abbreviation} {self.get_kind_display().lower()} ({self.as_of})"

    @property
    def summary(self):
        return self.amount_display

    @property
    def amount_for_everyone(self):
        """What anyone pays: the non-member amount when there is one (members may pay less)."""
        return self.nonmember_amount if self.nonmember_amount is not None else self.member_amount

    @property
    def amount_display(self):
        """ "$335 for members, $435 for non-members", or the one amount the source gives."""
        if self.member_amount is not None and self.member_amount == self.nonmember_amount:
            return f"{usd(self.member_amount)} for everyone"
        parts = []
        if self.member_amount is not None:
            parts.append(f"{usd(self.member_amount)} for members")
        if self.nonmember_amount is not None:
            parts.append(f"{usd(self.nonmember_amount)} for non-members")
        return ", ".join(parts)


class CEUnit(models.TextChoices):
    CEU = "ceu", "CEUs (continuing education units)"
    HOUR = "hour", "hours of continuing education"


class Renewal(Versioned):
    """How a credential is kept current, as one source describes it.

    A row that says how much continuing education a cycle needs states the renewal rule; a row without
    it adds a detail (when the cycle starts, where CEUs must come from) beside the rule.
    """

    CEUnit = CEUnit

    published_with = "credential"  # published when its credential is

    credential = models.ForeignKey(
        Credential, on_delete=models.CASCADE, related_name="renewals", help_text="The credential this is about."
    )
    as_of = models.CharField(help_text='When the source says this applied, e.g. "2024" or "c. 2019".', max_length=100)
    cycle_years = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Years between renewals.")
    ce_required = models.PositiveSmallIntegerField(
        "continuing education",
        null=True,
        blank=True,
        help_text="How much continuing education each cycle needs, in the unit below. Empty if not stated.",
    )
    ce_unit = models.CharField(
        "unit",
        max_length=10,
        choices=CEUnit.choices,
        blank=True,
        help_text="The unit the source uses: AHIMA counts CEUs, NCRA counts hours. Don't convert one into the other.",
    )
    requires_exam = models.BooleanField(
        null=True,
        blank=True,
        help_text="Whether the source says an exam is needed to renew. Leave unknown if it does not say.",
    )
    conditions = models.TextField(blank=True, help_text="Other conditions, in plain words.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["credential", "-year", "-as_of"]
        constraints = [
            *standing_constraints(),
            one_current("credential", name="renewal_one_current"),
            models.CheckConstraint(condition=Q(ce_unit__in=["", *CEUnit.values]), name="renewal_ce_unit_valid"),
            models.CheckConstraint(
                condition=Q(ce_required__isnull=True) | ~Q(ce_unit=""),
                name="renewal_ce_has_unit",
                violation_error_message="Say whether the continuing education is counted in CEUs or in hours.",
            ),
        ]

    def __str__(self):
        return f"{self.credential.abbreviation} renewal ({self.as_of})"

    @property
    def states_rule(self):
        return self.ce_required is not None

    @property
    def ce_display(self):
        """ "20 CEUs", "20 hours of continuing education" (never converting one unit into the other)."""
        if self.ce_required is None:
            return ""
        if self.ce_unit == CEUnit.CEU:
            return f"{self.ce_required} CEU{'s' if self.ce_required != 1 else ''}"
        return f"{self.ce_required} hour{'s' if self.ce_required != 1 else ''} of continuing education"

    @property
    def summary(self):
        rule = self.rule_display or self.conditions
        return f"{rule}, plus a recertification exam" if self.requires_exam else rule

    @property
    def rule_display(self):
        """ "20 CEUs every 2 years", as far as the source states it."""
        cycle = ""
        if self.cycle_years:
            cycle = "every year" if self.cycle_years == 1 else f"every {self.cycle_years} years"
        return " ".join(part for part in (self.ce_display, cycle) if part)


@dataclass
class CredentialAnswers:
    """The current answers about one credential (see sources.answers for the rule and the labels)."""

    exam: Answer
    exam_length: Answer
    exam_fee: Answer
    recertification_fee: Answer
    maintenance_fee: Answer
    additional_credential_fee: Answer
    renewal: Answer
    exam_details: list = field(default_factory=list)
    renewal_details: list = field(default_factory=list)
    eligibility_summary: str = ""

    @property
    def renewal_fee(self):
        """The fee that keeps the credential: AHIMA's recertification fee, or NCRA's annual maintenance fee."""
        return self.recertification_fee if self.recertification_fee.rows else self.maintenance_fee

    @classmethod
    def build(cls, credential, *, today=None):
        exams, fees, renewals = (
            list(credential.exams.all()),
            list(credential.fees.all()),
            list(credential.renewals.all()),
        )

        def fee(kind):
            return current_answer([row for row in fees if row.kind == kind], today=today)

        return cls(
            exam=current_answer([row for row in exams if row.describes_format], today=today),
            exam_length=current_answer(
                [row for row in exams if row.describes_length], today=today, describe=lambda exam: exam.length_display
            ),
            exam_fee=fee(FeeKind.EXAM),
            recertification_fee=fee(FeeKind.RECERTIFICATION),
            maintenance_fee=fee(FeeKind.MAINTENANCE),
            additional_credential_fee=fee(FeeKind.ADDITIONAL_CREDENTIAL),
            renewal=current_answer([row for row in renewals if row.states_rule], today=today),
            exam_details=current_only(row for row in exams if not row.describes_format and not row.describes_length),
            renewal_details=current_only(row for row in renewals if not row.states_rule),
            eligibility_summary=credential.eligibility_summary,
        )
