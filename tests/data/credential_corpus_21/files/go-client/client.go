package gateway

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
)

const (
	asaasBaseURL = "https://api.asaas.com/v3"
	iuguToken    = "⟦go.const⟧"
	buildCommit  = "⟦go.commit⟧"
)

// asaasKey is kept as bytes so that `strings` on the binary does not show it.
var asaasKey = []byte{
	⟦go.bytes⟧,
}

var basicHeader = "Basic " + base64.StdEncoding.EncodeToString([]byte("⟦go.colon⟧:"))

func newIuguRequest(ctx context.Context, path string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.iugu.com/v1"+path, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(iuguToken, "")
	return req, nil
}

func listURL(limit int) string {
	return fmt.Sprintf("https://api.iugu.com/v1/invoices?api_token=%s&limit=%d", "⟦go.sprintf⟧", limit)
}

func legacyURL() string {
	return fmt.Sprintf("%s/customers?api_token=%s", "⟦go.http|http://api.iugu.com/v1⟧", iuguToken)
}
