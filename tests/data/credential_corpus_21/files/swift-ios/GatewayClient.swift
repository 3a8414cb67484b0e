import Alamofire
import Foundation

enum Gateway {
    static let asaasKey = "⟦sw.static⟧"
    static let iuguToken = "⟦sw.iugu⟧"
    static let iuguAccountID = "⟦sw.account⟧"
    static let firebaseAPIKey = "⟦sw.firebase|AIzaSyC3x9Fq2Lm8Vb7Nw4Rt6Yp1Zs0Kd5Hj2Ga⟧"
}

final class GatewayClient {
    func customers() async throws -> Data {
        var request = URLRequest(url: URL(string: "https://api.asaas.com/v3/customers")!)
        request.setValue(Gateway.asaasKey, forHTTPHeaderField: "access_token")
        let (data, _) = try await URLSession.shared.data(for: request)
        return data
    }

    func invoices() async throws -> Data {
        var request = URLRequest(url: URL(string: "https://api.iugu.com/v1/invoices")!)
        let credentials = "\(Gateway.iuguToken):".data(using: .utf8)!.base64EncodedString()
        request.setValue("Basic \(credentials)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        return data
    }

    func reports() -> DataRequest {
        AF.request("https://api.iugu.com/v1/reports").authenticate(username: "⟦sw.af⟧", password: "")
    }

    func legacy() -> String {
        String(format: "%@:%@", "⟦sw.format⟧", "")
    }
}
