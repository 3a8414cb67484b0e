<?php
require_once('IuguRequest.php');

class Iugu extends IuguRequest
{
    // Tokens de API
    private $TokenTeste = '⟦php.class-token-teste⟧';
    private $TokenProducao = '⟦php.class-token-producao⟧';
    // ID da conta na iugu
    private $account_id = '⟦php.class-account-id⟧';
    private $test = true;

    protected function token()
    {
        return $this->test ? $this->TokenTeste : $this->TokenProducao;
    }
}
