from django.contrib import admin

from .models import EntryEducation, Figure, Occupation, Pathway, PathwayNote, Statement, Step


class StepInline(admin.StackedInline):
    model = Step
    extra = 0
    autocomplete_fields = [
        "source",
        "requires_education",
        "awards_education",
        "requires_credential",
        "awards_credential",
        "course_list",
    ]


class PathwayNoteInline(admin.TabularInline):
    model = PathwayNote
    extra = 0
    autocomplete_fields = ["source"]


@admin.register(Pathway)
class PathwayAdmin(admin.ModelAdmin):
    list_display = ["title", "occupation", "status", "source", "updated_at"]
    list_select_related = ["occupation", "source"]
    list_filter = ["status", "occupation"]
    search_fields = ["title", "summary", "steps__title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["occupation", "source"]
    inlines = [StepInline, PathwayNoteInline]


class FigureInline(admin.StackedInline):
    model = Figure
    extra = 0
    autocomplete_fields = ["source"]


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["topic", "position", "text", "source", "quote"]


class EntryEducationInline(admin.TabularInline):
    model = EntryEducation
    extra = 0
    autocomplete_fields = ["education_level", "source"]


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ["title", "soc_code", "status", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "aliases", "summary", "soc_code"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["related", "preferred_credentials"]
    inlines = [FigureInline, EntryEducationInline, StatementInline]


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin):
    list_display = ["occupation", "measure", "value", "unit", "as_of", "source"]
    list_select_related = ["occupation", "source"]
    list_filter = ["measure", "occupation", "source"]
    search_fields = ["occupation__title", "as_of", "wording", "quote"]
    autocomplete_fields = ["occupation", "source"]


@admin.register(Step)
class StepAdmin(admin.ModelAdmin):
    list_display = ["title", "pathway", "position", "source"]
    list_select_related = ["pathway", "source"]
    list_filter = ["pathway"]
    search_fields = ["title", "body", "pathway__title"]
    autocomplete_fields = StepInline.autocomplete_fields + ["pathway"]


@admin.register(PathwayNote)
class PathwayNoteAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "pathway"]
    list_select_related = ["pathway"]
    list_filter = ["kind", "pathway"]
    search_fields = ["text"]
    autocomplete_fields = ["pathway", "source"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["text", "topic", "occupation", "source"]
    list_select_related = ["occupation", "source"]
    list_filter = ["topic", "occupation"]
    search_fields = ["text", "quote"]
    autocomplete_fields = ["occupation", "source"]


@admin.register(EntryEducation)
class EntryEducationAdmin(admin.ModelAdmin):
    list_display = ["occupation", "wording", "education_level", "source"]
    list_select_related = ["occupation", "education_level", "source"]
    list_filter = ["education_level"]
    search_fields = ["wording", "occupation__title"]
    autocomplete_fields = ["occupation", "education_level", "source"]
