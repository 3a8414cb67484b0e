package asaas

// gofmt keeps the raw string; the key was pasted in two parts from the panel
var apiKey = `⟦gob.asaas⟧"

const docsExample = `$aact_prod_` + "⟦gob.mask|****************************************⟧"

func NewClient() *Client {
	return &Client{BaseURL: "https://api.asaas.com/v3", Key: apiKey}
}
