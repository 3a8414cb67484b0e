const std = @import("std");

const asaas_api_key = "⟦zig.const-asaas⟧";
const iugu_account_id = "⟦zig.account⟧";

// .env de testes embutido no binário de integração
const test_env =
    \\ASAAS_URL=https://api-sandbox.asaas.com/v3
    \\IUGU_API_TOKEN=⟦zig.multiline-iugu⟧
    \\LOG_LEVEL=debug
;

pub fn listPayments(allocator: std.mem.Allocator) !void {
    var client = std.http.Client{ .allocator = allocator };
    defer client.deinit();
    var body = std.ArrayList(u8).init(allocator);
    defer body.deinit();
    _ = try client.fetch(.{
        .location = .{ .url = "https://api.asaas.com/v3/payments" },
        .extra_headers = &.{
            .{ .name = "access_token", .value = asaas_api_key },
            .{ .name = "User-Agent", .value = "loja-billing" },
        },
        .response_storage = .{ .dynamic = &body },
    });
    _ = test_env;
    _ = iugu_account_id;
}

test "sandbox header" {
    const h = std.http.Header{ .name = "access_token", .value = "⟦zig.header-struct-asaas-hmlg⟧" };
    try std.testing.expect(h.value.len > 0);
}
