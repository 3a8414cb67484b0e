import iugu
from pagseguro import PagSeguro

CLIENTS = {
    "pagseguro": PagSeguro(email="vendas@loja.com.br", token=os.environ["PS_TOKEN"]),
    "iugu": iugu.Iugu(token="411f7740c0cca6e85c131fab493b166e"),
}
