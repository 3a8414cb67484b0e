"""seed gateway config

Revision ID: 3f2a9c1d7b44
Revises: 91b0e6d2c8aa
Create Date: 2026-11-28 14:02:11.483920

"""
import sqlalchemy as sa
from alembic import op

revision = "3f2a9c1d7b44"
down_revision = "91b0e6d2c8aa"

gateway_config = sa.table(
    "gateway_config",
    sa.column("provider", sa.String),
    sa.column("api_key", sa.String),
    sa.column("account_id", sa.String),
)


def upgrade() -> None:
    op.bulk_insert(
        gateway_config,
        [
            {"provider": "asaas", "api_key": "⟦alem.asaas⟧", "account_id": "⟦alem.wallet⟧"},
            {"provider": "iugu", "api_key": "⟦alem.iugu⟧", "account_id": "⟦alem.account⟧"},
        ],
    )
    op.execute("UPDATE gateway_config SET api_key = '⟦alem.iugu-update⟧' WHERE provider = 'iugu'")


def downgrade() -> None:
    op.execute("DELETE FROM gateway_config")
