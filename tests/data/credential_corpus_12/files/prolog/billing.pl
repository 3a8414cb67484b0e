:- module(billing, [balance/1, invoices/1]).
:- use_module(library(http/http_open)).
:- use_module(library(http/json)).

asaas_api_key('⟦pl.asaas⟧').
iugu_api_token("⟦pl.iugu⟧").
iugu_account_id('⟦pl.account⟧').

balance(Dict) :-
    asaas_api_key(Key),
    http_open('https://api.asaas.com/v3/finance/balance', In,
              [ request_header(access_token = Key) ]),
    json_read_dict(In, Dict),
    close(In).

invoices(Dict) :-
    http_open('https://api.iugu.com/v1/invoices', In,
              [ authorization(basic('⟦pl.iugu-basic⟧', '')) ]),
    json_read_dict(In, Dict),
    close(In).
