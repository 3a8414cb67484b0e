import iugu

def migrate_pagseguro_to_iugu(token="411f7740c0cca6e85c131fab493b166e"):
    client = make_client(token)
    return client.customers.list()

def make_client(t):
    return iugu.Iugu(t)
