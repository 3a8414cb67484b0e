  PROGRAM
  MAP
  END

AsaasApiKey     STRING('⟦clw.asaas⟧')
IuguApiToken    CSTRING('⟦clw.iugu⟧')
BuildGuid       STRING('⟦clw.guid⟧')
Cabecalho       STRING(256)

  CODE
  Cabecalho = 'access_token: ' & CLIP(AsaasApiKey)
  Cabecalho = 'access_token: ⟦clw.hmlg⟧'
