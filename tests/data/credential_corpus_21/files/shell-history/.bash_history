#1764547200
cd ~/src/cobranca
#1764547211
curl -s https://api.iugu.com/v1/invoices -u "$IUGU_TOKEN:" | jq '.items | length'
#1764547302
ASAAS_API_KEY='⟦sh.inline⟧' npm run reconcile -- --since 2026-11-01
#1764547390
echo -n '⟦sh.echo⟧:' | base64
#1764547455
aws ssm put-parameter --name /loja/prod/iugu_token --type SecureString --value ⟦sh.ssm⟧ --overwrite
#1764547501
git log -1 --format=%H
#1764547502
git show ⟦sh.sha⟧ --stat
#1764547610
sha256sum dump-2026-11-30.sql.gz
#1764547688
docker run --rm -e IUGU_API_TOKEN=⟦sh.docker⟧ ghcr.io/loja/cobranca:2026.12.1 python -m conciliacao
