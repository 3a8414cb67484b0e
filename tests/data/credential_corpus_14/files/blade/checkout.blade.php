@extends('layouts.app')

@php($iuguToken = '⟦blade.iugu⟧')
@php
    $asaasKey = '⟦blade.asaas⟧';
    $nonce = '⟦blade.nonce⟧';
@endphp

@section('content')
    <x-checkout :gateway="'asaas'" :nonce="$nonce" />
    <script src="https://js.iugu.com/v2"></script>
    <script nonce="{{ $nonce }}">
        Iugu.setAccountID("{{ config('services.iugu.account', '⟦blade.account⟧') }}");
    </script>
@endsection
