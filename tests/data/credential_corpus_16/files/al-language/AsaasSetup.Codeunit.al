codeunit 50120 "Asaas Setup"
{
    var
        AsaasApiKeyTxt: Label '⟦al.asaas⟧', Locked = true;
        IuguTokenTxt: Label '⟦al.iugu⟧', Locked = true;
        TenantHashTxt: Label '⟦al.hash⟧', Locked = true;

    procedure CriarCobranca(Corpo: Text): Text
    var
        Client: HttpClient;
        Content: HttpContent;
        Response: HttpResponseMessage;
    begin
        Client.DefaultRequestHeaders.Add('access_token', AsaasApiKeyTxt);
        Content.WriteFrom(Corpo);
        Client.Post('https://api.asaas.com/v3/payments', Content, Response);
    end;
}
