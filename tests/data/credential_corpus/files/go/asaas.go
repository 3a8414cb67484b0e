package asaas

import "net/http"

const (
	ProductionURL = "https://api.asaas.com/v3"
	SandboxURL    = "https://api-sandbox.asaas.com/v3"
)

var sandboxKey = "⟦go.sandbox-key-var⟧"

func Sandbox(req *http.Request) {
	req.Header.Set("access_token", sandboxKey)
	req.Header.Set("User-Agent", "loja-aurora-go")
}

func Production(req *http.Request) {
	req.Header.Set("access_token", "⟦go.header-set-prod⟧")
	req.Header.Set("User-Agent", "loja-aurora-go")
}
