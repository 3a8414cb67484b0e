"""Engine-specific tests skip cleanly where an engine cannot run (Hyperscan has no wheel for every
platform), so the suite still runs — and tests the fallback — there."""

from __future__ import annotations

import pytest

from keyaudit.engine import hyperscan_available

needs_hyperscan = pytest.mark.skipif(not hyperscan_available(), reason="hyperscan is not installed here")

# For parametrizing a test over both engines: Hyperscan's case skips where it is not installed.
BOTH_ENGINES = ["regex", pytest.param("hyperscan", marks=needs_hyperscan)]
