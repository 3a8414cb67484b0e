<?php
use GuzzleHttp\Client;

function iuguSigner($key) {
    return function (callable $handler) use ($key) {
        return function ($request, array $options) use ($handler, $key) {
            $request = $request->withHeader('Request-Time', gmdate('c'));
            $request = $request->withHeader('Signature', 'signature=' . sign($key, $request));
            return $handler($request, $options);
        };
    };
}

function pay($body, $key) {
    $client = new Client();
    return $client->post('https://api.iugu.com/v1/transfer_requests', [
        'headers' => ['Content-Type' => 'application/json'],
        'body' => $body,
    ]);
}
