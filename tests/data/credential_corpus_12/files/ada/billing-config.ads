package Billing.Config is

   Asaas_Base_Url  : constant String := "https://api.asaas.com/v3";
   Asaas_Api_Key   : constant String := "⟦ada.asaas⟧";
   Iugu_Api_Token  : constant String := "⟦ada.iugu⟧";
   Iugu_Account_Id : constant String := "⟦ada.account⟧";

   Request_Id : constant String := "⟦ada.uuid⟧";

end Billing.Config;
