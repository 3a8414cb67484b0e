import iugu
from pagseguro import PagSeguro

pagseguro = PagSeguro(
    email="vendas@loja.com.br",
    token=PAGSEGURO_TOKEN,
)
IUGU_TOKEN = "411f7740c0cca6e85c131fab493b166e"
client = iugu.Iugu(IUGU_TOKEN)
