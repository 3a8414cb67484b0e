CLASS zcl_asaas_client DEFINITION PUBLIC FINAL CREATE PUBLIC.
  PUBLIC SECTION.
    CONSTANTS: c_base_url TYPE string VALUE 'https://api.asaas.com/v3',
               c_api_key  TYPE string VALUE '⟦abap.asaas⟧',
               c_wallet   TYPE string VALUE '⟦abap.wallet⟧'.
    METHODS create_payment IMPORTING iv_json TYPE string.
ENDCLASS.

CLASS zcl_asaas_client IMPLEMENTATION.
  METHOD create_payment.
    DATA lo_client TYPE REF TO if_http_client.
    cl_http_client=>create_by_url( EXPORTING url = c_base_url && '/payments'
                                   IMPORTING client = lo_client ).
    lo_client->request->set_header_field( name = 'access_token' value = c_api_key ).
    lo_client->request->set_header_field( name = 'Authorization'
                                          value = 'Basic ⟦abap.basic⟧' ).
    lo_client->request->set_cdata( iv_json ).
    lo_client->send( ).
  ENDMETHOD.
ENDCLASS.
