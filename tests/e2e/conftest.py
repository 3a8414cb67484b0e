"""Fixtures of the end-to-end tests."""

from __future__ import annotations

import pytest

from helpers.wheel import Installed, install_wheel


@pytest.fixture(scope="session")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """The wheel, built once per test session and installed into a fresh virtual environment."""
    return install_wheel(tmp_path_factory.mktemp("wheel"))
