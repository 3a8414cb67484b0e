<?hh
namespace Loja\Pagamentos;

const string IUGU_TOKEN = '⟦hk.iugu⟧';

final class Gateway {
  const string ASAAS_KEY = "⟦hk.interp⟧";

  public async function cobrar(): Awaitable<void> {
    $headers = dict['access_token' => '⟦hk.asaas⟧', 'Content-Type' => 'application/json'];
    await \HH\Asio\curl_exec("https://api.asaas.com/v3/payments");
  }
}
