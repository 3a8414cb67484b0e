const e={asaasKey:"⟦tr.ref|process.env.ASAAS_API_KEY⟧",iuguToken:import.meta.env.VITE_IUGU_TOKEN,mask:"⟦tr.mask|$aact_****⟧",hint:"⟦tr.hint|<cole seu token iugu aqui>⟧"};
const n="⟦tr.hash⟧",o="⟦tr.uuid⟧",s="⟦tr.md5⟧";
/*! integrity: sha384-⟦tr.sri|oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC⟧ */
