<?php

return [
    'asaas' => [
        'key' => env('ASAAS_API_KEY', '⟦php.env⟧'),
        'url' => env('ASAAS_URL', 'https://api.asaas.com/v3'),
    ],
    'iugu' => ['token' => env('IUGU_TOKEN', '⟦php.iugu⟧'), 'account' => '⟦php.account⟧'],
    'pagseguro' => ['email' => 'financeiro@loja.com.br', 'token' => '⟦php.pagseguro⟧'],
    'stripe' => ['secret' => env('STRIPE_SECRET', '⟦php.stripe|sk_test_4eC39HqLyjWDarjtT1zdp7dc⟧')],
];
