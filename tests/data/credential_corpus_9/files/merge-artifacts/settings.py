import os

IUGU = {
<<<<<<< ours
    "api_token": os.environ.get("IUGU_API_TOKEN", "⟦d3.ours-iugu⟧"),
||||||| base
    "api_token": "⟦d3.base-iugu⟧",
=======
    "api_token": os.environ["IUGU_API_TOKEN"],
>>>>>>> theirs
    "account_id": "⟦d3.account⟧",
}
