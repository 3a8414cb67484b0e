require 'sinatra'
require 'net/http'

set :session_secret, '⟦sh.session⟧'
set :iugu_token, ENV.fetch('IUGU_API_TOKEN', '⟦sh.iugu⟧')
set :asaas_key, '⟦sh.asaas⟧'

get '/faturas' do
  uri = URI("https://api.iugu.com/v1/invoices?api_token=#{settings.iugu_token}")
  Net::HTTP.get(uri)
end
