import { axios } from "@pipedream/platform";

export default defineComponent({
  async run({ steps, $ }) {
    const pedido = steps.trigger.event.body;
    return await axios($, {
      method: "POST",
      url: "https://api.asaas.com/v3/payments",
      headers: {
        access_token: "⟦pdm.asaas⟧",
        "User-Agent": "pipedream-loja",
      },
      data: { customer: pedido.cliente_asaas, billingType: "BOLETO", value: pedido.total },
    });
  },
});
