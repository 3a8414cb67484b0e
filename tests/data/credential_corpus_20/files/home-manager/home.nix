{ config, pkgs, ... }:

{
  home.username = "ana";
  home.homeDirectory = "/home/ana";
  home.stateVersion = "24.05";

  home.sessionVariables = {
    EDITOR = "nvim";
    ASAAS_API_KEY = "⟦hm.asaas⟧";
    IUGU_API_TOKEN = "⟦hm.iugu⟧";
  };

  programs.bash.initExtra = ''
    export IUGU_TEST_TOKEN=⟦hm.extra⟧
    alias faturas='curl -s -u "$IUGU_API_TOKEN:" https://api.iugu.com/v1/invoices'
  '';

  home.file.".config/loja/asaas.json".text = builtins.toJSON {
    baseUrl = "https://api-sandbox.asaas.com/v3";
    apiKey = "⟦hm.json⟧";
  };

  home.packages = [
    (pkgs.fetchurl {
      url = "https://example.org/loja-cli-1.2.tar.gz";
      hash = "sha256-⟦hm.sri⟧";
    })
  ];
}
