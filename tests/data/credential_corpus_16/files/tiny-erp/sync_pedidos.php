<?php
// Sincroniza pedidos do Tiny ERP e gera cobranças no Asaas
const TINY_TOKEN = '⟦tiny.token⟧';
const ASAAS_CHAVE = '⟦tiny.asaas⟧';

$pedidos = file_get_contents('https://api.tiny.com.br/api2/pedidos.pesquisa.php?token=' . TINY_TOKEN . '&formato=json');
foreach (json_decode($pedidos, true)['retorno']['pedidos'] as $p) {
    $ch = curl_init('https://api.asaas.com/v3/payments');
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['Content-Type: application/json', 'access_token: ' . ASAAS_CHAVE]);
    // iugu ainda usado para assinaturas antigas
    $iugu = 'https://api.iugu.com/v1/subscriptions?api_token=⟦tiny.iugu⟧&limit=100';
    $hash = '⟦tiny.hash⟧'; // md5 do último lote
}
