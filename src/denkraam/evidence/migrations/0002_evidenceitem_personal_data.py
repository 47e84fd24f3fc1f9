from django.db import migrations, models


class Migration(migrations.Migration):
    """Record what happened to personal data in each item. Items that exist already were stored as given, before
    denkraam scrubbed evidence, so they get "onbekend" and the evidence page says so; new items default to scrubbed.
    """

    dependencies = [
        ("evidence", "0001_evidenceitem_analysis_citation"),
    ]

    operations = [
        migrations.AddField(
            model_name="evidenceitem",
            name="personal_data",
            field=models.CharField(
                choices=[
                    ("verwijderd", "Persoonsgegevens verwijderd"),
                    ("bewaard", "Origineel bewaard"),
                    ("openbaar", "Openbare webpagina"),
                    ("onbekend", "Niet gecontroleerd op persoonsgegevens"),
                ],
                default="onbekend",
                max_length=12,
                verbose_name="persoonsgegevens",
            ),
        ),
        migrations.AlterField(
            model_name="evidenceitem",
            name="personal_data",
            field=models.CharField(
                choices=[
                    ("verwijderd", "Persoonsgegevens verwijderd"),
                    ("bewaard", "Origineel bewaard"),
                    ("openbaar", "Openbare webpagina"),
                    ("onbekend", "Niet gecontroleerd op persoonsgegevens"),
                ],
                default="verwijderd",
                max_length=12,
                verbose_name="persoonsgegevens",
            ),
        ),
    ]
