/// <reference path="../pb_data/types.d.ts" />
migrate((app) => {
  const collection = app.findCollectionByNameOrId("gateways");

  const asaas = new Record(collection);
  asaas.set("nome", "asaas");
  asaas.set("chave", "⟦pb.asaas⟧");
  app.save(asaas);

  const iugu = new Record(collection, {
    "id": "⟦pb.id|r8k2m4n6p0q1s3t⟧",
    "nome": "iugu",
    "chave": "⟦pb.iugu⟧",
  });
  app.save(iugu);
}, (app) => {
  app.delete(app.findFirstRecordByData("gateways", "nome", "iugu"));
});
