"""A few demo categories and items (for templates and previews) and large generated catalogues (for load tests).

Links point at example.com, a reserved domain, so a demo sheet never sends a visitor to a real site.
"""

from __future__ import annotations

import random
from pathlib import Path

from hallclient.catalogue.model import Catalogue
from hallclient.domain.catalogue import Category, Guide, Material, MaterialForm, ServiceItem
from hallclient.domain.sla import SlaThresholds

DEMO_URL = "https://zwfw.example.com/guide/{code}"
ID_CARD = Material("居民身份证", MaterialForm.ORIGINAL, 1, "本人有效身份证件")


def demo_catalogue() -> Catalogue:
    """Three categories, six items: enough to show every column of the templates (guide_url filled and empty)."""
    categories = (
        Category("SB", "社保", "A", "Social insurance", SlaThresholds(15, 30), 10, DEMO_URL.format(code="SB")),
        Category("YB", "医保", "B", "Medical insurance", SlaThresholds(15, 30), 20, DEMO_URL.format(code="YB")),
        Category("BDC", "不动产登记", "C", "Real estate registration", SlaThresholds(20, 40), 30),  # no guide_url
    )

    def item(code: str, category: str, name: str, **guide: object) -> ServiceItem:
        return ServiceItem(code, name, category, Guide(online_url=DEMO_URL.format(code=code), **guide))  # type: ignore[arg-type]

    items = (
        item("SB001", "SB", "城乡居民基本养老保险参保登记",
             conditions=("年满16周岁（不含在校学生）", "非国家机关和事业单位工作人员", "未参加职工基本养老保险"),
             materials=(ID_CARD, Material("户口簿", MaterialForm.ORIGINAL_AND_COPY, 1, "户主页及本人页")),
             steps=("窗口提交材料", "工作人员审核", "录入系统，办结"),
             legal_limit_days=20, promised_limit_days=0, location="一楼 3—5 号窗口", phone="0755-12345678"),
        item("SB002", "SB", "企业职工基本养老保险关系转移接续申请（跨省转入）",
             conditions=("已在转出地参加职工基本养老保险", "在本市已建立养老保险关系"),
             materials=(ID_CARD, Material("参保缴费凭证", MaterialForm.ORIGINAL, 1, "转出地社保机构出具"),
                        Material("基本养老保险关系转移接续申请表", MaterialForm.ORIGINAL, 2, "")),
             steps=("申请人向转入地提交申请", "转入地向转出地发联系函", "转出地转移关系和基金",
                    "转入地接收并告知"),
             legal_limit_days=45, promised_limit_days=15, location="一楼 3—5 号窗口", phone="0755-12345678"),
        item("SB003", "SB", "社会保障卡申领",
             materials=(ID_CARD, Material("近期免冠证件照", MaterialForm.ELECTRONIC, 0, "可现场拍摄")),
             steps=("提交申请", "现场拍照", "制卡", "领卡"), legal_limit_days=None, promised_limit_days=10,
             location="一楼 6 号窗口", phone="0755-12345678"),
        item("YB001", "YB", "基本医疗保险参保信息变更登记", materials=(ID_CARD,),
             steps=("窗口受理", "信息变更", "办结"), legal_limit_days=5, promised_limit_days=0,
             location="一楼 7—8 号窗口", phone="0755-12345679"),
        item("YB002", "YB", "异地就医备案",
             conditions=("参加本市基本医疗保险", "长期异地居住、异地工作或转诊就医"),
             materials=(ID_CARD, Material("异地居住证明或工作证明", MaterialForm.COPY, 1, "任选其一")),
             steps=("提交备案申请", "审核", "备案生效"), legal_limit_days=5, promised_limit_days=1,
             location="一楼 7—8 号窗口", phone="0755-12345679"),
        item("BDC001", "BDC", "国有建设用地使用权及房屋所有权转移登记（二手房买卖）",
             conditions=("买卖双方已签订房屋买卖合同", "已缴清相关税费", "房屋无查封、抵押等限制"),
             materials=(Material("不动产登记申请书", MaterialForm.ORIGINAL, 1, ""),
                        Material("买卖双方身份证明", MaterialForm.ORIGINAL_AND_COPY, 1, ""),
                        Material("不动产权证书", MaterialForm.ORIGINAL, 1, ""),
                        Material("房屋买卖合同", MaterialForm.ORIGINAL, 1, "网签备案合同"),
                        Material("完税凭证", MaterialForm.ORIGINAL_AND_COPY, 1, "")),
             steps=("申请", "受理", "审核", "登簿", "缴费", "发证"), legal_limit_days=30, promised_limit_days=3,
             fee="住宅 80 元/件；非住宅 550 元/件", location="二楼 12—18 号窗口", phone="0755-12345680"),
    )
    return Catalogue(categories=categories, items=items)


