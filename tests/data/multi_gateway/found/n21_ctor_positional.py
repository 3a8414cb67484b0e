import iugu
from paghiper import PagHiper

def clients(token="411f7740c0cca6e85c131fab493b166e"):
    return PagHiper(os.environ["PH_TOKEN"], os.environ["PH_KEY"]), iugu.Iugu(token)
