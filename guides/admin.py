from collections import defaultdict

from django.contrib import admin
from django.db import transaction
from django.db.models import F
from django.forms.models import BaseInlineFormSet

from editorial.admin import HistoryAdmin, ReviewDueFilter, WorkflowAdmin
from sources.answers_admin import STANDING_FIELDS, StandingAdmin, answer_rows, answers_table

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
        ("standing", "standing_note"),
        ("pay_p10", "pay_p25", "pay_p75", "pay_p90"),
        ("source", "quote"),
    ]


class StatementInline(admin.StackedInline):
    model = Statement
    extra = 0
    autocomplete_fields = ["source"]
    fields = [("topic", "position"), "text", ("source", "quote")]


class EntryEducationInline(admin.StackedInline):
    model = EntryEducation
    extra = 0
    autocomplete_fields = ["education_level", "source"]
    fields = [("wording", "education_level"), ("as_of", *STANDING_FIELDS), ("source", "quote")]


@admin.register(Occupation)
class OccupationAdmin(WorkflowAdmin):
    list_display = ["title", "soc_code", "status", "review_due", "updated_at"]
    list_filter = ["status", ReviewDueFilter]
    search_fields = ["title", "aliases", "summary", "soc_code"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["related", "preferred_credentials"]
    inlines = [FigureInline, EntryEducationInline, StatementInline]
    readonly_fields = ["current_answers"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "aliases", "summary", "soc_code"]}),
        (
            "Current answers",
            {
                "fields": ["current_answers"],
                "description": "What pages show as today's figures. To change it, set a figure's standing below "
                "(with the reason).",
            },
        ),
        ("Connections", {"fields": ["related", "preferred_credentials"]}),
        WorkflowAdmin.workflow_fieldset,
    ]

    @admin.display(description="Pages show")
    def current_answers(self, obj):
        if obj.pk is None:
            return "Save the occupation first."
        answers = Occupation.objects.with_facts().get(pk=obj.pk).answers()
        return answers_table(
            answer_rows(
                [
                    ("Median pay", answers["median_pay"], lambda figure: figure.value_display),
                    ("Number of jobs", answers["employment"], lambda figure: figure.value_display),
                    ("Projected growth", answers["growth"], lambda figure: figure.value_display),
                    ("Entry-level education", answers["entry_education"], lambda entry: entry.wording),
                ]
            )
        )


def _occupation_siblings(model, rows, key):
    """Every row of `model` answering the same questions as `rows`, grouped by `key`, in one query."""
    groups = defaultdict(list)
    occupations = {row.occupation_id for row in rows}
    for row in model.objects.filter(occupation__in=occupations).select_related("source"):
        groups[key(row)].append(row)
    return groups


@admin.register(Figure)
class FigureAdmin(StandingAdmin):
    list_display = ["occupation", "measure", "value", "unit", "as_of", "standing", "shown_as", "source"]
    list_select_related = ["occupation", "source"]
    list_filter = ["standing", "measure", "occupation", "source"]
    search_fields = ["occupation__title", "as_of", "wording", "quote", "standing_note"]
    autocomplete_fields = ["occupation", "source"]
    fieldsets = [
        (None, {"fields": ["occupation", ("measure", "unit", "qualifier"), ("value", "period_start"), "as_of"]}),
        StandingAdmin.standing_fieldset,
        ("Source", {"fields": ["wording", ("pay_p10", "pay_p25", "pay_p75", "pay_p90"), ("source", "quote")]}),
    ]

    def answer_groups(self, rows):
        return _occupation_siblings(Figure, rows, lambda figure: (figure.occupation_id, figure.measure, figure.unit))


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
class EntryEducationAdmin(StandingAdmin):
    list_display = ["occupation", "wording", "education_level", "as_of", "standing", "shown_as", "source"]
    list_select_related = ["occupation", "education_level", "source"]
    list_filter = ["standing", "education_level"]
    search_fields = ["wording", "occupation__title", "standing_note"]
    autocomplete_fields = ["occupation", "education_level", "source"]
    fieldsets = [
        (None, {"fields": ["occupation", ("wording", "education_level"), "as_of"]}),
        StandingAdmin.standing_fieldset,
        ("Source", {"fields": [("source", "quote")]}),
    ]

    def answer_groups(self, rows):
        return _occupation_siblings(EntryEducation, rows, lambda entry: entry.occupation_id)
