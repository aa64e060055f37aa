"""Query shapes the planner needs from other apps (candidates for QuerySet methods there)."""

from django.db.models import Prefetch

from credentials.models import Credential
from guides.models import EntryEducation, Occupation


def occupations_for_planner():
    """Published occupations with their entry education and published preferred credentials, in 3 queries."""
    return Occupation.objects.published().prefetch_related(
        Prefetch("entry_educations", queryset=EntryEducation.objects.select_related("education_level")),
        Prefetch("preferred_credentials", queryset=Credential.objects.published()),
    )
