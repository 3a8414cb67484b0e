vcl 4.1;

import std;

backend asaas {
    .host = "api.asaas.com";
    .port = "443";
}

backend iugu {
    .host = "api.iugu.com";
    .port = "443";
}

sub vcl_recv {
    if (req.url ~ "^/pagamentos/") {
        set req.backend_hint = asaas;
        set req.http.access_token = "⟦vcl.asaas⟧";
        set req.http.X-Cache-Salt = "⟦vcl.salt⟧";
    }
    if (req.url ~ "^/faturas/") {
        set req.backend_hint = iugu;
        set req.http.Authorization = "Basic ⟦vcl.basic⟧";
    }
}
