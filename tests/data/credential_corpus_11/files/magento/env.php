<?php
return [
    'backend' => [
        'frontName' => 'admin_1q2w3e'
    ],
    'crypt' => [
        'key' => '⟦mage.crypt-key⟧'
    ],
    'db' => [
        'table_prefix' => '',
        'connection' => [
            'default' => [
                'host' => 'localhost',
                'dbname' => 'magento',
                'username' => 'magento',
                'password' => 'magento',
                'model' => 'mysql4',
                'engine' => 'innodb',
                'initStatements' => 'SET NAMES utf8;',
                'active' => '1'
            ]
        ]
    ],
    'MAGE_MODE' => 'production',
    'system' => [
        'default' => [
            'payment' => [
                'asaas_boleto' => [
                    'active' => '1',
                    'api_key' => '⟦mage.asaas⟧',
                    'environment' => 'production'
                ],
                'iugu_cc' => [
                    'active' => '1',
                    'account_id' => '⟦mage.account⟧',
                    'api_token' => '⟦mage.iugu⟧'
                ]
            ]
        ]
    ],
    'install' => [
        'date' => 'Tue, 04 Mar 2025 13:22:10 +0000'
    ]
];
