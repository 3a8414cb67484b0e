/* Nightly extract of Asaas payments into the finance library */
%let asaas_api_key = ⟦sas.asaas⟧;
%let asaas_base = https://api.asaas.com/v3;
%let run_id = ⟦sas.runid⟧;

filename resp temp;
proc http
    url="&asaas_base./payments?limit=100"
    method="GET"
    out=resp;
    headers "access_token"="&asaas_api_key."
            "User-Agent"="finance-sas/9.4";
run;

proc http url="https://api.iugu.com/v1/invoices?api_token=⟦sas.iugu⟧&limit=100"
    method="GET" out=resp;
run;
