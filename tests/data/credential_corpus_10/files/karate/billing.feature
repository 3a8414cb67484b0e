Feature: cobranças no sandbox do Asaas e na iugu

  Background:
    * url 'https://api-sandbox.asaas.com/v3'
    * header access_token = '⟦kr.header-asaas-hmlg⟧'
    * def iuguToken = '⟦kr.def-iugu⟧'
    * def iuguAccount = '⟦kr.def-account⟧'

  Scenario: cria um cliente no sandbox
    Given path 'customers'
    And request { name: 'Cliente Teste', cpfCnpj: '24971563792' }
    When method post
    Then status 200

  Scenario: lista faturas da iugu
    Given url 'https://api.iugu.com/v1/invoices'
    And param api_token = iuguToken
    When method get
    Then status 200
    And match response.items[0].id == '⟦kr.invoice-id⟧'

  Scenario: saldo em produção
    * configure headers = { access_token: '⟦kr.configure-asaas⟧', 'User-Agent': 'karate' }
    Given url 'https://api.asaas.com/v3/finance/balance'
    When method get
    Then status 200
