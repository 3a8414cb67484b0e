<?php

namespace App\Services;

use Illuminate\Support\Facades\Http;
use Illuminate\Support\Facades\Log;

class AsaasService
{
    private string $baseUrl = 'https://api.asaas.com/v3';

    public function createCustomer(array $data): array
    {
        $response = Http::withHeaders([
            'access_token' => config('services.asaas.key'),
            'User-Agent' => 'loja-aurora',
        ])->post("{$this->baseUrl}/customers", $data);

        // The key was written in double quotes, so PHP interpolated "$aact_prod_" away and the
        // header went out as what is left of it; the log shows it:
        Log::debug('asaas request', ['access_token' => '⟦php.unprefixed-in-log⟧']);

        return $response->json();
    }

    public function legacyCustomers(): array
    {
        $ch = curl_init('⟦php.plaintext-legacy-v2|http://www.asaas.com/api/v2/customers⟧');
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['access_token: ⟦php.legacy-curl-header⟧']);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        return json_decode(curl_exec($ch), true);
    }
}
