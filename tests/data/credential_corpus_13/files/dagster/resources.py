from dagster import ConfigurableResource, Definitions, EnvVar


class AsaasResource(ConfigurableResource):
    api_key: str
    base_url: str = "https://api.asaas.com/v3"


class IuguResource(ConfigurableResource):
    api_token: str


defs = Definitions(
    resources={
        "asaas": AsaasResource(api_key="⟦dagster.asaas⟧"),
        "iugu": IuguResource(api_token=EnvVar("IUGU_API_TOKEN")),
        "iugu_staging": IuguResource(api_token="⟦dagster.iugu⟧"),
    },
)
