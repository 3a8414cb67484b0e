#!/bin/zsh
# configura o PDV no Mac do caixa
defaults write br.com.loja.pdv IuguApiToken -string "⟦md.iugu⟧"
defaults write br.com.loja.pdv AsaasApiKey -string '⟦md.asaas⟧'
defaults write br.com.loja.pdv UltimaSincronizacao -date "2026-03-02 10:00:00 +0000"
