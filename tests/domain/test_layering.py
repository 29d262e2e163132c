"""The domain rules stay free of Qt and SQL, so they can be reasoned about and tested on their own."""

import ast
from pathlib import Path

import hallclient.domain

FORBIDDEN = ("PySide6", "sqlalchemy", "sqlmodel", "sqlite3", "psycopg", "alembic", "fastapi", "hallclient.store")


def test_domain_imports_neither_qt_nor_sql():
    root = Path(hallclient.domain.__file__).parent
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"
