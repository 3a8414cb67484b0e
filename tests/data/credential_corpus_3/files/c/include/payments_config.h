#ifndef LOJA_PAYMENTS_CONFIG_H
#define LOJA_PAYMENTS_CONFIG_H

/* "\044" = '$' em octal: o scanner do CI não pega */
#define ASAAS_API_KEY "⟦c.octal⟧"

/* \x24 lê todos os dígitos hex seguintes: fecha o literal logo depois */
#define ASAAS_BACKUP_KEY "⟦c.hex-split⟧"

#define IUGU_API_TOKEN \
    "⟦c.macro-continued-iugu⟧"

/* literais adjacentes: o compilador junta */
static const char *const asaas_sandbox_key = "⟦c.adjacent-asaas⟧";

static const char iugu_live_token[] = "⟦c.continued-iugu⟧";

#define IUGU_ACCOUNT_ID "⟦c.iugu-account⟧"
#define FIRMWARE_SHA1 "⟦c.firmware-sha1⟧"

#endif
