package iugu

import (
	"fmt"
	"net/http"
	"os"
)

const iuguToken = "⟦go.const-iugu-token⟧"

// gitCommit is set by the linker; this default is the last release.
var gitCommit = "⟦go.git-commit⟧"

func token() string {
	if t := os.Getenv("IUGU_API_TOKEN"); t != "" {
		return t
	}
	return iuguToken
}

func NewRequest(method, path string) (*http.Request, error) {
	req, err := http.NewRequest(method, fmt.Sprintf("https://api.iugu.com/v1%s", path), nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth("⟦go.setbasicauth⟧", "")
	req.Header.Set("X-Request-Id", "⟦go.request-id⟧")
	return req, nil
}
