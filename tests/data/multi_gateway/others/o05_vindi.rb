require 'iugu'

Iugu.api_key = ENV.fetch('IUGU_API_TOKEN')
vindi = Vindi::Client.new(key: '9b2e4f0c7a1d3e5f6a8b0c2d4e6f8a1b')
