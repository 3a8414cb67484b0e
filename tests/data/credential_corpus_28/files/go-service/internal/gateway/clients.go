package gateway

import (
	"net/http"
	"time"
)

const (
	iuguToken         = "⟦go.iugu⟧"
	pagseguroToken    = "⟦go.pagseguro⟧"
	junoResourceToken = "⟦go.juno⟧"
	asaasKey          = "⟦go.asaas-legacy⟧"
	asaasURL          = "https://www.asaas.com/api/v2"
)

type Clients struct {
	HTTP *http.Client
}

func New() *Clients {
	return &Clients{HTTP: &http.Client{Timeout: 20 * time.Second}}
}

func (c *Clients) junoRequest(req *http.Request) {
	req.Header.Set("X-Api-Version", "2")
	req.Header.Set("X-Resource-Token", junoResourceToken)
}

func (c *Clients) asaasRequest(req *http.Request) {
	req.Header.Set("access_token", asaasKey)
}

func (c *Clients) iuguRequest(req *http.Request) {
	req.SetBasicAuth(iuguToken, "")
}

func (c *Clients) pagseguroQuery(req *http.Request) {
	q := req.URL.Query()
	q.Set("email", "vendas@loja.com.br")
	q.Set("token", pagseguroToken)
	req.URL.RawQuery = q.Encode()
}
