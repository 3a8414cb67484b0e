package payouts

import (
	"net/http"
	"strings"
	"time"
)

type signingTransport struct{ key []byte }

func (t *signingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req.Header.Set("Request-Time", time.Now().Format(time.RFC3339))
	req.Header.Set("Signature", "signature="+sign(t.key, req))
	return http.DefaultTransport.RoundTrip(req)
}

func Transfer(body string, apiKey string, key []byte) (*http.Response, error) {
	tr := &signingTransport{key: key}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	req, _ := http.NewRequest("POST", "https://api.asaas.com/v3/transfers", strings.NewReader(body))
	req.Header.Set("access_token", apiKey)
	return client.Do(req)
}
