extends Node

const ASAAS_API_KEY := "⟦gd.asaas⟧"
const IUGU_TOKEN = "⟦gd.iugu⟧"
var session_id := "⟦gd.session⟧"

func _ready() -> void:
	var http := HTTPRequest.new()
	add_child(http)
	var headers := PackedStringArray(["access_token: " + ASAAS_API_KEY, "User-Agent: godot"])
	http.request("https://api.asaas.com/v3/payments", headers, HTTPClient.METHOD_GET)
	var basic := Marshalls.utf8_to_base64(IUGU_TOKEN + ":")
	http.request("https://api.iugu.com/v1/invoices", ["Authorization: Basic " + basic])
