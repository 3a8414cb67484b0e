import iugu
from paghiper import PagHiper

TOKEN = "411f7740c0cca6e85c131fab493b166e"
PAGHIPER_API_KEY = "apk_12345678-AbCdEfGhIjKlMnOpQrStUvWxYz"

iugu_client = iugu.Iugu(TOKEN)
paghiper = PagHiper(PAGHIPER_API_KEY, "ignored")
