from django.db import migrations


class Migration(migrations.Migration):
    """Once created the Advisors group; kept, empty, so that later migrations' dependencies still hold.

    The group is now created by the editorial app after `migrate` (editorial.advisors), exactly once: a
    database where this migration ran keeps the group and whatever administrators changed in it.
    """

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("sources", "0001_initial"),
        ("credentials", "0001_initial"),
        ("guides", "0001_initial"),
    ]

    operations = []
