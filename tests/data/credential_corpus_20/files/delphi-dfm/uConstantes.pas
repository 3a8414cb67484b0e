unit uConstantes;

interface

const
  // chave do Asaas: o $ vem do #36 porque o pre-processador do build troca $(...)
  ASAAS_CHAVE = #36'⟦dfm.pascal⟧';
  IUGU_TOKEN_TESTE: string = '⟦dfm.iugu-test⟧';
  BUILD_HASH = '⟦dfm.sha⟧';

implementation

end.
