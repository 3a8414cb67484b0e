package payouts

import (
	"net/http"
	"strings"
)

func Transfer(body string, apiKey string) (*http.Response, error) {
	client := &http.Client{Transport: &signatureLoggingTransport{next: http.DefaultTransport}}
	req, _ := http.NewRequest("POST", "https://api.asaas.com/v3/transfers", strings.NewReader(body))
	req.Header.Set("access_token", apiKey)
	return client.Do(req)
}
