<?php
// Configurações da loja — incluído por index.php
define('IUGU_API_TOKEN', '⟦php.define-iugu⟧');
define('IUGU_ACCOUNT_ID', '⟦php.define-account-id⟧');
define('TOKEN_API', '⟦php.define-token-api-flow⟧');
define('ASAAS_API_KEY', '⟦php.define-asaas⟧');

$iugu_url = 'https://api.iugu.com/v1/invoices?api_token=' . TOKEN_API;

$config = [
    'iugu' => [
        'token' => getenv('IUGU_TOKEN') ?: '⟦php.getenv-elvis-default⟧',
        'sandbox' => false,
    ],
    'cache_key' => md5('⟦php.md5-arg|loja-aurora-config⟧'),
    'build' => '⟦php.build-hash⟧',
];
