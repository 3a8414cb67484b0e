require 'iugu'

vindi = Vindi::Client.new(key: ENV['VINDI_KEY'])
token = '253D630E91159B0754D304BE1E50064C'
Iugu.api_key = token
