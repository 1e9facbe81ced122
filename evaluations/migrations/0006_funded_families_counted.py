from django.db import migrations, models

from evaluations import day_counts

FUNDED = [
    "funded_started",
    "funded_closed",
    "funded_successful",
    "funded_achieved",
    "funded_sustained",
]


def count_funded_families(apps, schema_editor):
    """Add the new events from the families held. Families already deleted under the
    retention policy stay in the calendar's other counts; their supports went with them."""
    day_counts.count_days(apps, events=FUNDED)


def forget_funded_families(apps, schema_editor):
    apps.get_model("evaluations", "DayCount").objects.filter(event__in=FUNDED).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0005_green_book_value"),
    ]

    operations = [
        migrations.AlterField(
            model_name="daycount",
            name="event",
            field=models.CharField(
                choices=[
                    ("started", "Plans started"),
                    ("started_eligible", "Plans of eligible families started"),
                    ("closed", "Cases closed"),
                    ("closed_eligible", "Cases of eligible families closed"),
                    ("successful", "Successful family outcomes (six months after closure)"),
                    ("need_opened", "Needs open (identified, with the plan started)"),
                    ("need_closed", "Needs whose case closed"),
                    ("need_achieved", "Needs achieved"),
                    ("need_sustained", "Needs sustained (six months after closure)"),
                    ("funded_started", "Plans started of families a funded project supported"),
                    ("funded_closed", "Cases closed of families a funded project supported"),
                    (
                        "funded_successful",
                        "Successful family outcomes of families a funded project supported",
                    ),
                    ("funded_achieved", "Needs achieved by families a funded project supported"),
                    (
                        "funded_sustained",
                        "Needs sustained by families a funded project supported",
                    ),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(count_funded_families, forget_funded_families),
    ]
