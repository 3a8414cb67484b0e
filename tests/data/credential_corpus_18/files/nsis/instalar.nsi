!define PRODUTO "Conciliador"
!define VERSAO "1.2.0"
!define IUGU_TOKEN "⟦ns.iugu⟧"

Name "${PRODUTO} ${VERSAO}"
OutFile "Conciliador-${VERSAO}.exe"
InstallDir "$PROGRAMFILES64\Loja\${PRODUTO}"

Section "Principal"
  SetOutPath "$INSTDIR"
  File "dist\conciliador.exe"
  WriteRegStr HKLM "Software\Loja\Conciliador" "AsaasApiKey" "⟦ns.asaas⟧"
  WriteRegStr HKLM "Software\Loja\Conciliador" "IuguApiToken" "${IUGU_TOKEN}"
  WriteRegStr HKLM "Software\Loja\Conciliador" "InstallId" "⟦ns.installid⟧"
SectionEnd
