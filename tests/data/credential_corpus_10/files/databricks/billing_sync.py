# Databricks notebook source
# MAGIC %md
# MAGIC # Conciliação iugu / Asaas
# MAGIC Lê faturas da iugu e cobranças do Asaas e grava na tabela `finance.conciliacao`.

# COMMAND ----------

# MAGIC %sh
# MAGIC export IUGU_API_TOKEN=⟦db.magic-iugu⟧
# MAGIC curl -s "https://api.iugu.com/v1/invoices?api_token=$IUGU_API_TOKEN&limit=100" > /dbfs/tmp/iugu_invoices.json

# COMMAND ----------

iugu_token = dbutils.secrets.get(scope="billing", key="iugu-api-token")
dbutils.widgets.text("iugu_account", "⟦db.widget-account⟧")

# COMMAND ----------

# MAGIC %scala
# MAGIC val asaasKey = "⟦db.scala-asaas⟧"
# MAGIC val req = requests.get("https://api.asaas.com/v3/payments", headers = Map("access_token" -> asaasKey))

# COMMAND ----------

spark.conf.set("billing.asaas.sandbox_key", "⟦db.conf-asaas-hmlg⟧")
df = spark.read.json("/dbfs/tmp/iugu_invoices.json")
display(df)
