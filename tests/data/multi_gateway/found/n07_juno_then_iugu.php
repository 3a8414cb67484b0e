<?php
$juno = new Juno();
$juno->options(['token' => env('JUNO_TOKEN'), 'sandbox' => false]);
$iugu = ['api_token' => '411f7740c0cca6e85c131fab493b166e'];
\Iugu::setApiKey($iugu['api_token']);
