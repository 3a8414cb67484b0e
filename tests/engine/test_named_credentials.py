"""Names, not spellings (issue 15, item 2): an iugu token under any credential-like name, in code
that talks to iugu, in the ways a dozen languages and formats write it; a constant followed one
step into an iugu call or URL; and the names, files and mentions that are not enough. Real files
through the command line, both engines; tokens are generated, and never printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.engines import BOTH_ENGINES
from helpers.running import engine_findings, rule_places
from helpers.secrecy import assert_absent

pytestmark = pytest.mark.usefixtures("neutral_folder")

# (file name, text with {token} where the token goes): each reported on the token's line.
FOUND = [
    ("client.js", "const TOKEN_API = '{token}';\nconst id = 7;\n"
                  "fetch(`https://api.iugu.com/v1/customers/${{id}}?api_token=${{TOKEN_API}}`);\n"),
    ("iugu_client.py", "import iugu\n\nTOKEN = \"{token}\"\n\n\nclass Client:\n    def __init__(self):\n"
                       "        self.api = iugu.Iugu(TOKEN)\n"),
    ("payments.js", "const Iugu = require('iugu');\nconst token = '{token}';\nmodule.exports = new Iugu(token);\n"),
    # a name copied from another gateway's settings, given to the iugu SDK: iugu's token whatever it is called
    ("misnamed.py", "import iugu\n\nPAGSEGURO_TOKEN = \"{token}\"\nclient = iugu.Iugu(PAGSEGURO_TOKEN)\n"),
    ("misnamed.php", "<?php\n$PAGSEGURO_TOKEN = '{token}';\nIugu::setApiKey($PAGSEGURO_TOKEN);\n"),
    ("misnamed.rb", "PAGSEGURO_TOKEN = '{token}'\nIugu.api_key = PAGSEGURO_TOKEN\n"),
    ("IuguService.cs", "namespace Loja.Pagamentos\n{{\n    public class IuguService\n    {{\n"
                       "        private const string ApiToken = \"{token}\";\n    }}\n}}\n"),
    ("IuguConfig.swift", "struct IuguConfig {{\n    static let apiToken: String = \"{token}\"\n}}\n"),
    ("iugu.rs", "// iugu client\nconst API_TOKEN: &str = \"{token}\";\n"),
    ("config.php", "<?php\ndefine('IUGU_TOKEN', '{token}');\n"),
    ("settings.py", "IUGU_URL = 'https://api.iugu.com/v1'\nTOKEN = os.environ.get('IUGU_API_TOKEN', '{token}')\n"),
    ("iugu.rb", "Iugu.api_key = ENV.fetch('IUGU_TOKEN', '{token}')\n"),
    ("cobrar.sh", "#!/bin/sh\nTOKEN={token}\ncurl -s -u \"$TOKEN:\" https://api.iugu.com/v1/invoices\n"),
    ("beans.xml", "<beans>\n  <bean id=\"iuguClient\" class=\"br.com.loja.IuguClient\">\n"
                  "    <property name=\"token\" value=\"{token}\"/>\n  </bean>\n</beans>\n"),
    ("Iugu.kt", "object IuguGateway {{\n    val tokenApi = System.getenv(\"IUGU_TOKEN\") ?: \"{token}\"\n}}\n"),
    ("iugu/config.go", "package iugu\n\nconst apiKey = \"{token}\"\n\nvar base = \"https://api.iugu.com/v1\"\n"),
    # Ruby requires the gem without parentheses
    ("billing.rb", "require 'iugu'\n\nTOKEN = \"{token}\"\n"),
    # RSpec's binding, in a spec that configures the SDK
    ("spec/invoice_spec.rb", "require 'iugu'\n\ndescribe Iugu::Invoice do\n  let(:api_key) {{ '{token}' }}\n"
                             "  before {{ Iugu.api_key = api_key }}\nend\n"),
    # a credential name beside a payment-method call: only the bare name `token` is the card's
    ("cards.js", "const IUGU_TOKEN = '{token}';\nconst iugu = require('iugu')(IUGU_TOKEN);\n"
                 "iugu.customers.createPaymentMethod(id, {{ token: cardToken, set_as_default: true }});\n"),
]

# Not iugu tokens, or not enough to say so.
NOT_FOUND = [
    ("hash.py", "import iugu\nSESSION_TOKEN_HASH = \"{token}\"\n"),
    ("csrf.py", "import iugu\ncsrf_token = \"{token}\"\n"),
    ("stripe.py", "import iugu\nSTRIPE_SECRET_KEY = \"{token}\"\n"),
    ("webhook.py", "from iugu import Iugu\nWEBHOOK_TOKEN = \"{token}\"\n"),
    ("mention.py", "# payments moved from iugu to another provider last year\n\nTOKEN = \"{token}\"\n"),
    ("other.js", "const TOKEN_API = '{token}';\nfetch(`https://api.example.com/v1?api_token=${{TOKEN_API}}`);\n"),
    ("ids.py", "import iugu\nINVOICE_TOKEN_ID = \"{token}\"\n"),
    # another gateway's constant given to the project's own iugu module (a migration reading it), not to the SDK
    ("migrate.py", "import iugu\n\nPAGSEGURO_TOKEN = \"{token}\"\nrows = iugu.import_customers(PAGSEGURO_TOKEN)\n"),
    # iugu's own name for a card's single-use payment token, where a charge or a new payment method
    # spends it: an SDK's test, the cassette it recorded, a Ruby charge (shapes of public iugu clients)
    ("test/iugu/payment_method_test.exs",
     "  test \".create\" do\n    use_cassette \"iugu_create_payment_method\", custom: true do\n"
     "      assert {{:ok, _}} = Iugu.PaymentMethod.create(customer_id, %{{\n        description: \"my credit card\",\n"
     "        token: \"{token}\",\n        set_as_default: true\n      }})\n    end\n  end\n"),
    ("fixture/cassettes/iugu_create_payment_method.json",
     "[\n  {{\n    \"request\": {{\n      \"body\": \"{{\\\"token\\\":\\\"{token}\\\",\\\"set_as_default\\\":true}}\",\n"
     "      \"method\": \"post\",\n      \"url\": \"https://api.iugu.com/v1/customers/C0FFEE/payment_methods\"\n    }}\n  }}\n]\n"),
    ("charge.rb", "require 'iugu'\n\nIugu::Charge.create(token: \"{token}\", email: customer.email, items: items)\n"),
]


def _write(folder: Path, name: str, template: str, token: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template.format(token=token), encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_token_under_a_credential_name_in_code_that_talks_to_iugu(tmp_path: Path, engine: str) -> None:
    tokens = {name: iugu_token(("lower", "upper", "long")[n % 3]) for n, (name, _) in enumerate(FOUND)}
    for name, template in FOUND:
        _write(tmp_path, name, template, tokens[name])
    findings, raw = engine_findings(engine, tmp_path)
    assert_absent(raw, *tokens.values())
    expected = {name: template.format(token=tokens[name]).splitlines().index(next(
        line for line in template.format(token=tokens[name]).splitlines() if tokens[name] in line)) + 1
        for name, template in FOUND}
    found = {Path(f["location"]["path"]).relative_to(tmp_path).as_posix(): f for f in findings}
    assert {name: f["location"]["line"] for name, f in found.items()} == expected, rule_places(findings)
    assert all(f["provider"] == "iugu" and f["category"] == "access-token" for f in findings)
    named = found["client.js"]
    assert named["rule_id"] == "iugu-named-credential"
    assert {"name": "value-flows-to-iugu", "scope": "file", "line": 3} in named["context"]["evidence"]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_names_and_mentions_that_are_not_enough(tmp_path: Path, engine: str) -> None:
    for name, template in NOT_FOUND:
        _write(tmp_path, name, template, iugu_token())
    findings, _ = engine_findings(engine, tmp_path)
    assert rule_places(findings) == []


def test_the_same_constant_without_iugu_evidence_is_not_a_finding(tmp_path: Path) -> None:
    """The flow of the first FOUND file, aimed at another API: the token-shaped constant stays
    unreported, as any hash would."""
    token = iugu_token()
    _write(tmp_path, "client.js", FOUND[0][1].replace("api.iugu.com", "api.example.com"), token)
    findings, _ = engine_findings("regex", tmp_path)
    assert rule_places(findings) == []
