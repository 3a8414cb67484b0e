package Loja::Iugu;

use strict;
use warnings;
use LWP::UserAgent;
use MIME::Base64 qw(encode_base64);

# TODO: ler de /etc/loja/pagamentos.conf
my $ASAAS_KEY     = "\⟦perl.escaped-asaas⟧";
my $ASAAS_SANDBOX = q{⟦perl.q-hmlg⟧};
my $IUGU_TOKEN    = '⟦perl.single-iugu⟧';
my $IUGU_ACCOUNT  = '⟦perl.iugu-account⟧';
my $RELEASE_SHA   = '⟦perl.release-sha⟧';

my $ua = LWP::UserAgent->new(timeout => 15);
$ua->default_header(Authorization => 'Basic ' . encode_base64("$IUGU_TOKEN:", ''));

sub corpo_transferencia {
    my ($valor) = @_;
    return <<"JSON";
{"api_token":"⟦perl.heredoc-iugu⟧","transfer_type":"pix","amount_cents":$valor}
JSON
}

sub cabecalho_asaas {
    return (access_token => qq{\⟦perl.qq-escaped-asaas⟧});
}

1;
