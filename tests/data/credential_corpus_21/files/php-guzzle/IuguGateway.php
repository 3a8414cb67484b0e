<?php

namespace App\Gateways;

use GuzzleHttp\Client;

final class IuguGateway
{
    private Client $client;
    private Client $asaas;

    public function __construct()
    {
        $this->client = new Client([
            'base_uri' => 'https://api.iugu.com/v1/',
            'auth' => ['⟦php.guzzle⟧', ''],
            'timeout' => 15,
        ]);
        $this->asaas = new Client([
            'base_uri' => 'https://api.asaas.com/v3/',
            'headers' => ['access_token' => '⟦php.header⟧', 'User-Agent' => 'loja/1.0'],
        ]);
    }

    public function legacyHeader(): string
    {
        return 'Basic ' . base64_encode('⟦php.b64⟧' . ':');
    }

    public function listUrl(): string
    {
        return sprintf('%s/invoices?api_token=%s', 'https://api.iugu.com/v1', '⟦php.sprintf⟧');
    }

    public function cacheKey(string $invoice): string
    {
        return md5($invoice) === '⟦php.md5⟧' ? 'hit' : 'miss';
    }
}
