CREATE OR REPLACE PACKAGE BODY pkg_cobranca AS

  c_asaas_url  CONSTANT VARCHAR2(100) := 'https://api.asaas.com/v3';
  c_api_key    CONSTANT VARCHAR2(200) := '⟦plsql.asaas⟧';
  c_layout_md5 CONSTANT VARCHAR2(32)  := '⟦plsql.md5⟧';

  PROCEDURE sincronizar_pagamentos IS
    l_req  UTL_HTTP.req;
    l_resp UTL_HTTP.resp;
  BEGIN
    l_req := UTL_HTTP.begin_request(c_asaas_url || '/payments', 'GET', 'HTTP/1.1');
    UTL_HTTP.set_header(l_req, 'access_token', c_api_key);
    l_resp := UTL_HTTP.get_response(l_req);
    UTL_HTTP.end_response(l_resp);
  END;

  FUNCTION faturas_iugu RETURN CLOB IS
  BEGIN
    apex_web_service.g_request_headers.delete;
    apex_web_service.g_request_headers(1).name  := 'Authorization';
    apex_web_service.g_request_headers(1).value := 'Basic ⟦plsql.basic⟧';
    RETURN apex_web_service.make_rest_request(
      p_url         => 'https://api.iugu.com/v1/invoices',
      p_http_method => 'GET',
      p_wallet_path => 'file:/u01/wallet');
  END;

  PROCEDURE configurar IS
  BEGIN
    UPDATE cfg_gateways SET token = '⟦plsql.iugu⟧' WHERE gateway = 'IUGU';
    UPDATE cfg_gateways SET conta = '⟦plsql.account⟧' WHERE gateway = 'IUGU';
  END;

END pkg_cobranca;
/
