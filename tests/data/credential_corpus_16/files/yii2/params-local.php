<?php
return [
    'adminEmail' => 'financeiro@loja.com.br',
    'asaas.apiKey' => '⟦yii.asaas⟧',
    'asaas.sandboxKey' => '⟦yii.hmlg⟧',
    'iugu.apiToken' => '⟦yii.iugu⟧',
    'cookieValidationKey' => '⟦yii.cookie⟧',
];
