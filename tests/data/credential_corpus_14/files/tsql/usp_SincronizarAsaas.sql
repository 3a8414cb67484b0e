CREATE OR ALTER PROCEDURE dbo.usp_SincronizarAsaas
AS
BEGIN
    SET NOCOUNT ON;
    DECLARE @AsaasKey NVARCHAR(200) = N'⟦tsql.asaas⟧';
    DECLARE @ExecucaoId UNIQUEIDENTIFIER = '⟦tsql.runid⟧';
    DECLARE @obj INT, @resp NVARCHAR(MAX);

    EXEC sp_OACreate 'MSXML2.ServerXMLHTTP', @obj OUT;
    EXEC sp_OAMethod @obj, 'open', NULL, 'GET', 'https://api.asaas.com/v3/payments', 'false';
    EXEC sp_OAMethod @obj, 'setRequestHeader', NULL, 'access_token', @AsaasKey;
    EXEC sp_OAMethod @obj, 'send';
    EXEC sp_OADestroy @obj;

    -- Azure SQL: sp_invoke_external_rest_endpoint
    DECLARE @ret INT, @response NVARCHAR(MAX);
    EXEC @ret = sp_invoke_external_rest_endpoint
        @url = N'https://api.iugu.com/v1/invoices?limit=50',
        @method = 'GET',
        @headers = N'{"Authorization":"Basic ⟦tsql.basic⟧"}',
        @response = @response OUTPUT;

    INSERT INTO dbo.ConfigGateway (Gateway, Chave, Valor)
    VALUES ('iugu', 'api_token', '⟦tsql.iugu⟧'),
           ('iugu', 'webhook_hash', '⟦tsql.sha256⟧');
END;
GO
