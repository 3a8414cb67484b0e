module WebmockStubs
  def stub_iugu_customers
    stub_request(:get, "https://api.iugu.com/v1/customers")
      .with(basic_auth: ["⟦rb.basicauth⟧", ""])
      .to_return(status: 200, body: { items: [] }.to_json)
  end

  def stub_asaas_payment
    stub_request(:post, "https://api.asaas.com/v3/payments")
      .with(headers: { "access_token" => "⟦rb.stubheader⟧" })
      .to_return(status: 200, body: { id: "pay_080225913252" }.to_json)
  end

  def stub_iugu_invoices
    stub_request(:get, %r{api\.iugu\.com/v1/invoices})
      .with(query: hash_including("api_token" => "⟦rb.query⟧"))
      .to_return(status: 200, body: { items: [], totalItems: 0 }.to_json,
                 headers: { "ETag" => "W/\"⟦rb.etag⟧\"" })
  end
end
