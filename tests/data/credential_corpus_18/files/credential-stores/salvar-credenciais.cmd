@echo off
rem grava as credenciais do conciliador no Gerenciador de Credenciais do Windows
cmdkey /generic:Loja/Conciliador/Asaas /user:api /pass:⟦cs.asaas⟧
cmdkey /generic:Loja/Conciliador/Iugu /user:⟦cs.iugu⟧ /pass:x
cmdkey /list:Loja/*
