use Cro::HTTP::Client;

my $iugu-token = '⟦raku.my-iugu⟧';
my $iugu-account = '⟦raku.account⟧';
%*ENV<ASAAS_API_KEY> = '⟦raku.env-asaas⟧';

my $asaas = Cro::HTTP::Client.new(
    base-uri => 'https://api-sandbox.asaas.com/v3/',
    headers => [
        access_token => '⟦raku.header-asaas-hmlg⟧',
        User-Agent => 'billing-raku',
    ],
);

my $iugu = Cro::HTTP::Client.new(
    base-uri => 'https://api.iugu.com/v1/',
    auth => { username => $iugu-token, password => '' },
);

my $resp = await $iugu.get("accounts/$iugu-account");
say await $resp.body;
