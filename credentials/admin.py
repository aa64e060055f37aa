from django.contrib import admin

from editorial.admin import HistoryAdmin, ReviewDueFilter, WorkflowAdmin

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
    list_display = ["name", "rank"]
    search_fields = ["name"]
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


class FeeInline(admin.TabularInline):
    model = Fee
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["kind", "member_amount", "nonmember_amount", "currency", "as_of", "source", "quote", "note"]


class RenewalInline(admin.StackedInline):
    model = Renewal
    extra = 0
    autocomplete_fields = ["source"]


@admin.register(Credential)
class CredentialAdmin(WorkflowAdmin):
    list_display = ["abbreviation", "name", "issuer", "level", "status", "review_due", "updated_at"]
    list_select_related = ["issuer"]
    list_filter = ["status", ReviewDueFilter, "level", "issuer"]
    fieldsets = [
        (None, {"fields": ["abbreviation", "slug", "name", "other_names", "issuer", "level", "certifies"]}),
        ("Renamed", {"fields": ["renamed_to", "renamed_year"], "classes": ["collapse"]}),
        ("Where it leads", {"fields": ["leads_to"]}),
        WorkflowAdmin.workflow_fieldset,
    ]
    search_fields = ["abbreviation", "name", "other_names", "certifies"]
    prepopulated_fields = {"slug": ["abbreviation"]}
    autocomplete_fields = ["issuer", "leads_to"]
    inlines = [EligibilityRouteInline, ExamInline, FeeInline, RenewalInline]


class RequirementInline(admin.StackedInline):
    model = Requirement
    extra = 0
    autocomplete_fields = ["education_level", "accreditor", "course", "credentials", "source"]


@admin.register(EligibilityRoute)
class EligibilityRouteAdmin(HistoryAdmin):
    list_display = ["name", "credential", "position", "source"]
    list_select_related = ["credential", "source"]
    list_filter = ["credential"]
    search_fields = ["name", "note", "credential__abbreviation"]
    autocomplete_fields = ["credential", "source"]
    inlines = [RequirementInline]


@admin.register(Requirement)
class RequirementAdmin(HistoryAdmin):
    list_display = ["detail", "kind", "route", "position"]
    list_select_related = ["route__credential"]
    list_filter = ["kind", "route__credential"]
    search_fields = ["detail", "route__name", "route__credential__abbreviation"]
    autocomplete_fields = ["route", "education_level", "accreditor", "course", "credentials", "source"]


@admin.register(Exam)
class ExamAdmin(HistoryAdmin):
    list_display = ["credential", "as_of", "question_count_display", "duration_display", "source"]
    list_select_related = ["credential", "source"]
    list_filter = ["credential"]
    search_fields = ["credential__abbreviation", "question_format", "delivery", "quote"]
    autocomplete_fields = ["credential", "source"]


@admin.register(Fee)
class FeeAdmin(HistoryAdmin):
    list_display = ["credential", "kind", "member_amount", "nonmember_amount", "as_of", "source"]
    list_select_related = ["credential", "source"]
    list_filter = ["kind", "credential"]
    search_fields = ["credential__abbreviation", "note", "quote"]
    autocomplete_fields = ["credential", "source"]


@admin.register(Renewal)
class RenewalAdmin(HistoryAdmin):
    list_display = ["credential", "as_of", "cycle_years", "ce_hours", "requires_exam", "source"]
    list_select_related = ["credential", "source"]
    list_filter = ["credential"]
    search_fields = ["credential__abbreviation", "conditions", "quote"]
    autocomplete_fields = ["credential", "source"]


@admin.register(CourseListItem)
class CourseListItemAdmin(HistoryAdmin):
    list_display = ["course", "course_list", "position"]
    list_select_related = ["course", "course_list"]
    list_filter = ["course_list"]
    search_fields = ["course__name", "course_list__title"]
    autocomplete_fields = ["course_list", "course"]
