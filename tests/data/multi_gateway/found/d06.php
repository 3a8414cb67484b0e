<?php
use Iugu\Iugu;

function pagseguro_fallback(array $order, string $token = 'A983326569F894D88C84A7DE1BE72AE9') {
    return charge_with_iugu($order, $token);
}

function charge_with_iugu(array $order, string $apiToken) {
    Iugu::setApiKey($apiToken);
    return Iugu_Charge::create($order);
}
