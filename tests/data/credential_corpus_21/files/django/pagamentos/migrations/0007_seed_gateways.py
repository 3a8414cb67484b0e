from django.db import migrations


def seed(apps, schema_editor):
    Gateway = apps.get_model("pagamentos", "Gateway")
    Gateway.objects.update_or_create(
        provedor="asaas",
        defaults={"chave_api": "⟦dj.migr⟧", "ambiente": "producao"},
    )
    Gateway.objects.update_or_create(provedor="iugu", defaults={"chave_api": "⟦dj.migr2⟧"})
    Gateway.objects.update_or_create(provedor="pagseguro", defaults={"chave_api": "⟦dj.migrps⟧"})


class Migration(migrations.Migration):
    dependencies = [("pagamentos", "0006_gateway_ambiente")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
