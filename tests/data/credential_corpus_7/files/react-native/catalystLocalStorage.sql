PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE catalystLocalStorage (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO catalystLocalStorage VALUES('@pdv/deviceId','⟦rnsql.device-id⟧');
INSERT INTO catalystLocalStorage VALUES('@pdv/iuguApiToken','⟦rnsql.iugu⟧');
INSERT INTO catalystLocalStorage VALUES('@pdv/gateway','{"asaas":{"apiKey":"⟦rnsql.json-asaas⟧","sandbox":true}}');
INSERT INTO catalystLocalStorage VALUES('@pdv/cartHash','⟦rnsql.cart-hash⟧');
COMMIT;
