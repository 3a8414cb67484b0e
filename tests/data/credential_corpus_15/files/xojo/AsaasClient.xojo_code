#tag Class
Protected Class AsaasClient
	#tag Method, Flags = &h0
		Sub Saldo()
		  Var conn As New URLConnection
		  conn.RequestHeader("access_token") = "⟦xojo.asaas⟧"
		  conn.RequestHeader("User-Agent") = "loja-xojo"
		  conn.Send("GET", "https://api.asaas.com/v3/finance/balance")
		End Sub
	#tag EndMethod

	#tag Constant, Name = kIuguToken, Type = String, Dynamic = False, Default = \"⟦xojo.iugu⟧", Scope = Public
	#tag EndConstant

	#tag Constant, Name = kBuildHash, Type = String, Dynamic = False, Default = \"⟦xojo.hash⟧", Scope = Public
	#tag EndConstant

End Class
#tag EndClass
