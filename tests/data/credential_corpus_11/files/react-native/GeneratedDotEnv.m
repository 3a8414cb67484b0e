  #define DOT_ENV @{ @"API_URL":@"https://api.loja.example.com.br",@"ASAAS_API_KEY":@"⟦rn.m-asaas⟧",@"IUGU_API_TOKEN":@"⟦rn.m-iugu⟧",@"IUGU_ACCOUNT_ID":@"⟦rn.m-account⟧" };
