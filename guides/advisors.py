"""The Advisors group: staff who edit guide and credential content, and nothing else."""

ADVISORS_GROUP = "Advisors"
# Every model in these apps is guide content. Users, groups, sessions and login records are not.
CONTENT_APPS = ("sources", "credentials", "guides", "sharing")


def advisor_permissions(permission_model):
    """Add, change, delete and view on every content model (history is reached through the model itself)."""
    return permission_model.objects.filter(content_type__app_label__in=CONTENT_APPS).exclude(
        content_type__model__startswith="historical"
    )


def sync_advisors_group(group_model, permission_model):
    group, _created = group_model.objects.get_or_create(name=ADVISORS_GROUP)
    group.permissions.set(advisor_permissions(permission_model))
    return group


def sync_after_migrate(sender, apps=None, **kwargs):
    """Keep the group's permissions complete when later migrations add content models (and after a flush)."""
    if apps is None:
        from django.apps import apps
    try:
        group_model = apps.get_model("auth", "Group")
        permission_model = apps.get_model("auth", "Permission")
    except LookupError:
        return
    sync_advisors_group(group_model, permission_model)
