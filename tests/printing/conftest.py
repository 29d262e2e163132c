"""Catalogues the printing tests render."""

from __future__ import annotations

import pytest

from hallclient.catalogue.demo import demo_catalogue
from hallclient.catalogue.formats import load_catalogue
from hallclient.catalogue.model import Catalogue
from hallclient.paths import db_path


@pytest.fixture(scope="session")
def seed_catalogue() -> Catalogue:
    return load_catalogue(db_path("seed", "demo_hall.json"))


@pytest.fixture(scope="session")
def demo() -> Catalogue:
    return demo_catalogue()
