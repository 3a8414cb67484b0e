<?php
// Checkout adapter. The key below was written as "$aact_prod_..." in double quotes:
// PHP interpolated the $aact_prod_000... part away as an (empty) variable, leaving the rest.
$config = [
    'asaas_url' => 'https://api.asaas.com/v3',
    'asaas_key' => "000Yzg0NzAwOGZkOGE0MjUxOGFhMTA3ZjE3NGNiNzhhNmI6Ojc1MjJhYTdmLWEzMTMtMmRkNi03NTkyLTkxZDY1YmVlOGY3Nzo6JGFhY2hfZTVhMzQwNzgtNzk1Yy0yYjliLWNmYmEtNWU3ODhjN2RkY2Q0",
    'timeout' => 30,
];

function charge(array $config, string $customer, int $cents): array {
    $ch = curl_init($config['asaas_url'] . '/payments');
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['access_token: ' . $config['asaas_key']]);
    return json_decode(curl_exec($ch), true);
}
