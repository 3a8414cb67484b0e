import iugu
from gerencianet import Gerencianet

gn = Gerencianet({"client_id": os.environ["EFI_ID"], "client_secret": os.environ["EFI_SECRET"], "sandbox": False})
api_key = "411f7740c0cca6e85c131fab493b166e"
iugu.api_key = api_key
