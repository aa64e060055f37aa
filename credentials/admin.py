from collections import defaultdict

from django.contrib import admin

from editorial.admin import HistoryAdmin, ReviewDueFilter, WorkflowAdmin
from sources.answers_admin import STANDING_FIELDS, StandingAdmin, answer_rows, answers_table

from .models import (
    Course,
    CourseList,
    CourseListItem,
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


@admin.register(Organization)
class OrganizationAdmin(HistoryAdmin):
    list_display = ["abbreviation", "name", "role", "website"]
    list_filter = ["role"]
    search_fields = ["abbreviation", "name", "description"]
    prepopulated_fields = {"slug": ["abbreviation"]}


@admin.register(EducationLevel)
class EducationLevelAdmin(HistoryAdmin):
    list_display = ["name", "plain_name", "kind", "rank"]
    list_filter = ["kind"]
    search_fields = ["name", "plain_name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Course)
class CourseAdmin(HistoryAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class CourseListItemInline(admin.TabularInline):
    model = CourseListItem
    extra = 0
    autocomplete_fields = ["course"]


@admin.register(CourseList)
class CourseListAdmin(HistoryAdmin):
    list_display = ["title", "source"]
    list_select_related = ["source"]
    list_filter = ["source"]
    search_fields = ["title", "quote"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["source"]
    inlines = [CourseListItemInline]


class EligibilityRouteInline(admin.StackedInline):
    model = EligibilityRoute
    extra = 0
    autocomplete_fields = ["source"]
    show_change_link = True
    fields = [("position", "name"), "note", ("source", "quote")]
    verbose_name = "eligibility route (edit its requirements with “Change”)"


class ExamInline(admin.StackedInline):
    model = Exam
    extra = 0
    autocomplete_fields = ["source"]
    fieldsets = [
        (None, {"fields": [("as_of", *STANDING_FIELDS), ("source", "quote")]}),
        (
            "What the source says",
            {
                "fields": [
                    ("total_questions", "scored_questions", "pretest_questions"),
                    ("questions_min", "questions_max", "case_count", "duration_minutes"),
                    ("question_format", "delivery"),
                    "structure",
                ]
            },
        ),
    ]


class FeeInline(admin.StackedInline):
    model = Fee
    extra = 0
    autocomplete_fields = ["source"]
    fields = [
        ("kind", "member_amount", "nonmember_amount", "currency"),
        ("as_of", *STANDING_FIELDS),
        ("source", "quote"),
        "note",
    ]


class RenewalInline(admin.StackedInline):
    model = Renewal
    extra = 0
    autocomplete_fields = ["source"]
    fields = [
        ("as_of", *STANDING_FIELDS),
        ("cycle_years", "ce_required", "ce_unit", "requires_exam"),
        "conditions",
        ("source", "quote"),
    ]


@admin.register(Credential)
class CredentialAdmin(WorkflowAdmin):
    list_display = ["abbreviation", "name", "issuer", "level", "status", "review_due", "updated_at"]
    list_select_related = ["issuer"]
    list_filter = ["status", ReviewDueFilter, "level", "issuer"]
    readonly_fields = ["current_answers"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "abbreviation",
                    "slug",
                    "name",
                    "other_names",
                    "issuer",
                    "level",
                    "certifies",
                    "eligibility_summary",
                ]
            },
        ),
        (
            "Current answers",
            {
                "fields": ["current_answers"],
                "description": "What pages show as today's exam, fees and renewal rule. To change it, set a "
                "value's standing below (with the reason).",
            },
        ),
        ("Renamed", {"fields": ["renamed_to", "renamed_year", "renamed_source"], "classes": ["collapse"]}),
        ("Where it leads", {"fields": ["leads_to"]}),
        WorkflowAdmin.workflow_fieldset,
    ]
    search_fields = ["abbreviation", "name", "other_names", "certifies"]
    prepopulated_fields = {"slug": ["abbreviation"]}
    autocomplete_fields = ["issuer", "leads_to"]
    inlines = [EligibilityRouteInline, ExamInline, FeeInline, RenewalInline]

    @admin.display(description="Pages show")
    def current_answers(self, obj):
        if obj.pk is None:
            return "Save the credential first."
        answers = Credential.objects.with_details().get(pk=obj.pk).answers()
        return answers_table(
            answer_rows(
                [
                    ("Exam", answers.exam, lambda exam: exam.delivery or exam.question_format),
                    ("Exam length", answers.exam_length, lambda exam: exam.length_display),
                    ("Exam fee", answers.exam_fee, lambda fee: fee.amount_display),
                    ("Recertification fee", answers.recertification_fee, lambda fee: fee.amount_display),
                    ("Maintenance fee", answers.maintenance_fee, lambda fee: fee.amount_display),
                    ("Renewal", answers.renewal, lambda renewal: renewal.rule_display),
                ]
            )
        )


# Grouped by the kind of requirement each line matters for, so an advisor fills in one group.
REQUIREMENT_FIELDS = [
    ("position", "kind"),
    "detail",
    ("education_level", "field_of_study"),
    ("accreditor", "program_type"),
    ("experience_kind", "experience_years", "experience_hours"),
    "course",
    "credentials",
    ("source", "quote"),
]


class RequirementInline(admin.StackedInline):
    model = Requirement
    extra = 0
    fields = REQUIREMENT_FIELDS
    autocomplete_fields = ["education_level", "accreditor", "course", "credentials", "source"]


class RecommendationInline(admin.StackedInline):
    model = Recommendation
    extra = 0
    fields = [("position", "detail"), ("experience_kind", "experience_years"), "credentials", ("source", "quote")]
    autocomplete_fields = ["credentials", "source"]
    verbose_name = "recommended preparation (advised, not required)"
    verbose_name_plural = "recommended preparation (advised, not required): any one option"


@admin.register(EligibilityRoute)
class EligibilityRouteAdmin(HistoryAdmin):
    list_display = ["name", "credential", "position", "source"]
    list_select_related = ["credential", "source"]
    list_filter = ["credential"]
    search_fields = ["name", "note", "credential__abbreviation"]
    autocomplete_fields = ["credential", "source"]
    inlines = [RequirementInline, RecommendationInline]


@admin.register(Requirement)
class RequirementAdmin(HistoryAdmin):
    list_display = ["detail", "kind", "route", "position"]
    list_select_related = ["route__credential"]
    list_filter = ["kind", "route__credential"]
    search_fields = ["detail", "route__name", "route__credential__abbreviation"]
    fields = ["route", *REQUIREMENT_FIELDS]
    autocomplete_fields = ["route", "education_level", "accreditor", "course", "credentials", "source"]


@admin.register(Recommendation)
class RecommendationAdmin(HistoryAdmin):
    list_display = ["detail", "route", "position", "source"]
    list_select_related = ["route__credential", "source"]
    list_filter = ["route__credential"]
    search_fields = ["detail", "route__name", "route__credential__abbreviation", "quote"]
    autocomplete_fields = ["route", "credentials", "source"]


def _siblings(model, rows, key):
    """Every row of `model` answering the same questions as `rows`, grouped by `key`, in one query."""
    groups = defaultdict(list)
    credentials = {row.credential_id for row in rows}
    for row in model.objects.filter(credential__in=credentials).select_related("source"):
        for group in key(row):
            groups[group].append(row)
    return groups


@admin.register(Exam)
class ExamAdmin(StandingAdmin):
    list_display = ["credential", "as_of", "length", "delivery", "standing", "shown_as", "source"]
    list_select_related = ["credential", "source"]
    list_filter = ["standing", "credential"]
    search_fields = ["credential__abbreviation", "question_format", "delivery", "quote", "standing_note"]
    autocomplete_fields = ["credential", "source"]
    fieldsets = [
        (None, {"fields": ["credential", "as_of", ("source", "quote")]}),
        StandingAdmin.standing_fieldset,
        ExamInline.fieldsets[1],
    ]

    @admin.display(description="Questions and time")
    def length(self, obj):
        return obj.length_display or "—"

    def answer_groups(self, rows):
        """Format rows answer “what is the exam”, length rows “how long”; a row can answer both."""

        def key(exam):
            return [(exam.credential_id, "format")] * exam.describes_format + [
                (exam.credential_id, "length")
            ] * exam.describes_length

        return _siblings(Exam, rows, key)


@admin.register(Fee)
class FeeAdmin(StandingAdmin):
    list_display = ["credential", "kind", "member_amount", "nonmember_amount", "as_of", "standing", "shown_as"]
    list_select_related = ["credential", "source"]
    list_filter = ["standing", "kind", "credential"]
    search_fields = ["credential__abbreviation", "note", "quote", "standing_note"]
    autocomplete_fields = ["credential", "source"]
    fieldsets = [
        (None, {"fields": ["credential", ("kind", "member_amount", "nonmember_amount", "currency"), "as_of"]}),
        StandingAdmin.standing_fieldset,
        ("Source", {"fields": [("source", "quote"), "note"]}),
    ]

    def answer_groups(self, rows):
        return _siblings(Fee, rows, lambda fee: [(fee.credential_id, fee.kind)])


@admin.register(Renewal)
class RenewalAdmin(StandingAdmin):
    list_display = ["credential", "as_of", "rule", "requires_exam", "standing", "shown_as", "source"]
    list_select_related = ["credential", "source"]
    list_filter = ["standing", "credential"]
    search_fields = ["credential__abbreviation", "conditions", "quote", "standing_note"]
    autocomplete_fields = ["credential", "source"]
    fieldsets = [
        (None, {"fields": ["credential", "as_of", ("source", "quote")]}),
        StandingAdmin.standing_fieldset,
        (
            "What the source says",
            {"fields": [("cycle_years", "ce_required", "ce_unit", "requires_exam"), "conditions"]},
        ),
    ]

    @admin.display(description="Rule")
    def rule(self, obj):
        return obj.rule_display or "—"

    def answer_groups(self, rows):
        """Rows that state how much continuing education a cycle needs answer “what is the rule”."""
        return _siblings(Renewal, rows, lambda renewal: [(renewal.credential_id,)] * renewal.states_rule)


@admin.register(CourseListItem)
class CourseListItemAdmin(HistoryAdmin):
    list_display = ["course", "course_list", "position"]
    list_select_related = ["course", "course_list"]
    list_filter = ["course_list"]
    search_fields = ["course__name", "course_list__title"]
    autocomplete_fields = ["course_list", "course"]
