import iugu
from pagseguro import PagSeguro


def build():
    ps = PagSeguro(email="vendas@loja.com.br", token="9B2E4F0C7A1D3E5F6A8B0C2D4E6F8A1B")
    token = "411f7740c0cca6e85c131fab493b166e"
    return ps, token


client = iugu.Iugu(build()[1])
