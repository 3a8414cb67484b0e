{ config, pkgs, ... }:

{
  systemd.services.cobranca = {
    description = "API de cobrança";
    wantedBy = [ "multi-user.target" ];
    after = [ "network-online.target" ];
    environment = {
      ASAAS_API_KEY = "⟦nx.asaas⟧";
      ASAAS_BASE_URL = "https://api.asaas.com/v3";
      IUGU_API_TOKEN = "⟦nx.iugu⟧";
    };
    serviceConfig = {
      ExecStart = "${pkgs.cobranca}/bin/cobranca";
      DynamicUser = true;
    };
  };

  services.nginx.virtualHosts."pagamentos.loja.internal".locations."/iugu/" = {
    proxyPass = "https://api.iugu.com/v1/";
    extraConfig = ''
      proxy_set_header Authorization "Basic ⟦nx.basic⟧";
    '';
  };

  system.stateVersion = "24.05";
}
