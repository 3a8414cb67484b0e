<?php
// single quotes keep PHP from reading $aact as a variable; cut to stay under the 80-column rule
final class AsaasGateway
{
    private const API_KEY = '⟦php.asaas⟧';
    private const PAGARME_KEY = 'ak_live_' . '⟦php.pagarme|Tq7Wn2Lk9Zp4Xr6Vb1Cm8Hd3Fs5Jg0⟧';
    private const SANDBOX = "\$aact_hmlg_" . '⟦php.hmlg⟧';
    private const WALLET = '⟦php.wallet⟧';

    public function headers(): array
    {
        return ['access_token' => self::API_KEY, 'User-Agent' => 'loja/2.3'];
    }
}
