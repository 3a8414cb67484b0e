kubectl config use-context prod-sa-east-1
helm repo update
helm upgrade --install billing ./charts/billing -n billing --set image.tag=2.14.0 --set asaas.apiKey='⟦helm.set-asaas⟧'
helm upgrade --install billing ./charts/billing -n billing --set-string iugu.apiToken=⟦helm.set-string-iugu⟧ --reuse-values
helm upgrade billing ./charts/billing -n billing --set 'extraEnv[0].name=IUGU_API_TOKEN,extraEnv[0].value=⟦helm.set-list-iugu⟧'
helm upgrade billing ./charts/billing -n billing --set asaas.apiKey=$⟦helm.set-var|ASAAS_API_KEY⟧ --set asaas.baseUrl=https://api.asaas.com/v3
helm template billing ./charts/billing --set asaas.apiKey=⟦helm.placeholder|$aact_prod_CHANGEME⟧ | kubeconform -strict
helm get values billing -n billing -o yaml > /tmp/values.yaml
helm history billing -n billing
