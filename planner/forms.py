import copy
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django import forms
from django.forms.boundfield import BoundField
from django.utils.functional import cached_property

from credentials.models import ExperienceKind, FieldOfStudy, RequirementKind

from .eligibility import NEITHER, NONE, OTHER, Profile, Stage

MAX_YEARS = 60
MAX_HOURS = 100_000
UNKNOWN = "unknown"  # "don't know" is always an answer; it counts as not given

# The query-string keys of the answers, in the order a shared link lists them.
ANSWER_FIELDS = [
    "education",
    "field",
    "program",
    "accredited",
    "stage",
    "experience",
    "years",
    "held",
    "practicum",
    "course",
]

# Which answers a credential's requirements need, for the short form on a credential page.
FIELDS_FOR_KIND = {
    RequirementKind.EDUCATION: ["education"],
    RequirementKind.PROGRAM: ["program", "accredited", "stage"],
    RequirementKind.EARLY_TESTING: ["program", "accredited", "stage"],
    RequirementKind.EXPERIENCE: ["experience", "years"],
    RequirementKind.PRACTICUM: ["practicum"],
    RequirementKind.COURSEWORK: ["course"],
    RequirementKind.CREDENTIAL: ["held"],
}

FIELD_CHOICES = [
    ("", "Choose one"),
    (FieldOfStudy.HEALTH_INFORMATION, "Health information: management, technology, medical coding or cancer registry"),
    (FieldOfStudy.HEALTH, "Another health field, such as nursing, biology or health administration"),
    (OTHER, "Something else"),
    (UNKNOWN, "Not sure"),
]
STAGE_CHOICES = [
    ("", "Choose one"),
    (Stage.STUDYING, "Still studying, before the last term"),
    (Stage.FINAL_TERM, "In the last term, or finished the courses but not graduated yet"),
    (Stage.FINISHED, "Finished: I have graduated"),
    (UNKNOWN, "Not sure"),
]
EXPERIENCE_CHOICES = [
    ("", "Choose one"),
    (NONE, "None yet"),
    (ExperienceKind.PRIVACY_SECURITY, "Healthcare privacy or security management"),
    (ExperienceKind.CODING, "Medical coding"),
    (ExperienceKind.CANCER_REGISTRY, "Cancer registry work"),
    ("health-information", "Other health information work"),
    (OTHER, "Other work"),
    (UNKNOWN, "Not sure how to describe it"),
]


@dataclass
class Options:
    """What the form offers, taken from content already loaded (no queries of its own)."""

    levels: list
    credentials: list = field(default_factory=list)
    accreditors: list = field(default_factory=list)
    courses: list = field(default_factory=list)
    occupations: list = field(default_factory=list)
    _fields: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def from_content(cls, *, levels, credentials, occupations=(), held=None):
        """Accreditors and courses that some route asks for; `held` defaults to every credential."""
        requirements = [
            req for credential in credentials for route in credential.routes.all() for req in route.requirements.all()
        ]
        accreditors = {req.accreditor.slug: req.accreditor for req in requirements if req.accreditor is not None}
        courses = {req.course.slug: req.course for req in requirements if req.course is not None}
        return cls(
            levels=list(levels),
            credentials=sorted(credentials if held is None else held, key=lambda credential: credential.abbreviation),
            accreditors=sorted(accreditors.values(), key=lambda organization: organization.abbreviation),
            courses=sorted(courses.values(), key=lambda course: course.name),
            occupations=list(occupations),
        )

    def level(self, slug):
        return next((level for level in self.levels if level.slug == slug), None)

    @property
    def program_levels(self):
        return [level for level in self.levels if level.is_program]

    def fields(self, only=None, with_target=True):
        """A new dict of the form's fields for these options, built the first time and shared after that."""
        key = (frozenset(only) if only is not None else None, with_target)
        if key not in self._fields:
            self._fields[key] = PlannerForm.prepare_fields(self, only, with_target)
        return dict(self._fields[key])

    @cached_property
    def key(self):
        """What the form offers, as a string: questions rendered from these options are kept under it."""
        kinds = (self.levels, self.credentials, self.accreditors, self.courses, self.occupations)
        return repr([[item.pk for item in items] for items in kinds])


