"""``--verify``: ask each provider, once per distinct credential, whether a found key still works.

Opt-in and loaded only when asked for (a pre-commit hook's start-up never imports the network):
the run collects the distinct secrets as units deliver them (:mod:`.candidates`), plans one
read-only request for each from the shipped rules' ``verification`` sections, says on stderr how
many requests go to which hosts, sends them (:mod:`.client`), and hands back the verdicts that
the spool attaches to every finding of each secret while it folds them.
"""

from keyaudit.verify.candidates import Candidate, Candidates, Verdicts
from keyaudit.verify.client import Transport, verify

__all__ = ["Candidate", "Candidates", "Transport", "Verdicts", "verify"]
