unit BillingClient;

interface

uses
  System.SysUtils, IdHTTP, IdSSLOpenSSL;

const
  IUGU_API_TOKEN = '⟦pas.const-iugu⟧';
  IUGU_ACCOUNT_ID = '⟦pas.account⟧';
  ASAAS_URL = 'https://api.asaas.com/v3';

function SaldoAsaas: string;
function ContaIugu: string;

implementation

function SaldoAsaas: string;
var
  Http: TIdHTTP;
begin
  Http := TIdHTTP.Create(nil);
  try
    Http.IOHandler := TIdSSLIOHandlerSocketOpenSSL.Create(Http);
    Http.Request.CustomHeaders.Values['access_token'] := '⟦pas.header-asaas⟧';
    Http.Request.UserAgent := 'billing-delphi';
    Result := Http.Get(ASAAS_URL + '/finance/balance');
  finally
    Http.Free;
  end;
end;

function ContaIugu: string;
var
  Http: TIdHTTP;
begin
  Http := TIdHTTP.Create(nil);
  try
    Http.IOHandler := TIdSSLIOHandlerSocketOpenSSL.Create(Http);
    Http.Request.BasicAuthentication := True;
    Http.Request.Username := '⟦pas.username-iugu64⟧';
    Http.Request.Password := '';
    Result := Http.Get('https://api.iugu.com/v1/accounts/' + IUGU_ACCOUNT_ID);
  finally
    Http.Free;
  end;
end;

end.
