from django.contrib.auth.management import create_permissions
from django.db import migrations

from guides.advisors import sync_advisors_group


def create_advisors_group(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so the group gets them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_advisors_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_advisors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Advisors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("sources", "0001_initial"),
        ("credentials", "0001_initial"),
        ("guides", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_advisors_group, remove_advisors_group)]
