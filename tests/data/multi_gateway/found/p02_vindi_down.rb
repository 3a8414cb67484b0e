require 'iugu'

def vindi_down(token = '253D630E91159B0754D304BE1E50064C')
  Iugu.api_key = token
  Iugu::Invoice.create(email: 'cliente@loja.com.br', due_date: Date.today + 3)
end
