import iugu
from pagseguro import PagSeguro


def settings():
    ps = PagSeguro(email="vendas@loja.com.br", token=os.environ["PAGSEGURO_TOKEN"])
    token = "411f7740c0cca6e85c131fab493b166e"
    return ps, token


client = iugu.Iugu(settings()[1])