class YearsField(forms.DecimalField):
    """Years with at most one decimal place, where "2.50" is as good as "2.5"."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.normalize() if value is not None and value.is_finite() else value


class Question(BoundField):
    """One question as the planner's own template writes it (planner/form_fields.html): its options with the
    student's answers marked, and the ids its help text and errors go by.

    Django's widget templates render every option through two templates of their own; the planner's form has
    about sixty options on every answer page, and that was most of the page's time. The options themselves
    come from the widget, as Django's templates get them.
    """

    @cached_property
    def answer(self):
        """The answer as the widget shows it: a list of values for a choice, the text for a text box (or None)."""
        return self.field.widget.format_value(self.value())

    @property
    def optgroups(self):
        """[(group label or None, [option, ...], index), ...], each option a dict with its value, label, whether it
        is selected, and its id in attrs (ChoiceWidget.optgroups)."""
        return self.field.widget.optgroups(self.html_name, self.answer, {"id": self.auto_id})

    @property
    def text_value(self):
        """A text box's value as typed (or as cleaned, once valid), "" when empty."""
        return "" if self.answer is None else self.answer

    @property
    def cache_key(self):
        """Everything the question shows, as a string: its rendered HTML is kept under it (planner/form_fields.html)."""
        return repr((self.form.options.key, self.html_name, self.answer, tuple(self.errors)))

    @property
    def described_by(self):
        ids = [f"{self.auto_id}_helptext"] if self.help_text else []
        return " ".join([*ids, f"{self.auto_id}_error"] if self.errors else ids)


def is_answered(query):
    """Whether a query string carries planner answers (and so should be checked and shown)."""
    return any(key in query for key in [*ANSWER_FIELDS, "hours", "target"])


def _invalid(noun):
    return {"invalid_choice": f"“%(value)s” is not one of the {noun} listed. Choose from the list."}


def _known(value):
    return None if value in ("", UNKNOWN, None) else value


