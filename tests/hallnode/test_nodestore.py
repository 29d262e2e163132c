"""The node's store: one long-lived writer connection that survives failed and broken transactions."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from hallclient.hallnode.nodestore import open_node_store


def test_writer_connection_is_reused_rolls_back_and_reopens_when_broken(demo_db) -> None:
    store = open_node_store(demo_db)
    commits: list[int] = []
    store.after_commit = lambda: commits.append(1)
    try:
        with store.write() as conn:
            conn.execute(text("CREATE TABLE scratch (x INTEGER)"))
            first = conn
        with store.write() as conn:
            assert conn is first  # no pool checkout per write
            conn.execute(text("INSERT INTO scratch VALUES (1)"))
        with pytest.raises(RuntimeError), store.write() as conn:
            conn.execute(text("INSERT INTO scratch VALUES (2)"))
            raise RuntimeError("a rule refused the change")
        first.invalidate()  # what SQLAlchemy does after a disk I/O error
        with store.write() as conn:
            assert conn is not first
            conn.execute(text("INSERT INTO scratch VALUES (3)"))
        with store.read() as conn:
            assert [r[0] for r in conn.execute(text("SELECT x FROM scratch ORDER BY x"))] == [1, 3]
        assert len(commits) == 3  # the hook runs after each commit, not after a rollback
    finally:
        store.close()
