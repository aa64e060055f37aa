import factory
from factory.django import DjangoModelFactory

from credentials.models import (
    Credential,
    EducationLevel,
    EligibilityRoute,
    Exam,
    Fee,
    Organization,
    Recommendation,
    Renewal,
    Requirement,
)
from guides.models import EntryEducation, Figure, Occupation, Pathway, PathwayNote, Statement, Step
from sources.models import Source


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"source-{n}")
    title = factory.Sequence(lambda n: f"Source document {n}")
    as_of = "2024"
    year = 2024


class CitedFactory(DjangoModelFactory):
    source = factory.SubFactory(SourceFactory)
    quote = factory.Sequence(lambda n: f"Quoted sentence {n}.")


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"org-{n}")
    abbreviation = factory.Sequence(lambda n: f"ORG{n}")
    name = factory.Sequence(lambda n: f"Organization {n}")
    role = Organization.Role.CERTIFYING_BODY


class EducationLevelFactory(DjangoModelFactory):
    class Meta:
        model = EducationLevel
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"level-{n}")
    name = factory.Sequence(lambda n: f"Level {n}")
    rank = factory.Sequence(lambda n: 100 + n)


class CredentialFactory(DjangoModelFactory):
    class Meta:
        model = Credential
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"cred-{n}")
    abbreviation = factory.Sequence(lambda n: f"CRED{n}")
    name = factory.Sequence(lambda n: f"Certified Thing {n}")
    issuer = factory.SubFactory(OrganizationFactory)
    level = Credential.Level.PROFESSIONAL
    certifies = "Knowledge of health records."
    status = "published"


class EligibilityRouteFactory(CitedFactory):
    class Meta:
        model = EligibilityRoute

    credential = factory.SubFactory(CredentialFactory)
    position = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Route {n}")


class RequirementFactory(CitedFactory):
    class Meta:
        model = Requirement

    route = factory.SubFactory(EligibilityRouteFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = Requirement.Kind.EDUCATION
    education_level = factory.SubFactory(EducationLevelFactory)
    detail = "An associate degree"


class RecommendationFactory(CitedFactory):
    class Meta:
        model = Recommendation

    route = factory.SubFactory(EligibilityRouteFactory)
    position = factory.Sequence(lambda n: n + 1)
    detail = "2 years of related coding experience"
    experience_kind = "coding"
    experience_years = 2


class ExamFactory(CitedFactory):
    class Meta:
        model = Exam

    credential = factory.SubFactory(CredentialFactory)
    as_of = "2020"
    total_questions = 150
    duration_minutes = 210
    question_format = "Multiple choice"


class FeeFactory(CitedFactory):
    class Meta:
        model = Fee

    credential = factory.SubFactory(CredentialFactory)
    kind = Fee.Kind.EXAM
    member_amount = "229.00"
    nonmember_amount = "299.00"
    as_of = "2024"


class RenewalFactory(CitedFactory):
    class Meta:
        model = Renewal

    credential = factory.SubFactory(CredentialFactory)
    as_of = "2024"
    cycle_years = 2
    ce_required = 20
    ce_unit = Renewal.CEUnit.CEU


class OccupationFactory(DjangoModelFactory):
    class Meta:
        model = Occupation
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"occupation-{n}")
    title = factory.Sequence(lambda n: f"Occupation {n}")
    summary = "Keeps patients' records accurate."
    status = "published"


class StatementFactory(CitedFactory):
    class Meta:
        model = Statement

    occupation = factory.SubFactory(OccupationFactory)
    topic = Statement.Topic.DUTIES
    text = "Organizes health information."


class EntryEducationFactory(CitedFactory):
    class Meta:
        model = EntryEducation

    occupation = factory.SubFactory(OccupationFactory)
    education_level = factory.SubFactory(EducationLevelFactory)
    wording = "Postsecondary nondegree award"


class FigureFactory(CitedFactory):
    class Meta:
        model = Figure

    occupation = factory.SubFactory(OccupationFactory)
    measure = Figure.Measure.MEDIAN_PAY
    value = "37110.00"
    unit = Figure.Unit.USD_YEAR
    year = 2015
    as_of = "May 2015"


class PathwayFactory(CitedFactory):
    class Meta:
        model = Pathway
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"pathway-{n}")
    title = factory.Sequence(lambda n: f"Pathway {n}")
    summary = "From high school to your first job."
    occupation = factory.SubFactory(OccupationFactory)
    status = "published"


class StepFactory(CitedFactory):
    class Meta:
        model = Step

    pathway = factory.SubFactory(PathwayFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Do step {n}")
    body = "What to do and why."


class PathwayNoteFactory(CitedFactory):
    class Meta:
        model = PathwayNote

    pathway = factory.SubFactory(PathwayFactory)
    kind = PathwayNote.Kind.TIP
    text = "Keep going."
