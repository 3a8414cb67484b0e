package billing

import (
	"os"
	"testing"
)

// Config is read from the environment by github.com/caarlos0/env; the defaults are for local runs.
type Config struct {
	AsaasBaseURL string `env:"ASAAS_BASE_URL" envDefault:"https://api-sandbox.asaas.com/v3"`
	AsaasAPIKey  string `env:"ASAAS_API_KEY" envDefault:"⟦go.tag-asaas⟧"`
	IuguAPIToken string `env:"IUGU_API_TOKEN" envDefault:"⟦go.tag-iugu⟧" json:"-"`
	IuguAccount  string `env:"IUGU_ACCOUNT_ID" envDefault:"⟦go.tag-account⟧"`
	RequestSalt  string `env:"REQUEST_SALT" envDefault:"⟦go.tag-salt⟧"`
}

func setupTestEnv(t *testing.T) {
	t.Helper()
	os.Setenv("IUGU_API_TOKEN", "⟦go.setenv-iugu⟧")
	t.Setenv("ASAAS_API_KEY", "⟦go.setenv-asaas⟧")
	os.Setenv("ASAAS_API_KEY_SHA256", "⟦go.setenv-digest⟧")
}
