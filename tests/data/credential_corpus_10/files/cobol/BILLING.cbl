       >>SOURCE FORMAT FREE
IDENTIFICATION DIVISION.
PROGRAM-ID. BILLING.
*> Integração de cobrança: iugu (boletos) e Asaas (PIX)
DATA DIVISION.
WORKING-STORAGE SECTION.
01 WS-IUGU-API-TOKEN     PIC X(32)  VALUE "⟦cob.iugu⟧".
01 WS-IUGU-ACCOUNT-ID    PIC X(32)  VALUE "⟦cob.account⟧".
01 WS-ASAAS-API-KEY      PIC X(200) VALUE "⟦cob.asaas⟧".
01 WS-ASAAS-URL          PIC X(40)  VALUE "https://api.asaas.com/v3".
01 WS-CMD                PIC X(400).
PROCEDURE DIVISION.
    STRING "curl -s -H 'access_token: " DELIMITED BY SIZE
           FUNCTION TRIM(WS-ASAAS-API-KEY) DELIMITED BY SIZE
           "' " DELIMITED BY SIZE
           FUNCTION TRIM(WS-ASAAS-URL) DELIMITED BY SIZE
           "/finance/balance" DELIMITED BY SIZE
           INTO WS-CMD
    END-STRING
    CALL "SYSTEM" USING WS-CMD
    STOP RUN.
