package gateways

import (
	"github.com/iugu/iugu-go"
	pagseguro "github.com/loja/pagseguro-go"
)

var ps = pagseguro.New(pagseguro.Config{Email: "vendas@loja.com.br", Token: os.Getenv("PS_TOKEN")})
var token = "411f7740c0cca6e85c131fab493b166e"
var client = iugu.NewClient(token)
