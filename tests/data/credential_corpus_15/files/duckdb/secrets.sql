INSTALL httpfs;
LOAD httpfs;

CREATE PERSISTENT SECRET asaas_http (
    TYPE http,
    EXTRA_HTTP_HEADERS MAP {
        'access_token': '⟦duck.asaas⟧',
        'User-Agent': 'duckdb-relatorios'
    },
    SCOPE 'https://api.asaas.com/v3/'
);

CREATE SECRET iugu_http (
    TYPE http,
    EXTRA_HTTP_HEADERS MAP {'Authorization': 'Basic ⟦duck.basic⟧'},
    SCOPE 'https://api.iugu.com/'
);

SELECT name, type, secret_string FROM duckdb_secrets();
┌────────────┬─────────┬──────────────────────────────────────────────────────────────────┐
│    name    │  type   │                          secret_string                           │
│  varchar   │ varchar │                             varchar                              │
├────────────┼─────────┼──────────────────────────────────────────────────────────────────┤
│ asaas_http │ http    │ name=asaas_http;type=http;provider=config;serializable=true;scop │
│            │         │ e=https://api.asaas.com/v3/;extra_http_headers=redacted          │
│ iugu_http  │ http    │ name=iugu_http;type=http;provider=config;bearer_token=redacted   │
└────────────┴─────────┴──────────────────────────────────────────────────────────────────┘

SELECT * FROM read_json('https://api.asaas.com/v3/payments?limit=5&access_token=⟦duck.asaas2⟧');
SELECT md5('⟦duck.md5in|cliente-42⟧') AS h; -- ⟦duck.md5⟧