class PlannerForm(forms.Form):
    """What a student already has, in plain words. Sent with GET, so the answers are the shareable link;
    nothing is stored. Every question can be left out or answered "not sure": the verdicts then say what to check."""

    bound_field_class = Question

    education = forms.ChoiceField(
        label="Highest education you have finished",
        required=False,
        help_text="Count a diploma or degree once you have it. Still studying for one? "
        "Choose the one before it, and tell us about your program below.",
        error_messages=_invalid("education levels"),
    )
    field = forms.ChoiceField(
        label="What was it in?",
        required=False,
        choices=FIELD_CHOICES,
        help_text="For a college certificate or degree; skip it for a high school diploma. "
        "Some routes ask for a degree in health information.",
        error_messages=_invalid("fields"),
    )
    program = forms.ChoiceField(
        label="Have you studied in a health information program?",
        required=False,
        help_text="A college program in health information, medical coding or cancer registry, finished or not. "
        "If you have studied in more than one, choose the highest.",
        error_messages=_invalid("programs"),
    )
    accredited = forms.ChoiceField(
        label="Who accredits that program?",
        required=False,
        help_text="The program's website says so. CAHIIM accredits health information programs; "
        "NCRA accredits cancer registry programs.",
        error_messages=_invalid("accreditors"),
    )
    stage = forms.ChoiceField(
        label="Where are you in that program?",
        required=False,
        choices=STAGE_CHOICES,
        help_text="Students in their last term of an accredited program can sometimes sit the exam early.",
        error_messages=_invalid("answers"),
    )
    experience = forms.ChoiceField(
        label="What kind of work experience do you have?",
        required=False,
        choices=EXPERIENCE_CHOICES,
        help_text="If you have done several kinds, choose the kind you have done longest.",
        error_messages=_invalid("kinds of work"),
    )
    # Text inputs with a numeric keyboard: a number input cannot show back a mistyped answer to correct.
    years = YearsField(
        label="Years of that work",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        min_value=0,
        max_value=MAX_YEARS,
        decimal_places=1,
        help_text=f"Full-time years, 0 to {MAX_YEARS}, e.g. 2.5: two years half time count as one.",
    )
    held = forms.MultipleChoiceField(
        label="Credentials you already hold",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave them all unticked if you hold none yet.",
        error_messages=_invalid("credentials"),
    )
    practicum = forms.IntegerField(
        label="Hours of supervised practice (practicum) in a cancer registry",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        min_value=0,
        max_value=MAX_HOURS,
        help_text=f"Only for cancer registry (CTR/ODS) routes: 0 to {MAX_HOURS:,} hours, usually done as part "
        "of an NCRA-accredited program. Leave it empty if you don't know.",
    )
    course = forms.MultipleChoiceField(
        label="Courses you have passed with a grade of C or better",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only for cancer registry (CTR/ODS) route B, which asks for two semesters of anatomy and physiology.",
        error_messages=_invalid("courses"),
    )
    target = forms.ChoiceField(
        label="Plan a route to",
        required=False,
        help_text="A credential or a job: the planner lays out the routes from where you are now.",
        error_messages=_invalid("credentials or occupations"),
    )

    FIELDSETS = [
        ("Your education", ["education", "field"]),
        ("A health information program", ["program", "accredited", "stage"]),
        ("Work and credentials", ["experience", "years", "held"]),
        ("Only for cancer registry routes (CTR/ODS)", ["practicum", "course"]),
        ("Where you want to go", ["target"]),
    ]

    def __init__(self, *args, options, only=None, with_target=True, **kwargs):
        # Django copies a form's fields for each form, so that a form may change its own. This one never does,
        # and copying its sixty-odd options took a tenth of a planner answer: its fields are prepared once per set
        # of options (Options.fields, kept with the content) and each form gets its own dict of them.
        self.base_fields = {}
        super().__init__(*args, **kwargs)
        self.options = options
        self.fields = options.fields(only, with_target)

    @classmethod
    def prepare_fields(cls, options, only=None, with_target=True):
        """The questions asked with these options (all, or `only` these and maybe the target), choices set."""
        fields = copy.deepcopy(cls.base_fields)
        fields["education"].choices = [
            ("", "Choose one"),
            (NONE, "No high school diploma or GED yet"),
            *((level.slug, level.label) for level in options.levels),
            (UNKNOWN, "Not sure how mine compares"),
        ]
        fields["program"].choices = [
            ("", "Choose one"),
            (NONE, "No"),
            *((level.slug, f"Yes: {level.label[0].lower()}{level.label[1:]}") for level in options.program_levels),
            (UNKNOWN, "Not sure"),
        ]
        fields["accredited"].choices = [
            ("", "Choose one"),
            *((org.slug, f"{org.abbreviation} ({org.name})") for org in options.accreditors),
            (NEITHER, "Neither"),
            (UNKNOWN, "Don't know"),
        ]
        fields["held"].choices = [(cred.slug, f"{cred.abbreviation} ({cred.name})") for cred in options.credentials]
        fields["course"].choices = [(course.slug, course.name) for course in options.courses]
        fields["target"].choices = [
            ("", "No plan, just check my eligibility"),
            ("Credentials", [(f"credential-{cred.slug}", cred.abbreviation) for cred in options.credentials]),
            ("Occupations", [(f"occupation-{occ.slug}", occ.title) for occ in options.occupations]),
        ]
        keep = set(ANSWER_FIELDS if only is None else only) | ({"target"} if with_target else set())
        for name in list(fields):
            multiple = isinstance(fields[name], forms.MultipleChoiceField)
            if name not in keep or (multiple and not fields[name].choices):
                del fields[name]
        return fields

    @property
    def fieldsets(self):
        """[(legend, [question, ...]), ...]: the groups of questions this form asks, in order."""
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in self.FIELDSETS
            if any(name in self.fields for name in names)
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("experience") == NONE and cleaned.get("years"):
            self.add_error(
                "years", "You chose “None yet” for work experience: choose the kind of work, or clear the years."
            )
        if cleaned.get("years") is not None and not cleaned.get("experience") and "experience" in self.fields:
            cleaned["experience"] = UNKNOWN
        return cleaned

    def profile(self):
        """The answers as a Profile (call after is_valid()); questions not asked or not answered are None."""
        data = self.cleaned_data
        education = _known(data.get("education"))
        level = self.options.level(education)
        program = _known(data.get("program"))
        program_level = self.options.level(program)
        experience = _known(data.get("experience"))
        years = data.get("years")
        if experience == NONE:
            years = Decimal(0)
        return Profile(
            education_rank=0 if education == NONE else (level.rank if level else None),
            field=_known(data.get("field")) if level is not None and level.is_program else None,
            program_rank=0 if program == NONE else (program_level.rank if program_level else None),
            program_kind=program_level.kind if program_level else None,
            accreditor=_known(data.get("accredited")),
            stage=_known(data.get("stage")),
            experience_kind=experience,
            experience_years=years,
            credentials=data.get("held", []) if "held" in self.fields else None,
            courses=data.get("course", []) if "course" in self.fields else None,
            practicum_hours=data.get("practicum"),
        )

    def chosen_target(self):
        """("credential" or "occupation", slug) or None."""
        kind, _, slug = (self.cleaned_data.get("target") or "").partition("-")
        return (kind, slug) if slug else None

    def query_string(self, *, answers_only=False):
        """The answers as a canonical query string: what a shared link carries, empty answers left out."""
        pairs = []
        names = ANSWER_FIELDS if answers_only else [*ANSWER_FIELDS, "target"]
        for name in names:
            value = self.cleaned_data.get(name)
            if isinstance(value, list):
                pairs.extend((name, item) for item in sorted(value))
            elif value not in (None, ""):
                pairs.append((name, f"{value.normalize():f}" if name == "years" else value))
        return urlencode(pairs)


def fields_for(credential):
    """The answers one credential's routes depend on, for the short form on its page (after with_recommendations)."""
    routes = credential.routes.all()
    kinds = {req.kind for route in routes for req in route.requirements.all()}
    names = {name for kind in kinds for name in FIELDS_FOR_KIND.get(kind, [])}
    if any(req.field_of_study for route in routes for req in route.requirements.all()):
        names.add("field")
    for route in routes:
        for recommendation in route.recommendations.all():
            if recommendation.experience_years is not None:
                names |= {"experience", "years"}
            if recommendation.credentials.all():
                names.add("held")
    return names
