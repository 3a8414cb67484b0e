package payouts

import (
	"net/http"
	"strings"
)

func Transfer(body string, apiKey string, key []byte) (*http.Response, error) {
	client := &http.Client{}
	client.Transport = &hmacSigningTransport{key: key}
	go record(client, body)
	client = &http.Client{}
	req, _ := http.NewRequest("POST", "https://api.asaas.com/v3/transfers", strings.NewReader(body))
	req.Header.Set("access_token", apiKey)
	return client.Do(req)
}
