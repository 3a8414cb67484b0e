package main

import (
	"context"

	"dagger/cobranca/internal/dagger"
)

type Cobranca struct{}

// Deploy publica o worker de cobrança com as credenciais de produção.
func (m *Cobranca) Deploy(ctx context.Context, src *dagger.Directory) (string, error) {
	asaas := dag.SetSecret("asaas-api-key", "⟦dg.secret⟧")
	return dag.Container().
		From("golang:1.22").
		WithDirectory("/src", src).
		WithWorkdir("/src").
		WithSecretVariable("ASAAS_API_KEY", asaas).
		WithEnvVariable("IUGU_API_TOKEN", "⟦dg.env⟧").
		WithEnvVariable("GIT_COMMIT", "⟦dg.sha⟧").
		WithExec([]string{"go", "test", "./..."}).
		Stdout(ctx)
}
