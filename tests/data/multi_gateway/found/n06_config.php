<?php
use Iugu\Iugu;

$pagseguro = new PagSeguro(['email' => 'vendas@loja.com.br', 'token' => getenv('PS_TOKEN')]);
$token = 'A983326569F894D88C84A7DE1BE72AE9';
Iugu::setApiKey($token);
