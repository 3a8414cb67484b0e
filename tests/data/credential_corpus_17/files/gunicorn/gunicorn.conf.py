# gunicorn -c gunicorn.conf.py checkout.app:app
bind = "0.0.0.0:8000"
workers = 3
worker_class = "uvicorn.workers.UvicornWorker"
raw_env = [
    "APP_ENV=production",
    "ASAAS_API_KEY=⟦gu.asaas⟧",
    "IUGU_API_TOKEN=⟦gu.iugu⟧",
    "STATIC_VERSION=⟦gu.static⟧",
]
accesslog = "-"
