<?php

// phpcs:ignoreFile

$databases['default']['default'] = [
  'database' => 'drupal',
  'username' => 'drupal',
  'password' => 'drupal',
  'host' => 'db',
  'port' => '3306',
  'driver' => 'mysql',
  'prefix' => '',
];

$settings['hash_salt'] = '⟦drupal.hash-salt⟧';
$settings['config_sync_directory'] = '../config/sync';

/**
 * Payment gateways (commerce_asaas, commerce_iugu): keep the keys out of the
 * exported configuration, override them here.
 */
$config['commerce_payment.commerce_payment_gateway.asaas']['configuration']['api_key'] = '⟦drupal.asaas⟧';
$config['commerce_payment.commerce_payment_gateway.asaas']['configuration']['mode'] = 'live';
$config['commerce_payment.commerce_payment_gateway.iugu']['configuration']['api_token'] = '⟦drupal.iugu⟧';
$config['commerce_payment.commerce_payment_gateway.iugu']['configuration']['account_id'] = '⟦drupal.account⟧';
$settings['iugu_live_token'] = "⟦drupal.iugu64⟧";

if (file_exists($app_root . '/' . $site_path . '/settings.local.php')) {
  include $app_root . '/' . $site_path . '/settings.local.php';
}
