import iugu
from pagseguro import PagSeguro

iugu_client = iugu.Iugu(os.environ["IUGU_API_TOKEN"])
pagseguro = PagSeguro(email="vendas@loja.com.br", token="9B2E4F0C7A1D3E5F6A8B0C2D4E6F8A1B")
