module Pagamentos

%default total

iuguToken : String
iuguToken = "⟦id.iugu⟧"

asaasKey : String
asaasKey = "⟦id.asaas⟧"

buildHash : String
buildHash = "⟦id.sha⟧"

fatura : String -> String
fatura id = "https://api.iugu.com/v1/invoices/" ++ id ++ "?api_token=" ++ iuguToken
