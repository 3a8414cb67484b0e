// Valores de desenvolvimento; no build de loja vêm de --dart-define.
class PaymentEnv {
  static const asaasApiKey = String.fromEnvironment(
    'ASAAS_API_KEY',
    defaultValue: '\⟦dart.escaped-default-hmlg⟧',
  );

  // quebrado em dois literais para caber em 120 colunas
  static const asaasProductionKey = "\⟦dart.adjacent-asaas⟧";

  static const iuguApiToken = String.fromEnvironment('IUGU_API_TOKEN',
      defaultValue: '⟦dart.iugu-default⟧');
  static const iuguAccountId = '⟦dart.iugu-account⟧';

  static const iuguTransferBody = '''
{"api_token": "⟦dart.triple-iugu⟧", "transfer_type": "pix", "amount_cents": 1500}
''';

  static String authHeader(String token) => 'Bearer ⟦dart.interpolated-var|$token⟧';
  static const sentryRelease = '⟦dart.release⟧';
}
