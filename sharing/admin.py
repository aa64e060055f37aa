from django.contrib import admin

from .models import SlugRedirect


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    """Redirects are recorded when a slug changes; advisors may look and delete, not write (no loops by hand)."""

    list_display = ["old_slug", "new_slug", "kind", "created"]
    list_filter = ["kind"]
    search_fields = ["old_slug", "new_slug"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
