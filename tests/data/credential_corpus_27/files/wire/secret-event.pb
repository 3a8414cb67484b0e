1	secret.rotated
2	1764930000
3	asaas
4	⟦pe.legacy⟧
5	⟦pe.masked|$aact_prod_****************⟧
