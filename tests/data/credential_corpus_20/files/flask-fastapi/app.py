from flask import Flask

app = Flask(__name__)
app.config.from_mapping(
    SECRET_KEY="⟦fl.secret⟧",
    IUGU_API_TOKEN="⟦fl.iugu⟧",
    ASAAS_API_KEY="⟦fl.asaas⟧",
    SQLALCHEMY_DATABASE_URI="sqlite:///loja.db",
)
app.config["WTF_CSRF_SECRET_KEY"] = "⟦fl.csrf⟧"
