# Classe cobranca: instala o serviço e escreve o .env
class cobranca (
  String $asaas_base_url = 'https://api.asaas.com/v3',
) {
  file_line { 'cobranca-iugu-token':
    path => '/etc/cobranca/.env',
    line => 'IUGU_API_TOKEN=⟦pp.iugu⟧',
    match => '^IUGU_API_TOKEN=',
  }

  exec { 'cobranca-migrar':
    command     => '/opt/cobranca/bin/migrar',
    environment => [
      "ASAAS_API_KEY=\⟦pp.asaas⟧",
      "ASAAS_BASE_URL=${asaas_base_url}",
    ],
    refreshonly => true,
  }
}
