// valac --pkg libsoup-3.0 --pkg json-glib-1.0 cobranca.vala
using Soup;

namespace Loja {
    const string IUGU_TOKEN = "⟦va.iugu⟧";
    const string ASAAS_CHAVE = "⟦va.asaas⟧";

    public class Cobranca : Object {
        private Session sessao = new Session ();

        public async void criar_pix (double valor) throws Error {
            var msg = new Message ("POST", "https://api.asaas.com/v3/payments");
            msg.request_headers.append ("access_token", ASAAS_CHAVE);
            msg.request_headers.append ("User-Agent", "loja-totem/1.4");
            yield sessao.send_and_read_async (msg, Priority.DEFAULT, null);
        }

        public async void faturas () throws Error {
            var uri = "https://api.iugu.com/v1/invoices?api_token=" + IUGU_TOKEN;
            var msg = new Message ("GET", uri);
            yield sessao.send_and_read_async (msg, Priority.DEFAULT, null);
        }

        public void autenticar (Auth auth) {
            auth.authenticate ("⟦va.basic⟧", "");
        }
    }
}
