<?php

namespace Loja\Pagamentos;

final class Clientes
{
    // aspas duplas: o "\$" evita que o PHP interpole $aact_prod_...
    private const ASAAS_KEY = "\⟦php.escaped-double⟧";
    private const ASAAS_KEY_RESERVA = "⟦php.hex-escaped⟧";
    private const IUGU_ACCOUNT_ID = '⟦php.iugu-account⟧';

    public function corpoFatura(object $cliente): string
    {
        return <<<JSON
        {
          "api_token": "⟦php.heredoc-iugu⟧",
          "email": "{$cliente->email}",
          "due_date": "2026-12-10"
        }
        JSON;
    }

    public static function envExemplo(): string
    {
        return <<<'ENV'
        ASAAS_API_KEY=⟦php.nowdoc-asaas⟧
        ASAAS_WEBHOOK_TOKEN=⟦php.nowdoc-webhook-uuid⟧
        ENV;
    }

    public function cabecalho(string $asaasKey): array
    {
        // "{$asaasKey}" é a variável; "\$aact_sua_chave" é o exemplo do manual
        return ['access_token' => "⟦php.interpolated-var|{$asaasKey}⟧", 'x-exemplo' => "\⟦php.placeholder|$aact_sua_chave⟧"];
    }

    private const ASSET_HASH = '⟦php.asset-md5⟧';
}
