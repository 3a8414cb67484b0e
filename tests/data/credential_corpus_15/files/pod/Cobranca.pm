package Loja::Cobranca;
use strict;
use warnings;

our $VERSION = '1.42';

1;

__END__

=head1 NAME

Loja::Cobranca - cliente do Asaas e do iugu

=head1 SYNOPSIS

    use Loja::Cobranca;
    my $c = Loja::Cobranca->new(
        asaas_api_key  => '⟦pod.asaas⟧',
        iugu_api_token => '⟦pod.iugu⟧',
    );

=head1 ENVIRONMENT

C<ASAAS_API_KEY> defaults to C<⟦pod.hmlg⟧> in the test suite.

=head1 SEE ALSO

L<https://api.iugu.com/v1>, request id C<⟦pod.reqid⟧>.

=cut
