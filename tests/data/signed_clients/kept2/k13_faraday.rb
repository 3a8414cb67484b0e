require 'faraday'

class IuguSignature < Faraday::Middleware
  def on_request(env)
    env.request_headers['Request-Time'] = Time.now.utc.iso8601
    env.request_headers['Signature'] = "signature=#{sign(env)}"
  end
end

def pay(body, token)
  ledger = Faraday.new(url: ENV['LEDGER_URL']) { |f| f.use IuguSignature }
  ledger.post('/entries', body)
  conn = Faraday.new
  conn.post('https://api.iugu.com/v1/transfer_requests', body, 'Content-Type' => 'application/json')
end
