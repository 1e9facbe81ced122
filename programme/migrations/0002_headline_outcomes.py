from django.db import migrations

# The ten Supporting Families headline outcomes, in the national framework's order.
HEADLINE_OUTCOMES = [
    ("Getting a good education", "Children attend school regularly and are engaged in learning."),
    ("Good early years development", "Children under five are healthy and developing well."),
    ("Improved mental and physical health", "Family members' health needs are met and managed."),
    (
        "Promoting recovery and reducing harm from substance use",
        "Drug and alcohol use is reduced and treatment is taken up.",
    ),
    ("Improved family relationships", "Conflict is reduced and parenting is positive."),
    (
        "Children are safe from abuse and exploitation",
        "Children are safe at home and in the community.",
    ),
    ("Crime prevention and tackling crime", "Offending and anti-social behaviour are reduced."),
    ("Safe from domestic abuse", "Family members are safe from domestic abuse."),
    ("Secure housing", "The family has a secure, suitable home."),
    ("Financial stability", "Adults are in work or moving towards it, and debts are managed."),
]


def seed(apps, schema_editor):
    Outcome = apps.get_model("programme", "Outcome")
    for number, (name, description) in enumerate(HEADLINE_OUTCOMES, start=1):
        Outcome.objects.update_or_create(
            number=number, defaults={"name": name, "description": description}
        )


def unseed(apps, schema_editor):
    apps.get_model("programme", "Outcome").objects.filter(number__lte=10).delete()


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
