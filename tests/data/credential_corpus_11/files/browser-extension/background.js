const ASAAS_KEY = "⟦ext.asaas⟧";
const IUGU_TOKEN = '⟦ext.iugu⟧';

chrome.runtime.onInstalled.addListener(() => {
  chrome.storage.local.set({ asaasApiKey: "⟦ext.storage-asaas⟧", iuguAccountId: "⟦ext.account⟧" });
  chrome.contextMenus.create({ id: "cobrar", title: "Cobrar com Asaas", contexts: ["selection"] });
});

async function criarCobranca(customer, value) {
  const response = await fetch("https://api.asaas.com/v3/payments", {
    method: "POST",
    headers: { "Content-Type": "application/json", access_token: ASAAS_KEY },
    body: JSON.stringify({ customer, billingType: "PIX", value, dueDate: new Date().toISOString().slice(0, 10) }),
  });
  return response.json();
}

async function faturasIugu() {
  const r = await fetch(`https://api.iugu.com/v1/invoices?api_token=${IUGU_TOKEN}&limit=20`);
  return r.json();
}
