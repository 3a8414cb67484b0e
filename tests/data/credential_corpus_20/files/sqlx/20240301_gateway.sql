-- Add migration script here
CREATE TABLE gateway_config (
    provider TEXT PRIMARY KEY,
    api_token TEXT NOT NULL
);

INSERT INTO gateway_config (provider, api_token)
VALUES ('iugu', '⟦sx.iugu⟧'),
       ('asaas', '⟦sx.asaas⟧');
