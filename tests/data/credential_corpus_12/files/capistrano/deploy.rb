# config/deploy/production.rb
server "billing-1.example.com", user: "deploy", roles: %w[app web]

set :stage, :production
set :branch, "main"
set :default_env, {
  "RAILS_ENV" => "production",
  "ASAAS_API_KEY" => '⟦cap.asaas⟧',
  "IUGU_API_TOKEN" => "⟦cap.iugu⟧",
  "IUGU_ACCOUNT_ID" => "⟦cap.account⟧"
}
set :iugu_live_token, "⟦cap.iugu64⟧"
set :keep_releases, 5
