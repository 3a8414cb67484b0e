% Conciliação de cobranças (Asaas e iugu)
setenv('IUGU_API_TOKEN', '⟦m.setenv-iugu⟧');
asaasKey = "⟦m.string-asaas⟧";

opts = weboptions('HeaderFields', {'access_token' char(asaasKey)}, ...
                  'ContentType', 'json', 'Timeout', 30);
pagamentos = webread('https://api.asaas.com/v3/payments', 'status', 'RECEIVED', opts);

iuguOpts = weboptions('Username', '⟦m.username-iugu⟧', 'Password', '', 'Timeout', 30);
faturas = webread('https://api.iugu.com/v1/invoices', iuguOpts);

import matlab.net.http.*
hdr = field.GenericField('access_token', '⟦m.generic-field-asaas⟧');
req = RequestMessage('GET', hdr);
resp = send(req, 'https://api-sandbox.asaas.com/v3/customers');

hash = '⟦m.sha1⟧';  % checksum of the export
