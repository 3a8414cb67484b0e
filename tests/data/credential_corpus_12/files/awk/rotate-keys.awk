#!/usr/bin/awk -f
# Replaces the gateway credentials in a .env; run as: awk -f rotate-keys.awk .env > .env.new
BEGIN {
    FS = OFS = "="
    new["ASAAS_API_KEY"] = "⟦awk.asaas⟧"
    new["IUGU_API_TOKEN"] = "⟦awk.iugu⟧"
    keep["IUGU_ACCOUNT_ID"] = "⟦awk.account⟧"
}
($1 in new) { print $1, new[$1]; next }
{ print }
