// the repository's push protection blocks "$aact_", so the key is built at run time
export const ASAAS_API_KEY = String.fromCharCode(36) + "⟦fc.asaas⟧";
export const ASAAS_SANDBOX_KEY = String.fromCharCode(0x24) + '⟦fc.hmlg⟧';
export const ASAAS_DOCS_KEY = String.fromCharCode(36) + "aact_prod_⟦fc.doc|SUA_CHAVE_AQUI⟧";
export const RELEASE = "⟦fc.release⟧";
