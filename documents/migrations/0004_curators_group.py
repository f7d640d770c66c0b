"""The Curators group with exactly the permissions the curator workspace needs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# model label -> actions. Records are rejected or unpublished, not deleted; organizations and
# people may be deleted because merging removes the duplicate (and can be undone).
CURATOR_PERMISSIONS = {
    "organizations.organization": ["view", "add", "change", "delete"],
    "organizations.person": ["view", "add", "change", "delete"],
    "organizations.organizationalias": ["view", "add", "change", "delete"],
    "organizations.personalias": ["view", "add", "change", "delete"],
    "organizations.affiliation": ["view", "add", "change", "delete"],
    "organizations.mergerecord": ["view", "change"],
    "documents.sourcedocument": ["view", "add", "change"],
    "documents.convention": ["view", "add", "change"],
    "documents.event": ["view", "add", "change"],
    "documents.eventorganization": ["view", "add", "change", "delete"],
    "documents.eventparticipant": ["view", "add", "change", "delete"],
    "documents.mention": ["view", "add", "change", "delete"],
    "taggit.tag": ["view", "add", "change"],
}


def create_curators(apps, schema_editor):
    # Permissions are normally made after migrate; make them now so the group can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Curators")
    permissions = []
    for label, actions in CURATOR_PERMISSIONS.items():
        app_label, model = label.split(".")
        for action in actions:
            permissions.append(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )
            )
    group.permissions.set(permissions)


def remove_curators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Curators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("documents", "0003_history"),
        ("organizations", "0002_history_and_merge_record"),
    ]

    operations = [migrations.RunPython(create_curators, remove_curators)]
