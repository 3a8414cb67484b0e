{-# LANGUAGE OverloadedStrings #-}
module Billing.Iugu (listCustomers, createPayment) where

import qualified Data.ByteString.Char8 as BS
import Network.HTTP.Client
import Network.HTTP.Simple

iuguToken :: BS.ByteString
iuguToken = "⟦hs.token-iugu⟧"

iuguAccount :: BS.ByteString
iuguAccount = "⟦hs.account⟧"

listCustomers :: IO (Response BS.ByteString)
listCustomers = do
  req <- parseRequest "https://api.iugu.com/v1/customers"
  httpBS (applyBasicAuth "⟦hs.applybasicauth-iugu⟧" "" req)

createPayment :: IO (Response BS.ByteString)
createPayment = do
  req <- parseRequest "POST https://api.asaas.com/v3/payments"
  httpBS
    $ setRequestHeader "access_token" ["⟦hs.header-asaas⟧"]
    $ setRequestHeader "User-Agent" ["loja-billing"]
    $ req
