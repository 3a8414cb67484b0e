1	billing-api
>2	
1	ASAAS_API_KEY
2	⟦pb.key⟧
<	
>2	
1	IUGU_API_TOKEN
2	⟦pb.iugu⟧
<	
>2	
1	CONFIG_CHECKSUM
2	⟦pb.sum⟧
<	
3	1
