import 'dart:convert';

import 'package:dio/dio.dart';

const String kIuguToken = '⟦dart.const-string-iugu-token⟧';
const String kBuildHash = '⟦dart.build-hash⟧';

final dio = Dio(BaseOptions(
  baseUrl: 'https://api.iugu.com/v1',
  headers: {'Authorization': 'Basic ${base64Encode(utf8.encode('$kIuguToken:'))}'},
));

final asaas = Dio(BaseOptions(
  baseUrl: 'https://api.asaas.com/v3',
  headers: {'access_token': r'⟦dart.dio-asaas-header⟧', 'User-Agent': 'loja-aurora-app'},
));
