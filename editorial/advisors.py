"""The Advisors group: staff who edit guide content, and nothing else (never users, groups or login records).

One mechanism, after `migrate`: the group is created once, with add, change, delete and view on every
registered content model. From then on it belongs to the administrators. A later `migrate` never takes a
permission away or gives back one they removed; it only grants the permissions of content models that
this very run of `migrate` created, so a new kind of content is editable without anyone doing anything.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS, router
from django.db.migrations.operations import CreateModel
from django.db.models import Q

from . import registry

ADVISORS_GROUP = "Advisors"


def content_permissions(labels=None):
    """Add, change, delete and view on the given content models (by default every registered one)."""
    permission_model = global_apps.get_model("auth", "Permission")
    wanted = Q()
    for label in registry.labels() if labels is None else labels:
        app_label, model_name = label.lower().split(".")
        wanted |= Q(content_type__app_label=app_label, content_type__model=model_name)
    return permission_model.objects.filter(wanted) if wanted else permission_model.objects.none()


def ensure_advisors_group(using=DEFAULT_DB_ALIAS):
    """The Advisors group: created with every content permission if it is missing, else returned as it is."""
    group_model = global_apps.get_model("auth", "Group")
    group, created = group_model.objects.using(using).get_or_create(name=ADVISORS_GROUP)
    if created:
        group.permissions.set(content_permissions().using(using))
    return group


def created_content_labels(plan):
    """Labels of registered content models that the migrations in `plan` create (forwards)."""
    registered = {label.lower(): label for label in registry.labels()}
    created = []
    for migration, backwards in plan or []:
        if backwards:
            continue
        for operation in migration.operations:
            label = f"{migration.app_label}.{getattr(operation, 'name', '')}".lower()
            if isinstance(operation, CreateModel) and label in registered:
                created.append(registered[label])
    return created


def after_migrate(sender, plan=None, using=DEFAULT_DB_ALIAS, verbosity=1, **kwargs):
    """post_migrate (sent once for the editorial app): create the group, or grant new content models to it."""
    if not router.allow_migrate_model(using, global_apps.get_model("auth", "Group")):
        return
    # auth creates permissions app by app after this signal; content permissions must exist now.
    for app_label in {label.split(".")[0] for label in registry.labels()}:
        create_permissions(global_apps.get_app_config(app_label), verbosity=0, using=using)
    group_model = global_apps.get_model("auth", "Group")
    existed = group_model.objects.using(using).filter(name=ADVISORS_GROUP).exists()
    group = ensure_advisors_group(using)
    new_models = created_content_labels(plan)
    if existed and new_models:
        group.permissions.add(*content_permissions(new_models).using(using))
