import iugu
from paghiper import PagHiper

router = Router(
    primary=PagHiper(os.environ["PH_TOKEN"], os.environ["PH_KEY"]),
    fallback=iugu.Iugu(api_key="411f7740c0cca6e85c131fab493b166e"),
)
