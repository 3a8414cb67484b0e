>1	
1	POST
2	api.asaas.com
3	/v3/transfers
>9	
1	access_token
2	⟦als.key⟧
<	
>9	
1	x-request-id
2	⟦als.rid⟧
<	
<	
