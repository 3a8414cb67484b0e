package pagamentos

import "os"

// Corpo de exemplo copiado da documentação e ajustado com a chave da loja.
const iuguTransferRequest = `{"api_token":"⟦go.raw-iugu⟧","transfer_type":"pix","amount_cents":1500}`

// \x24 é o "$": o linter de segredos do CI procurava por "$aact_"
var asaasFallbackKey = "⟦go.hex-escaped⟧"

var asaasSandboxKey = "⟦go.unicode-escaped⟧"

const sandboxEnv = `
ASAAS_API_KEY=⟦go.raw-multiline-hmlg⟧
IUGU_ACCOUNT_ID=⟦go.raw-account⟧
`

const buildSHA = "⟦go.build-sha⟧"

func asaasKey() string {
	if key := os.Getenv("ASAAS_API_KEY"); key != "" {
		return key
	}
	return asaasFallbackKey
}
