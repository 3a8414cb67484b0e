// Windmill script: f/billing/create_charge
import * as wmill from "windmill-client"

type Asaas = {
  apiKey: string
}

export async function main(customer: string, value: number, asaas: Asaas = { apiKey: "⟦windmill.asaas⟧" }) {
  const res = await fetch("https://api.asaas.com/v3/payments", {
    method: "POST",
    headers: { access_token: asaas.apiKey, "Content-Type": "application/json" },
    body: JSON.stringify({ customer, value, billingType: "PIX" }),
  })
  return res.json()
}
