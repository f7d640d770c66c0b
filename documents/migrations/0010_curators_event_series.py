"""Curators keep event series as they keep events: view, add and change, never delete."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = ["view", "add", "change"]


def grant(apps, schema_editor):
    # Permissions are normally made after migrate; make them now so the group can hold them.
    app_config = apps.get_app_config("documents")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Curators").first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="documents",
                codename__in=[f"{action}_eventseries" for action in ACTIONS],
            )
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name="Curators"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="documents", codename__endswith="_eventseries"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0009_event_series"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
