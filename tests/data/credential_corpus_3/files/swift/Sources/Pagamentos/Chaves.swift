import Foundation

enum Chaves {
    // string bruta: nada é escape
    static let asaas = #"⟦sw.raw-asaas⟧"#
    static let iuguCorpo = #"{"api_token": "⟦sw.raw-iugu⟧", "method": "pix"}"#
    static let asaasSandbox = "⟦sw.unicode-braced⟧"

    static let ambiente = """
        ASAAS_WEBHOOK_URL=https://loja.com.br/webhooks/asaas
        IUGU_API_TOKEN=⟦sw.multiline-iugu⟧
        IUGU_ACCOUNT_ID=⟦sw.multiline-account⟧
        """

    static func cabecalho(_ apiKey: String) -> String {
        #"access_token: ⟦sw.interpolated-var|\#(apiKey)⟧"#
    }

    static let deviceId = "⟦sw.device-uuid⟧"
}
