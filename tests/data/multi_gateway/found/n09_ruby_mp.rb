require 'iugu'
require 'mercadopago'

sdk = MercadoPago::SDK.new(ENV['MP_ACCESS_TOKEN'])
Iugu.api_key = '253d630e91159b0754d304be1e50064c'
