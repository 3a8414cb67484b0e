using Microsoft.Extensions.Logging;

namespace LojaApp;

public static class MauiProgram
{
    public static MauiApp CreateMauiApp()
    {
        var builder = MauiApp.CreateBuilder();
        builder.UseMauiApp<App>();

        builder.Services.AddHttpClient("asaas", c =>
        {
            c.BaseAddress = new Uri("https://api-sandbox.asaas.com/v3/");
            c.DefaultRequestHeaders.Add("access_token", "⟦ma.hmlg⟧");
        });

        Preferences.Default.Set("iugu_api_token", "⟦ma.pref⟧");
        _ = SecureStorage.Default.SetAsync("asaas_api_key", "⟦ma.secure⟧");

#if DEBUG
        builder.Logging.AddDebug();
#endif
        return builder.Build();
    }
}
