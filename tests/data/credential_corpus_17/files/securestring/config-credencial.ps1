# Gera o arquivo cifrado (DPAPI) com a chave do Asaas para o agendador
$chave = ConvertTo-SecureString -String '⟦ss.asaas⟧' -AsPlainText -Force
$chave | ConvertFrom-SecureString | Set-Content C:\Loja\asaas.sec

# o que o arquivo guarda (DPAPI, só decifra nesta máquina e usuário):
# ⟦ss.dpapi⟧

$iugu = New-Object System.Management.Automation.PSCredential('iugu', (ConvertTo-SecureString '⟦ss.iugu⟧' -AsPlainText -Force))
