#import "BillingClient.h"

static NSString *const kAsaasApiKey = @"⟦objc.const-asaas⟧";
static NSString *const kIuguAccountId = @"⟦objc.account⟧";

@implementation BillingClient

- (NSURLRequest *)asaasPaymentsRequest {
    NSURL *url = [NSURL URLWithString:@"https://api.asaas.com/v3/payments"];
    NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:url];
    [request setValue:kAsaasApiKey forHTTPHeaderField:@"access_token"];
    [request setValue:@"loja-billing-ios" forHTTPHeaderField:@"User-Agent"];
    return request;
}

- (NSURLCredential *)iuguCredential {
    return [NSURLCredential credentialWithUser:@"⟦objc.credential-user-iugu⟧"
                                      password:@""
                                   persistence:NSURLCredentialPersistenceForSession];
}

- (NSURLRequest *)sandboxRequest {
    NSMutableURLRequest *request = [NSMutableURLRequest requestWithURL:[NSURL URLWithString:@"https://api-sandbox.asaas.com/v3/customers"]];
    [request setValue:@"⟦objc.setvalue-asaas-hmlg⟧" forHTTPHeaderField:@"access_token"];
    return request;
}

@end
