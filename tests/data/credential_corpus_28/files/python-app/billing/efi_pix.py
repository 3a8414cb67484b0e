from efipay import EfiPay
import iugu

EFI_CREDENTIALS = {
    "client_id": "Client_Id_⟦efi.id⟧",
    "client_secret": "Client_Secret_⟦efi.secret⟧",
    "sandbox": False,
    "certificate": "/etc/loja/efi-producao.pem",
}

IUGU = {
    "api_token": "⟦efi.iugu⟧",
    "account_id": "⟦efi.iugu-account⟧",
}

efi = EfiPay(EFI_CREDENTIALS)
iugu.api_token = IUGU["api_token"]


def cobranca_pix(txid, body):
    return efi.pix_create_charge(params={"txid": txid}, body=body)
