package br.com.loja.gateways

import com.iugu.IuguClient

fun cieloFallback(token: String = "A983326569F894D88C84A7DE1BE72AE9") = IuguClient(token)
