<?php

namespace App\Http\Controllers;

use Iugu;
use Juno;
use PagSeguro\Configuration\Configure;

class CheckoutController extends Controller
{
    public function boleto(Request $request)
    {
        $juno = new Juno();
        $juno->options([
            'token' => '⟦ck.juno⟧',
            'sandbox' => false,
        ]);

        return $juno->createCharge([
            'description' => 'Pedido ' . $request->pedido,
            'amount' => $request->total,
            'payerName' => $request->nome,
            'payerCpfCnpj' => $request->cpf,
        ]);
    }

    public function cartao(Request $request)
    {
        Iugu::setApiKey('⟦ck.iugu⟧');

        return \Iugu_Charge::create([
            'token' => $request->iugu_token,
            'email' => $request->email,
            'items' => $this->itens($request),
        ]);
    }

    public function pagseguro(Request $request)
    {
        Configure::setEnvironment('production');
        Configure::setAccountCredentials('vendas@loja.com.br', '⟦ck.pagseguro⟧');

        return $this->pagseguroCheckout($request);
    }
}
