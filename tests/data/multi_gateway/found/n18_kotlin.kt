import com.iugu.IuguClient

val pagseguro = PagSeguro(email = "vendas@loja.com.br", token = System.getenv("PS_TOKEN"))
val token = "A983326569F894D88C84A7DE1BE72AE9"
val iugu = IuguClient(token)
