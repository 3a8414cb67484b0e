import 'package:flutter_dotenv/flutter_dotenv.dart';
import 'package:http/http.dart' as http;

Future<http.Response> listarCobrancas() {
  final chave = dotenv.env['ASAAS_API_KEY'] ?? '\⟦fd.fallback⟧';
  return http.get(
    Uri.parse('https://api.asaas.com/v3/payments'),
    headers: {'access_token': chave, 'User-Agent': 'loja-app'},
  );
}

Future<http.Response> listarFaturas() {
  final token = dotenv.get('IUGU_API_TOKEN', fallback: '⟦fd.get⟧');
  return http.get(Uri.parse('https://api.iugu.com/v1/invoices?api_token=$token'));
}
