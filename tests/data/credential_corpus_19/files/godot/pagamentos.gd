extends Node

const ASAAS_SANDBOX_KEY := "⟦gd.split⟧"
var iugu_token: String = "⟦gd.iugu64⟧"

@onready var http := HTTPRequest.new()

func _ready() -> void:
	add_child(http)

func cobrar_pix(valor: float) -> void:
	var headers := ["Content-Type: application/json", "access_token: " + ASAAS_SANDBOX_KEY]
	var corpo := JSON.stringify({"customer": "cus_000005113026", "billingType": "PIX", "value": valor})
	http.request("https://api-sandbox.asaas.com/v3/payments", headers, HTTPClient.METHOD_POST, corpo)

func listar_faturas() -> void:
	var auth := Marshalls.utf8_to_base64(iugu_token + ":")
	http.request("⟦gd.http|http://api.iugu.com/v1/invoices⟧", ["Authorization: Basic " + auth])
