<?php

return [
    'default' => env('PAYMENT_GATEWAY', 'iugu'),

    'gateways' => [
        'iugu' => [
            'api_token' => env('IUGU_API_TOKEN', '⟦lv.iugu⟧'),
            'account_id' => env('IUGU_ACCOUNT_ID'),
        ],
        'pagseguro' => [
            'email' => env('PAGSEGURO_EMAIL', 'vendas@loja.com.br'),
            'token' => env('PAGSEGURO_TOKEN', '⟦lv.pagseguro⟧'),
            'sandbox' => false,
        ],
        'juno' => [
            // Boleto Fácil (API v1): the account's private token
            'token' => env('JUNO_TOKEN', '⟦lv.juno-token⟧'),
            'resource_token' => env('JUNO_RESOURCE_TOKEN', '⟦lv.juno-resource⟧'),
            'sandbox' => false,
        ],
        'asaas' => [
            'api_key' => env('ASAAS_API_KEY', '⟦lv.asaas-legacy⟧'),
            'url' => 'https://www.asaas.com/api/v2',
        ],
        'mercadopago' => [
            'access_token' => env('MP_ACCESS_TOKEN', '⟦lv.mp⟧'),
        ],
    ],
];
