*** Settings ***
Library           RequestsLibrary
Suite Setup       Create Session    asaas    https://api.asaas.com/v3    headers=${HEADERS}

*** Variables ***
${ASAAS_API_KEY}       ⟦robot.asaas⟧
${IUGU_API_TOKEN}      ⟦robot.iugu⟧
${EXECUTION_ID}        ⟦robot.execid⟧
&{HEADERS}             access_token=⟦robot.asaas2⟧    Content-Type=application/json

*** Test Cases ***
Listar Cobrancas Vencidas
    ${resp}=    GET On Session    asaas    /payments    params=status=OVERDUE
    Should Be Equal As Strings    ${resp.status_code}    200

Listar Faturas Iugu
    ${auth}=    Create List    ⟦robot.iugu2⟧    ${EMPTY}
    Create Session    iugu    https://api.iugu.com/v1    auth=${auth}
    ${resp}=    GET On Session    iugu    /invoices
