USE [msdb]
GO
EXEC msdb.dbo.sp_add_job @job_name=N'Cobranca - sincronizar Asaas', @enabled=1, @owner_login_name=N'sa', @job_id = @jobId OUTPUT
EXEC msdb.dbo.sp_add_jobstep @job_id=@jobId, @step_name=N'Baixar pagamentos', @step_id=1, @subsystem=N'PowerShell',
		@command=N'$r = Invoke-RestMethod -Uri ''https://api.asaas.com/v3/payments?status=RECEIVED'' -Headers @{ ''access_token'' = ''⟦sqla.asaas⟧'' }
$r.data | Write-SqlTableData -ServerInstance ''.'' -DatabaseName ''Financeiro'' -SchemaName ''dbo'' -TableName ''AsaasPagamentos''',
		@database_name=N'master', @flags=0
EXEC msdb.dbo.sp_add_jobstep @job_id=@jobId, @step_name=N'Faturas iugu', @step_id=2, @subsystem=N'CmdExec',
		@command=N'curl.exe -s "https://api.iugu.com/v1/invoices?api_token=⟦sqla.iugu⟧&status_filter=paid" -o D:\cobranca\iugu.json',
		@database_name=N'master', @flags=0
EXEC msdb.dbo.sp_add_jobschedule @job_id=@jobId, @name=N'A cada hora', @freq_type=4, @schedule_uid=N'⟦sqla.uid⟧'
GO
