{ config, pkgs, ... }:

{
  systemd.services.billing-worker = {
    description = "Loja billing worker";
    wantedBy = [ "multi-user.target" ];
    environment = {
      ASAAS_API_KEY = "⟦nix.double-quoted⟧";
      IUGU_API_TOKEN = "⟦nix.iugu⟧";
      IUGU_ACCOUNT_ID = "⟦nix.iugu-account⟧";
    };
    # ''$ : o "$" literal dentro de '' ... ''
    preStart = ''
      echo 'ASAAS_SANDBOX_KEY=''⟦nix.indented-escaped-hmlg⟧' > /run/billing/sandbox.env
      echo "ASAAS_FROM_ENV=''⟦nix.placeholder|${ASAAS_API_KEY}⟧" >> /run/billing/sandbox.env
    '';
    script = "exec ${pkgs.loja-billing}/bin/worker";
  };

  environment.etc."loja/iugu.json".text = ''
    {"api_token": "⟦nix.indented-iugu⟧", "account_id": "⟦nix.indented-account⟧"}
  '';

  system.configurationRevision = "⟦nix.revision⟧";
}
