"""Shared planner links keep working: links from the first planner, and slugs an advisor has renamed since.

`upgrade` answers with the query string to redirect to, or None when the link is current.
"""

from decimal import ROUND_FLOOR, Decimal

from credentials.models import EducationLevel, ExperienceKind
from sharing.models import SlugRedirect

from .eligibility import NONE, Stage
from .forms import UNKNOWN

FULL_TIME_HOURS_PER_YEAR = 1950  # NCRA: "1,950 hours (one year full time)"


def is_legacy(query):
    """A link from the first planner: its answers meant something else, or were put differently."""
    return (
        "hours" in query
        or query.get("program") in ("degree", "certificate")
        or len(query.getlist("accredited")) > 1
        or ("years" in query and "experience" not in query)
    )


def upgrade_legacy(query, options):
    """The first planner's answers as today's questions, as its page read them: a blank education was "no
    diploma yet", blank years, hours and practicum were none. What it never asked (the field of study, the kind
    of work) stays unknown, so those verdicts say what to check instead of guessing."""
    old, new = query, query.copy()
    for key in ("hours", "program", "accredited", "years", "experience", "stage", "practicum"):
        new.pop(key, None)
    if not new.get("education"):
        new["education"] = NONE
    education = options.level(old.get("education"))
    accredited = old.getlist("accredited")
    kind = old.get("program")
    if kind in ("degree", "certificate"):
        if kind == "certificate":
            certificates = [level for level in options.levels if level.kind == EducationLevel.Kind.CERTIFICATE]
            level = certificates[-1] if certificates else None
        else:
            level = education if education is not None and education.kind == EducationLevel.Kind.DEGREE else None
        new["program"] = level.slug if level else UNKNOWN
        new["accredited"] = accredited[0] if len(accredited) == 1 else UNKNOWN
        new["stage"] = Stage.FINISHED  # the first planner asked about programs completed
    years, hours = old.get("years"), old.get("hours")
    if years not in (None, ""):
        new["experience"], new["years"] = UNKNOWN, years
    elif hours not in (None, ""):
        # Its hours were cancer registry work (CTR route B), which NCRA counts 1,950 to the full-time year.
        new["experience"] = ExperienceKind.CANCER_REGISTRY
        try:
            # Rounded down, so that converting never gives a student hours they did not have.
            in_years = (Decimal(hours) / FULL_TIME_HOURS_PER_YEAR).quantize(Decimal("0.1"), rounding=ROUND_FLOOR)
            new["years"] = f"{in_years.normalize():f}"
        except ArithmeticError:
            new["years"] = hours  # the form then says what is wrong with it
    else:
        new["experience"] = NONE
    new["practicum"] = old.get("practicum") or "0"
    return new


def _rename(query, options):
    """Point a target or held credential at its current slug, if an advisor renamed it. True if anything changed."""
    changed = False
    credentials = {credential.slug for credential in options.credentials}
    occupations = {occupation.slug for occupation in options.occupations}
    kind, _, slug = query.get("target", "").partition("-")
    current = {"credential": credentials, "occupation": occupations}.get(kind)
    if slug and current is not None and slug not in current:
        new_slug = SlugRedirect.objects.current_slugs(kind, [slug]).get(slug)
        if new_slug:
            query["target"], changed = f"{kind}-{new_slug}", True
    held = query.getlist("held")
    unknown = [slug for slug in held if slug not in credentials]
    if unknown:
        renamed = SlugRedirect.objects.current_slugs(SlugRedirect.Kind.CREDENTIAL, unknown)
        if renamed:
            query.setlist("held", [renamed.get(slug, slug) for slug in held])
            changed = True
    return changed


def upgrade(query, options):
    """The query string a shared link should be answered at today, or None when it is current."""
    legacy = is_legacy(query)
    new = upgrade_legacy(query, options) if legacy else query.copy()
    return new if _rename(new, options) or legacy else None
