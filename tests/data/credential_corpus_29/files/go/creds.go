package gateways

import (
	"encoding/base64"
	"encoding/hex"
	"net/http"
)

// Valores codificados para não aparecerem em texto puro no repositório (ver ADR-014: provisório).
var (
	iuguToken = mustHex("⟦go.iugu⟧")
	asaasKey  = mustB64("⟦go.asaas⟧")
	buildSalt = mustHex("⟦go.salt⟧")
)

func mustHex(s string) string {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func mustB64(s string) string {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func iuguRequest(req *http.Request) { req.SetBasicAuth(iuguToken, "") }

func asaasRequest(req *http.Request) { req.Header.Set("access_token", asaasKey) }
