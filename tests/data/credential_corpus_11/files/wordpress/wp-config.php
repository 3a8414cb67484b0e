<?php
/**
 * The base configuration for WordPress
 *
 * @package WordPress
 */

// ** Database settings - You can get this info from your web host ** //
define( 'DB_NAME', 'loja_wp' );
define( 'DB_USER', 'loja' );
define( 'DB_PASSWORD', 'troque-esta-senha' );
define( 'DB_HOST', 'localhost' );
define( 'DB_CHARSET', 'utf8mb4' );

/**#@+
 * Authentication unique keys and salts.
 */
define( 'AUTH_KEY',         '⟦wp.auth-key|t`8Ab;Rn>q1Wv+G!z#kD9m&yL^cP2e]Xh@uF4s(Ja~N7o)|⟧' );
define( 'NONCE_SALT',       '⟦wp.nonce-salt|V{3cQ!pW8r_Kd=Ty6^mZb%2xH,nL9s|fJ+gA4e<Ru0iO⟧' );
/**#@-*/

/* Gateway de pagamento (plugin loja-cobranca) */
define( 'ASAAS_API_KEY', '⟦wp.asaas⟧' );
define( 'ASAAS_SANDBOX_API_KEY', '⟦wp.asaas-hmlg⟧' );
define( 'ASAAS_WALLET_ID', '⟦wp.wallet⟧' );
define('IUGU_API_TOKEN', "⟦wp.iugu⟧");
define('IUGU_ACCOUNT_ID', "⟦wp.account⟧");
define( 'ASAAS_WEBHOOK_TOKEN_MD5', '⟦wp.webhook-md5⟧' );

$table_prefix = 'wp_';
define( 'WP_DEBUG', false );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