_WORDS = ("城乡居民", "企业职工", "基本养老保险", "医疗保险", "失业保险", "工伤保险", "参保登记", "变更登记",
          "关系转移接续", "待遇申领", "证明开具", "不动产", "抵押权", "首次登记", "注销登记", "户籍迁入",
          "居住证", "营业执照", "食品经营许可", "建设工程", "消防验收", "公积金", "提取", "补办", "换领")
_CATEGORY_NAMES = ("社保", "医保", "不动产登记", "公安户政", "企业开办", "税务", "公积金", "人才服务", "交通运输",
                   "市场监管", "住房建设", "民政", "卫生健康", "生态环境", "文化旅游", "教育", "水务", "综合受理",
                   "自然资源", "退役军人", "残联", "工会", "司法", "出入境", "城管")


def generated_catalogue(n_items: int, *, n_categories: int = 20, seed: int = 7) -> Catalogue:
    """A deterministic catalogue of realistic size and text length, for benchmarks and load tests."""
    rng = random.Random(seed)
    categories = tuple(
        Category(f"C{n:02d}", _CATEGORY_NAMES[n % len(_CATEGORY_NAMES)] + ("" if n < len(_CATEGORY_NAMES) else str(n)),
                 chr(ord("A") + n % 26), f"Category {n}", SlaThresholds(15, 30), n)
        for n in range(n_categories)
    )
    items = []
    for n in range(n_items):
        category = categories[n % n_categories]
        name = "".join(rng.sample(_WORDS, rng.randint(2, 5)))
        materials = tuple(
            Material(rng.choice(_WORDS) + "申请表", rng.choice(list(MaterialForm)), rng.randint(0, 3),
                     rng.choice(("", "本人签字", "加盖公章", "有效期内")))
            for _ in range(rng.randint(1, 8))
        )
        guide = Guide(
            online_url=f"https://zwfw.example.com/guide/item?code={category.code}-{n:05d}",
            conditions=tuple(f"申请人{rng.choice(_WORDS)}符合条件{k}" for k in range(rng.randint(0, 5))),
            materials=materials,
            steps=tuple(f"{rng.choice(('受理', '审核', '决定', '办结', '送达'))}：{rng.choice(_WORDS)}" for _ in
                        range(rng.randint(2, 6))),
            legal_limit_days=rng.choice((None, 5, 10, 20, 30)),
            promised_limit_days=rng.choice((None, 0, 1, 3)),
            fee=rng.choice(("不收费", "按规定标准收取")),
            location=f"一楼 {rng.randint(1, 30)} 号窗口",
            phone="0755-12345678",
        )
        items.append(ServiceItem(f"{category.code}-{n:05d}", name, category.code, guide))
    return Catalogue(categories=categories, items=tuple(items))


def write_templates(directory: str | Path) -> list[Path]:
    """(Re)write the three import templates from the demo catalogue."""
    from hallclient.catalogue.formats import FORMATS, write_catalogue

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / f"catalogue-template.{fmt}" for fmt in FORMATS]
    for path in paths:
        write_catalogue(demo_catalogue(), path)
    return paths
