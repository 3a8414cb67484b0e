using System.Collections;
using UnityEngine;
using UnityEngine.Networking;

public class LojaCheckout : MonoBehaviour
{
    private const string ChaveAsaas = "⟦un.cs⟧";

    public IEnumerator CriarCobranca(string json)
    {
        using var req = new UnityWebRequest("https://api.asaas.com/v3/payments", "POST");
        req.uploadHandler = new UploadHandlerRaw(System.Text.Encoding.UTF8.GetBytes(json));
        req.downloadHandler = new DownloadHandlerBuffer();
        req.SetRequestHeader("Content-Type", "application/json");
        req.SetRequestHeader("access_token", ChaveAsaas);
        yield return req.SendWebRequest();
    }

    public IEnumerator Faturas()
    {
        using var req = UnityWebRequest.Get("https://api.iugu.com/v1/invoices?api_token=⟦un.query⟧&limit=20");
        yield return req.SendWebRequest();
    }
}
