module main

import net.http

const asaas_api_key = '⟦vlang.asaas⟧'
const iugu_api_token = '⟦vlang.iugu⟧'
const request_salt = '⟦vlang.salt⟧'

fn main() {
	mut req := http.new_request(.get, 'https://api.asaas.com/v3/payments', '')
	req.add_custom_header('access_token', asaas_api_key) or { panic(err) }
	resp := req.do() or { panic(err) }
	println(resp.status_code)
}
