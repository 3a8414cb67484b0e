<?php
use Bitrix\Main\Config\Option;

// gravado uma vez pelo instalador do módulo de cobrança
Option::set("sale", "asaas_api_key", "⟦bx.asaas⟧");
Option::set("sale", "iugu_api_token", "⟦bx.iugu⟧");
Option::set("main", "server_uniq_id", "⟦bx.uniq⟧");
COption::SetOptionString("sale", "asaas_hmlg_key", '⟦bx.hmlg⟧');
