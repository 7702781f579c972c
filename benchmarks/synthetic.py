"""Builds a large synthetic library from the built-in one, for benchmarks.

Each built-in script is repeated with product and shop variations so titles,
keywords and examples are distinct strings (no unfair cache hits), the way a
big team library with per-product variants would look.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cs_companion.core.loader import load_path
from cs_companion.core.models import Layer
from cs_companion.storage.resources import builtin_library_dir

PRODUCTS = [
    "蓝牙耳机",
    "空气炸锅",
    "电动牙刷",
    "保温杯",
    "羽绒服",
    "运动鞋",
    "扫地机器人",
    "面霜",
    "咖啡机",
    "行李箱",
    "台灯",
    "儿童书包",
    "猫粮",
    "手机壳",
    "充电宝",
    "床上四件套",
    "净水器",
    "瑜伽垫",
    "剃须刀",
    "电饭煲",
    "投影仪",
    "机械键盘",
    "显示器",
    "连衣裙",
    "牛仔裤",
    "茶叶礼盒",
    "坚果大礼包",
    "吹风机",
    "加湿器",
    "电热毯",
    "洗碗机",
    "婴儿推车",
    "钓鱼竿",
    "帐篷",
    "智能手表",
    "路由器",
    "收纳箱",
    "餐具套装",
    "厨房刀具",
    "沙发垫",
    "窗帘",
    "拖把",
    "香薰",
    "口红",
    "防晒霜",
    "洗发水",
    "跑步机",
    "哑铃",
    "自行车",
]
SHOPS = ("旗舰店", "专营店", "官方店", "工厂店", "直营店", "海外店", "母婴店", "家居馆", "数码馆", "生鲜馆")


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p50, p95) of a list of timings."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def build_synthetic_library(target: Path, count: int = 10_000, files: int = 10) -> Path:
    """Write ``count`` scripts into ``files`` YAML files under ``target``; returns the folder."""
    base = load_path(builtin_library_dir(), Layer.BUILTIN).library
    assert base is not None, "built-in library must load"
    target.mkdir(parents=True, exist_ok=True)
    catalogue = yaml.safe_load((builtin_library_dir() / "00_library.yaml").read_text(encoding="utf-8"))
    declared = {s["id"] for s in catalogue["scenarios"]}
    catalogue["scenarios"] += [  # Catalogue v2 scenarios live in their own built-in files
        {"id": s.id, "name": s.name, "aliases": list(s.aliases)} for s in base.scenarios if s.id not in declared
    ]
    (target / "00_library.yaml").write_text(yaml.safe_dump(catalogue, allow_unicode=True, sort_keys=False), "utf-8")
    per_file = count // files
    scripts = base.scripts
    for f in range(files):
        batch = []
        for n in range(per_file):
            i = f * per_file + n
            src = scripts[i % len(scripts)]
            product = PRODUCTS[(i // len(scripts)) % len(PRODUCTS)]
            shop = SHOPS[(i // (len(scripts) * len(PRODUCTS))) % len(SHOPS)]
            batch.append(
                {
                    "id": f"{src.id}.v{i}",
                    "scenario": src.scenario,
                    "title": f"{src.title}（{product}·{shop}）",
                    "keywords": [*src.keywords, f"{product}{src.keywords[0] if src.keywords else ''}"],
                    "examples": [f"{e}，我买的{product}" if k == 0 else e for k, e in enumerate(src.examples)],
                    "fields": [
                        {"name": fl.name, "label": fl.label, "type": fl.type.value, "required": fl.required}
                        | ({"default": fl.default} if fl.default else {})
                        | ({"options": list(fl.options)} if fl.options else {})
                        for fl in src.fields
                    ],
                    "body": f"{src.body}\n（{product}）",
                    "notes": src.notes,
                }
            )
        text = yaml.safe_dump({"schema": 1, "scripts": batch}, allow_unicode=True, sort_keys=False)
        (target / f"{10 + f:02d}_bulk.yaml").write_text(text, encoding="utf-8")
    return target
