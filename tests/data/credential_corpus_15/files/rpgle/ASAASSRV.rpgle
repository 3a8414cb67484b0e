**free
ctl-opt nomain option(*srcstmt);

dcl-c ASAAS_API_KEY const('⟦rpg.asaas⟧');
dcl-c IUGU_API_TOKEN const('⟦rpg.iugu⟧');
dcl-c LOTE_PADRAO const('⟦rpg.lote⟧');

dcl-proc consultaSaldo export;
  dcl-pi *n varchar(10000);
  end-pi;
  dcl-s resposta varchar(10000);

  exec sql
    values QSYS2.HTTP_GET(
      'https://api.asaas.com/v3/finance/balance',
      '{"headers":{"access_token":"⟦rpg.asaas2⟧","User-Agent":"ibmi"}}')
    into :resposta;

  return resposta;
end-proc;
