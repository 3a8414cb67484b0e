package br.com.loja.iugu

object IuguToken {
    // charArrayOf so the token can be wiped after use (Arrays.fill)
    private val live = charArrayOf(
        ⟦kt.iugu⟧
    )
    private val account = charArrayOf(
    ⟦kt.account⟧
    )
    fun live(): String = String(live)
}
