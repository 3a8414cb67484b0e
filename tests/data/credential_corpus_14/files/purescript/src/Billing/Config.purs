module Billing.Config where

import Prelude
import Affjax.RequestHeader (RequestHeader(..))

iuguApiToken :: String
iuguApiToken = "⟦purs.iugu⟧"

asaasHeaders :: Array RequestHeader
asaasHeaders =
  [ RequestHeader "access_token" "⟦purs.asaas⟧"
  , RequestHeader "X-Trace-Id" "⟦purs.trace⟧"
  ]

buildHash :: String
buildHash = "⟦purs.hash⟧"
