from dataclasses import dataclass, field
from urllib.parse import urlencode

from crispy_forms.helper import FormHelper
from django import forms

from credentials.models import RequirementKind, RequirementProgramType

from .eligibility import Profile

MAX_YEARS = 60
MAX_HOURS = 100_000

# The query-string keys of the answers, in the order a shared link lists them.
ANSWER_FIELDS = ["education", "accredited", "program", "held", "years", "hours", "course", "practicum"]

# Which answers a credential's requirement kinds need, for the short form on a credential page.
FIELDS_FOR_KIND = {
    RequirementKind.EDUCATION: ["education"],
    RequirementKind.PROGRAM: ["education", "accredited", "program"],
    RequirementKind.EXPERIENCE: ["years", "hours"],
    RequirementKind.PRACTICUM: ["practicum"],
    RequirementKind.COURSEWORK: ["course"],
    RequirementKind.CREDENTIAL: ["held"],
}


@dataclass
class Options:
    """What the form offers, taken from content already loaded (no queries of its own)."""

    levels: list
    credentials: list = field(default_factory=list)
    accreditors: list = field(default_factory=list)
    courses: list = field(default_factory=list)
    occupations: list = field(default_factory=list)

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


def is_answered(query):
    """Whether a query string carries planner answers (and so should be checked and shown)."""
    return any(key in query for key in [*ANSWER_FIELDS, "target"])


def _invalid(noun):
    return {"invalid_choice": f"“%(value)s” is not one of the {noun} listed. Choose from the list."}


class PlannerForm(forms.Form):
    """What a student already has. Sent with GET, so the answers are the shareable link; nothing is stored."""

    education = forms.ChoiceField(
        label="Highest education you have completed",
        required=False,
        help_text="Count a degree or diploma only once you have it.",
        error_messages=_invalid("education levels"),
    )
    accredited = forms.MultipleChoiceField(
        label="Your health information program was accredited by",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave empty if the program was not accredited, or if you are not sure.",
        error_messages=_invalid("accreditors"),
    )
    program = forms.ChoiceField(
        label="That accredited program was a",
        required=False,
        help_text="Some routes accept only a degree program, others a certificate program.",
        error_messages=_invalid("program types"),
    )
    held = forms.MultipleChoiceField(
        label="Credentials you already hold",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_invalid("credentials"),
    )
    years = forms.DecimalField(
        label="Years of relevant work experience",
        required=False,
        min_value=0,
        max_value=MAX_YEARS,
        decimal_places=1,
        help_text=f"0 to {MAX_YEARS}, e.g. 2.5. Count the kind of work the credential asks for "
        "(for CHPS, healthcare privacy or security management).",
    )
    hours = forms.IntegerField(
        label="Hours of relevant work experience",
        required=False,
        min_value=0,
        max_value=MAX_HOURS,
        help_text=f"0 to {MAX_HOURS:,}, for credentials that count hours (for CTR, cancer registry work; "
        "one year full time is about 1,950 hours).",
    )
    course = forms.MultipleChoiceField(
        label="Courses you have completed",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="With a grade of C or better.",
        error_messages=_invalid("courses"),
    )
    practicum = forms.IntegerField(
        label="Supervised practicum hours completed",
        required=False,
        min_value=0,
        max_value=MAX_HOURS,
        help_text=f"0 to {MAX_HOURS:,}: hours of supervised practice that were part of a program.",
    )
    target = forms.ChoiceField(
        label="Plan a route to",
        required=False,
        help_text="A credential or a job: the planner lays out the routes from where you are now.",
        error_messages=_invalid("credentials or occupations"),
    )

    def __init__(self, *args, options, only=None, with_target=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = options
        self.fields["education"].choices = [("", "No high school diploma yet")] + [
            (level.slug, level.name) for level in options.levels
        ]
        self.fields["accredited"].choices = [
            (org.slug, f"{org.abbreviation} ({org.name})") for org in options.accreditors
        ]
        self.fields["program"].choices = [("", "No accredited program, or not sure")] + [
            choice for choice in RequirementProgramType.choices if choice[0]
        ]
        self.fields["held"].choices = [
            (cred.slug, f"{cred.abbreviation} ({cred.name})") for cred in options.credentials
        ]
        self.fields["course"].choices = [(course.slug, course.name) for course in options.courses]
        self.fields["target"].choices = [
            ("", "No plan, just check my eligibility"),
            ("Credentials", [(f"credential-{cred.slug}", cred.abbreviation) for cred in options.credentials]),
            ("Occupations", [(f"occupation-{occ.slug}", occ.title) for occ in options.occupations]),
        ]
        keep = set(ANSWER_FIELDS if only is None else only) | ({"target"} if with_target else set())
        for name in list(self.fields):
            multiple = isinstance(self.fields[name], forms.MultipleChoiceField)
            if name not in keep or (multiple and not self.fields[name].choices):
                del self.fields[name]
        if "accredited" not in self.fields:
            self.fields.pop("program", None)
        self.helper = FormHelper()
        # The template writes the <form method="get"> and its button: no CSRF token in a shareable URL.
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        cleaned = super().clean()
        if "accredited" in self.fields and not self.errors:
            if cleaned.get("accredited") and not cleaned.get("program"):
                self.add_error("program", "Say whether your accredited program was a degree or a certificate program.")
            if cleaned.get("program") and not cleaned.get("accredited"):
                self.add_error(
                    "accredited", "Choose who accredited your program, or set the program type to “not sure”."
                )
        return cleaned

    def profile(self):
        """The answers as a Profile (call after is_valid())."""
        data = self.cleaned_data
        ranks = {level.slug: level.rank for level in self.options.levels}
        return Profile(
            education_rank=ranks.get(data.get("education")),
            accreditors=data.get("accredited") or (),
            program_type=data.get("program") or "",
            credentials=data.get("held") or (),
            experience_years=data.get("years") or 0,
            experience_hours=data.get("hours") or 0,
            courses=data.get("course") or (),
            practicum_hours=data.get("practicum") or 0,
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
    """The answers one credential's routes depend on, for the short form on its page."""
    kinds = {req.kind for route in credential.routes.all() for req in route.requirements.all()}
    return {name for kind in kinds for name in FIELDS_FOR_KIND.get(kind, [])}
