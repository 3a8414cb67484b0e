object frmPagamento: TfrmPagamento
  Left = 0
  Top = 0
  Caption = 'Pagamentos - Asaas'
  ClientHeight = 411
  ClientWidth = 642
  object RESTClient1: TRESTClient
    BaseURL = 'https://api.asaas.com/v3'
    Params = <>
    Left = 48
    Top = 24
  end
  object RESTRequest1: TRESTRequest
    Client = RESTClient1
    Method = rmPOST
    Params = <
      item
        Kind = pkHTTPHEADER
        Name = 'access_token'
        Options = [poDoNotEncode]
        Value = '⟦dfm.asaas⟧'
      end
      item
        Kind = pkHTTPHEADER
        Name = 'User-Agent'
        Value = 'PDV-Loja/3.2'
      end>
    Resource = 'payments'
    Left = 48
    Top = 88
  end
  object RESTClientIugu: TRESTClient
    BaseURL = 'https://api.iugu.com/v1'
    Params = <
      item
        Kind = pkGETorPOST
        Name = 'api_token'
        Value = '⟦dfm.iugu⟧'
      end>
    Left = 160
    Top = 24
  end
  object HTTPBasicAuthenticator1: THTTPBasicAuthenticator
    Username = '⟦dfm.basic⟧'
    Left = 160
    Top = 88
  end
  object FDConnection1: TFDConnection
    Params.Strings = (
      'Database=C:\Loja\dados.fdb'
      'User_Name=SYSDBA'
      'Password=⟦dfm.fbpass|masterkey⟧'
      'DriverID=FB')
    Left = 280
    Top = 24
  end
  object imgLogo: TImage
    Hint = '⟦dfm.md5⟧'
  end
end
