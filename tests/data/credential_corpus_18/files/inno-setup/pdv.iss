; Instalador do PDV da loja (Inno Setup 6)
#define MyAppName "Loja PDV"
#define MyAppVersion "3.8.2"
#define AsaasApiKey "⟦is.asaas⟧"

[Setup]
AppId={{⟦is.appid⟧}
AppName={#MyAppName}
AppVersion={#MyAppVersion}
DefaultDirName={autopf}\Loja\PDV
OutputBaseFilename=LojaPDV-{#MyAppVersion}-setup

[Registry]
Root: HKLM; Subkey: "Software\Loja\PDV"; ValueType: string; ValueName: "AsaasApiKey"; ValueData: "{#AsaasApiKey}"; Flags: uninsdeletevalue
Root: HKLM; Subkey: "Software\Loja\PDV"; ValueType: string; ValueName: "IuguApiToken"; ValueData: "⟦is.iugu⟧"; Flags: uninsdeletevalue

[Files]
Source: "bin\LojaPDV.exe"; DestDir: "{app}"; Flags: ignoreversion
