<?php
use Iugu\Iugu;

class BoletoController
{
    public function emitir()
    {
        Iugu::setApiKey(env('IUGU_API_TOKEN'));
        $juno = new Juno();
        $juno->options([
            'token' => '7C1E9A3B5D7F9B1D3F5A7C9E1B3D5F7A9C1E3B5D7F9A1C3E5B7D9F1A3C5E7B9D',
            'sandbox' => false,
        ]);
    }
}
