require "rails_helper"

RSpec.describe IuguClient do
  let(:token) { "⟦rb.spec-let-token|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa⟧" }

  before do
    stub_request(:post, "https://api.iugu.com/v1/invoices")
      .with(headers: { "Authorization" => /Basic ⟦rb.regex-basic⟧/ })
      .to_return(status: 200, body: { id: "⟦rb.spec-invoice-id⟧" }.to_json)
  end

  it "creates an invoice" do
    expect(described_class.new.create_invoice(email: "a@example.com")).to include("id")
  end
end
