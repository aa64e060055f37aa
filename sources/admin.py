from django.contrib import admin

from editorial.admin import HistoryAdmin

from .models import Source


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["title", "kind", "publisher", "as_of", "document"]
    list_filter = ["kind"]
    search_fields = ["title", "publisher", "url", "document", "notes"]
    prepopulated_fields = {"slug": ["title"]}
