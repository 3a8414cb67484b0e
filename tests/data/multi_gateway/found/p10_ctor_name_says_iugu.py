import iugu
from pagseguro import PagSeguro

pagseguro = PagSeguro(email="vendas@loja.com.br", iugu_token="411f7740c0cca6e85c131fab493b166e")
client = iugu.Iugu(pagseguro.iugu_token)
