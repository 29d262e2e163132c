"""The sample hall of the hall file template: six windows over the catalogue template's three categories."""

from __future__ import annotations

from hallclient.catalogue.demo import demo_catalogue
from hallclient.domain.staff import Role
from hallclient.hallsetup.model import HallInfo, HallSetup, StaffSpec, WindowSpec


def sample_setup() -> HallSetup:
    hall = HallInfo(code="SAMPLE", name="示例区政务服务中心", name_en="Sample District Government Service Center",
                    timezone="Asia/Shanghai", opens_at="09:00", closes_at="17:00", weekdays=(1, 2, 3, 4, 5),
                    address="示例区市民中心一楼", phone="0000-12345678")
    windows = (
        WindowSpec(1, "1号窗口", "东区", False, ("SB",), ("YB",)),
        WindowSpec(2, "2号窗口", "东区", False, ("SB",), ()),
        WindowSpec(3, "3号窗口", "东区", True, ("YB",), ("SB",)),
        WindowSpec(4, "4号窗口", "西区", False, ("BDC",), ()),
        WindowSpec(5, "5号窗口", "西区", True, ("BDC",), ("SB", "YB")),
        WindowSpec(6, "综合窗口", "西区", False, ("SB", "YB", "BDC"), ()),
    )
    staff = (
        StaffSpec("1001", "王小明", Role.CLERK, 1),
        StaffSpec("1002", "李晓红", Role.CLERK, 2),
        StaffSpec("1003", "张伟", Role.CLERK, 3),
        StaffSpec("1004", "刘洋", Role.CLERK, 4),
        StaffSpec("2001", "陈静", Role.RECEPTION, None),
        StaffSpec("3001", "赵国强", Role.SUPERVISOR, None),
    )
    return HallSetup(hall, StaffSpec("9001", "周敏", Role.ADMIN), windows, staff, demo_catalogue())
