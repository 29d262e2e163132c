from __future__ import annotations

from pathlib import Path

import pytest

from hallclient.store import open_store
from hallclient.store.seed import seed_hall

SMALL_HALL = {
    "hall": {"code": "T", "name": "测试大厅", "timezone": "Asia/Shanghai"},
    "categories": [
        {"code": "SB", "name": "社保", "prefix": "A", "yellow_after_min": 10, "red_after_min": 20},
        {"code": "YB", "name": "医保", "prefix": "B", "yellow_after_min": 10, "red_after_min": 25},
        {"code": "SW", "name": "税务", "prefix": "C", "yellow_after_min": 15, "red_after_min": 30},
    ],
    "items": [
        {
            "code": "SB-1",
            "category": "SB",
            "name": "养老保险关系转移",
            "online_url": "https://zwfw.example.com/guide/SB-1",
        },
        {"code": "YB-1", "category": "YB", "name": "医保关系转移", "online_url": "https://zwfw.example.com/guide/YB-1"},
    ],
    "windows": [
        {"no": 1, "primary": ["SB"], "secondary": ["YB"]},
        {"no": 2, "primary": ["YB"], "secondary": ["SW"]},
        {"no": 3, "primary": ["SW"], "secondary": []},
        {"no": 4, "primary": ["SB", "YB"], "secondary": ["SW"], "tidal": True},
    ],
    "staff": [{"staff_no": "1001", "name": "张三", "role": "clerk", "window": 1}],
    "appointments": [],
}


@pytest.fixture(scope="session")
def small_hall_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("small") / "small.sqlite"
    store = open_store(path)
    seed_hall(store, SMALL_HALL)
    store.close()
    return path
