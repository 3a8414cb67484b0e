#!/bin/sh
set -e
appwrite functions create-variable --function-id cobranca --key ASAAS_API_KEY --value '⟦aw.asaas⟧'
appwrite functions create-variable --function-id cobranca --key IUGU_API_TOKEN --value ⟦aw.iugu⟧
appwrite functions create-variable --function-id cobranca --key GIT_SHA --value ⟦aw.sha⟧
appwrite deploy function --function-id cobranca
