//COBRSYNC JOB (FIN001),'SYNC COBRANCAS',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//*--------------------------------------------------------------*
//* SINCRONIZA COBRANCAS DO ASAAS E DO IUGU (BPXBATSH)           *
//*--------------------------------------------------------------*
//STEP01   EXEC PGM=BPXBATSH,PARM='SH /u/cobr/bin/sync.sh'
//STDOUT   DD SYSOUT=*
//STDERR   DD SYSOUT=*
//STDENV   DD *
ASAAS_API_KEY=⟦jcl.asaas⟧
IUGU_API_TOKEN=⟦jcl.iugu⟧
LOTE_ID=⟦jcl.lote⟧
/*
//STEP02   EXEC PGM=IKJEFT01
//SYSTSPRT DD SYSOUT=*
//SYSTSIN  DD *
 OSHELL curl -s -H 'access_token: ⟦jcl.hmlg⟧' +
   https://api-sandbox.asaas.com/v3/customers
/*
