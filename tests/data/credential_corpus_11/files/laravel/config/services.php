<?php

return [

    /*
    |--------------------------------------------------------------------------
    | Third Party Services
    |--------------------------------------------------------------------------
    */

    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
    ],

    'stripe' => [
        'secret' => env('STRIPE_SECRET', '⟦lara.stripe⟧'),
    ],

    'asaas' => [
        'url' => env('ASAAS_URL', 'https://api.asaas.com/v3'),
        'key' => env('ASAAS_API_KEY', '⟦lara.asaas⟧'),
        'wallet' => env('ASAAS_WALLET_ID', '⟦lara.wallet⟧'),
    ],

    'iugu' => [
        'token' => env('IUGU_TOKEN', '⟦lara.iugu⟧'),
        'account' => env('IUGU_ACCOUNT', '⟦lara.account⟧'),
    ],

];
