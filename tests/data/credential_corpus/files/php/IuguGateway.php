<?php

class IuguGateway
{
    const API = 'https://api.iugu.com/v1/';

    public function __construct()
    {
        Iugu::setApiKey('⟦php.sdk-setapikey⟧');
    }

    public function charge(array $params)
    {
        $ch = curl_init(self::API . 'charge');
        curl_setopt($ch, CURLOPT_USERPWD, '⟦php.curlopt-userpwd⟧:');
        curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query($params));
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Basic ' . '⟦php.basic-concat⟧']);
        return curl_exec($ch);
    }
}
