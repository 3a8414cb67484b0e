$PBExportHeader$n_cst_asaas.sru
forward
global type n_cst_asaas from nonvisualobject
end type
end forward

global type n_cst_asaas from nonvisualobject
end type

type variables
Constant String ASAAS_API_KEY = "⟦pb.asaas⟧"
Constant String IUGU_API_TOKEN = "⟦pb.iugu⟧"
String is_trace_id = "⟦pb.trace⟧"
end variables

forward prototypes
public function integer of_saldo ()
end prototypes

public function integer of_saldo ();HTTPClient lnv_http
lnv_http = Create HTTPClient
lnv_http.SetRequestHeader("access_token", "⟦pb.asaas2⟧")
lnv_http.SetRequestHeader("Content-Type", "application/json")
Return lnv_http.SendRequest("GET", "https://api.asaas.com/v3/finance/balance")
end function
