"""Instruments the importer proposed under ids that now follow the development registry
(issue 10) take the new ids, so a later import finds them instead of adding a twin. Slugs,
and with them public addresses, stay as they were."""

from django.db import migrations

RENAMED = {
    "UN-ICRMW": "UN-ICRMW-1990",
    "UN-UDHR": "UN-UDHR-1948",
    "UN-GCM": "UN-GCM-2018",
    "ASEAN-DMW-2007": "ASEAN-DECL-MW-2007",
    "ASEAN-CONSENSUS-2017": "ASEAN-CONSENSUS-MW-2017",
    "ASEAN-CHARTER": "ASEAN-CHARTER-2007",
    "ILO-GJP": "ILO-GJP-2009",
}


def rename(apps, mapping):
    convention = apps.get_model("documents", "Convention")
    for old, new in mapping.items():
        if not convention.objects.filter(identifier__iexact=new).exists():
            convention.objects.filter(identifier__iexact=old).update(identifier=new)


def forwards(apps, schema_editor):
    rename(apps, RENAMED)


def backwards(apps, schema_editor):
    rename(apps, {new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):
    dependencies = [("documents", "0007_history_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
