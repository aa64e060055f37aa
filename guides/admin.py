from django.contrib import admin
from django.db import transaction
from django.db.models import F
from django.forms.models import BaseInlineFormSet

from editorial.admin import HistoryAdmin, ReviewDueFilter, WorkflowAdmin

from .models import EntryEducation, Figure, Occupation, Pathway, PathwayNote, Statement, Step

STEP_RELATIONS = [
    "source",
    "requires_education",
    "awards_education",
    "requires_credential",
    "awards_credential",
    "course_list",
]


class StepFormSet(BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        if "position" in unique_check:
            return "Two steps have the same number. Give each step its own number, or use Move up and Move down."
        return super().get_unique_error_message(unique_check)


class StepInline(admin.StackedInline):
    """Steps in their pathway, reordered by dragging or with the Move up / Move down buttons."""

    model = Step
    formset = StepFormSet
    extra = 0
    autocomplete_fields = STEP_RELATIONS
    classes = ["reorderable"]
    fieldsets = [
        (None, {"fields": ["position", "title", "body", ("source", "quote")]}),
        (
            "Time and cost",
            {
                "fields": [
                    ("duration_min_months", "duration_max_months"),
                    "duration_quote",
                    ("cost_min", "cost_max"),
                    "cost_quote",
                ]
            },
        ),
        (
            "What it requires and leads to",
            {
                "fields": [
                    ("requires_education", "requires_credential"),
                    ("awards_education", "awards_credential"),
                    "course_list",
                ],
                "classes": ["collapse"],
            },
        ),
    ]

    class Media:
        js = ["js/admin-reorder.js"]
        css = {"all": ["css/admin.css"]}


class PathwayNoteInline(admin.StackedInline):
    model = PathwayNote
    extra = 0
    autocomplete_fields = ["source"]
    fields = [("kind", "position"), "text", ("source", "quote")]


@admin.register(Pathway)
class PathwayAdmin(WorkflowAdmin):
    list_display = ["title", "occupation", "status", "review_due", "updated_at"]
    list_select_related = ["occupation"]
    list_filter = ["status", ReviewDueFilter, "occupation"]
    search_fields = ["title", "summary", "steps__title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["occupation", "source"]
    inlines = [StepInline, PathwayNoteInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "occupation", ("source", "quote")]}),
        WorkflowAdmin.workflow_fieldset,
    ]

    def save_formset(self, request, form, formset, change):
        if formset.model is not Step:
            return super().save_formset(request, form, formset, change)
        with transaction.atomic():
            steps = formset.save(commit=False)
            for deleted in formset.deleted_objects:
                deleted.delete()
            # A reorder swaps positions, and (pathway, position) is unique: park the moved steps on free
            # numbers first so that no intermediate write collides. .update() records no history noise.
            moved = [step.pk for step in steps if step.pk]
            if moved:
                Step.objects.filter(pk__in=moved).update(position=F("position") + 10000)
            for step in steps:
                step.save()
            formset.save_m2m()
        return None


class FigureInline(admin.StackedInline):
    model = Figure
    extra = 0
    autocomplete_fields = ["source"]
    fields = [
        ("measure", "unit", "qualifier"),
        ("value", "year", "period_start"),
        ("as_of", "wording"),
        ("pay_p10", "pay_p25", "pay_p75", "pay_p90"),
        ("source", "quote"),
    ]


class StatementInline(admin.StackedInline):
    model = Statement
    extra = 0
    autocomplete_fields = ["source"]
    fields = [("topic", "position"), "text", ("source", "quote")]


class EntryEducationInline(admin.TabularInline):
    model = EntryEducation
    extra = 0
    autocomplete_fields = ["education_level", "source"]


@admin.register(Occupation)
class OccupationAdmin(WorkflowAdmin):
    list_display = ["title", "soc_code", "status", "review_due", "updated_at"]
    list_filter = ["status", ReviewDueFilter]
    search_fields = ["title", "aliases", "summary", "soc_code"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["related", "preferred_credentials"]
    inlines = [FigureInline, EntryEducationInline, StatementInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "aliases", "summary", "soc_code"]}),
        ("Connections", {"fields": ["related", "preferred_credentials"]}),
        WorkflowAdmin.workflow_fieldset,
    ]


@admin.register(Figure)
class FigureAdmin(HistoryAdmin):
    list_display = ["occupation", "measure", "value", "unit", "as_of", "source"]
    list_select_related = ["occupation", "source"]
    list_filter = ["measure", "occupation", "source"]
    search_fields = ["occupation__title", "as_of", "wording", "quote"]
    autocomplete_fields = ["occupation", "source"]


@admin.register(Step)
class StepAdmin(HistoryAdmin):
    list_display = ["title", "pathway", "position", "source"]
    list_select_related = ["pathway", "source"]
    list_filter = ["pathway"]
    search_fields = ["title", "body", "pathway__title"]
    autocomplete_fields = [*STEP_RELATIONS, "pathway"]


@admin.register(PathwayNote)
class PathwayNoteAdmin(HistoryAdmin):
    list_display = ["text", "kind", "pathway"]
    list_select_related = ["pathway"]
    list_filter = ["kind", "pathway"]
    search_fields = ["text"]
    autocomplete_fields = ["pathway", "source"]


@admin.register(Statement)
class StatementAdmin(HistoryAdmin):
    list_display = ["text", "topic", "occupation", "source"]
    list_select_related = ["occupation", "source"]
    list_filter = ["topic", "occupation"]
    search_fields = ["text", "quote"]
    autocomplete_fields = ["occupation", "source"]


@admin.register(EntryEducation)
class EntryEducationAdmin(HistoryAdmin):
    list_display = ["occupation", "wording", "education_level", "source"]
    list_select_related = ["occupation", "education_level", "source"]
    list_filter = ["education_level"]
    search_fields = ["wording", "occupation__title"]
    autocomplete_fields = ["occupation", "education_level", "source"]
