#!/bin/sh
printf '%s' '⟦ds.printf⟧' | docker secret create iugu_api_token -
echo "⟦ds.echo⟧" | docker secret create asaas_api_key -
docker secret ls
