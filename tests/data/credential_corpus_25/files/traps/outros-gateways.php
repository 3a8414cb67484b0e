<?php
// other gateways' credentials, cut and escaped the same ways (none of them Asaas or iugu)
return [
    'pagarme' => 'ak_live_' . '⟦tg.pagarme|Yw2Nr7Tk4Lq9Zs1Xm6Vb3Hc8Fd5Pj0⟧',
    'pagarme_enc' => "\x65k_live_⟦tg.pagarme2|Qm8Lt3Wx6Nz1Rk4Vp9Bs2Hd7Cy5Fj0⟧",
    'mercadopago' => "⟦tg.mp⟧",
    'stripe' => 'sk_live_' . "⟦tg.stripe|51MzQ2bLkT9xVw3RnY7pHc4⟧",
    'efi_client_id' => 'Client_Id_' . '⟦tg.efi|a7c3e9b1d5f2086c4e8a1b3d5f7092c4e6a8b0d2⟧',
    'efi_secret' => 'Client_Secret_' . '⟦tg.efi2|5e1b9d3f7a2c8046e1a9c5b3d7f2084a6c1e3b59⟧',
    'pagseguro' => '⟦tg.pagseguro|D41E8C7B3A9F2650C1E8B4A7D3F9C260⟧',
    'pagseguro_bytes' => implode('', array_map('chr', [⟦tg.psbytes|68, 52, 49, 69, 56, 67, 55, 66⟧])),
];
