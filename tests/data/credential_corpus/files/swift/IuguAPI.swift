import Foundation

enum IuguAPI {
    static let apiToken = "⟦swift.static-let-apitoken⟧"
    private static let iuguAPIToken: String = "⟦swift.typed-let-iugu-token⟧"
    static let baseURL = URL(string: "https://api.iugu.com/v1")!

    static func request(_ path: String) -> URLRequest {
        var request = URLRequest(url: baseURL.appendingPathComponent(path))
        request.setValue("Basic ⟦swift.setvalue-basic⟧", forHTTPHeaderField: "Authorization")
        request.setValue("⟦swift.device-uuid⟧", forHTTPHeaderField: "X-Device-Id")
        return request
    }
}
