class BackfillGatewayKeys < ActiveRecord::Migration[7.1]
  def up
    execute <<~SQL
      UPDATE lojas SET asaas_api_key = '⟦rb.sql⟧' WHERE asaas_api_key IS NULL;
    SQL
    change_column_default :lojas, :iugu_token, from: nil, to: "⟦rb.default⟧"
    change_column_default :lojas, :checksum, from: nil, to: "⟦rb.checksum⟧"
  end

  def down
    change_column_default :lojas, :iugu_token, from: "⟦rb.downfrom|[FILTERED]⟧", to: nil
  end
end
