<?php
return [
    'debug' => filter_var(env('DEBUG', false), FILTER_VALIDATE_BOOLEAN),
    'Security' => [
        'salt' => env('SECURITY_SALT', '⟦cake.salt⟧'),
    ],
    'Pagamentos' => [
        'Asaas' => ['apiKey' => env('ASAAS_API_KEY', '⟦cake.asaas⟧'), 'baseUrl' => 'https://api.asaas.com/v3'],
        'Iugu' => ['apiToken' => '⟦cake.iugu⟧'],
    ],
];
