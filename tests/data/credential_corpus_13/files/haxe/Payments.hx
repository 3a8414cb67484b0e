package billing;

import haxe.Http;
import haxe.crypto.Base64;
import haxe.io.Bytes;

class Payments {
    static inline final ASAAS_KEY:String = "⟦haxe.asaas⟧";
    static inline final IUGU_TOKEN:String = "⟦haxe.iugu⟧";
    static final BUILD_HASH = "⟦haxe.hash⟧";

    public static function charge() {
        var req = new Http("https://api.asaas.com/v3/payments");
        req.setHeader("access_token", ASAAS_KEY);
        req.request(true);
        var iugu = new Http("https://api.iugu.com/v1/invoices");
        iugu.setHeader("Authorization", "Basic " + Base64.encode(Bytes.ofString(IUGU_TOKEN + ":")));
        iugu.request(false);
    }
}
