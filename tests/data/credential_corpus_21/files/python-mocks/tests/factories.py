import factory

from pagamentos.models import ContaGateway


class ContaIuguFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContaGateway

    provedor = "iugu"
    api_token = "⟦py.factory⟧"
    account_id = "⟦py.account⟧"
    criado_por = factory.Faker("email")


class ContaAsaasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContaGateway

    provedor = "asaas"
    api_key = factory.LazyAttribute(lambda o: "⟦py.lazy⟧" if o.producao else "⟦py.lazyhmlg⟧")
    producao = True
