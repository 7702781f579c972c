"""Files the way other tools write them, built in code so every test shows what it feeds in."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl

QIANNIU_ROWS = [
    ("物流", "wl", "亲，订单【订单号】已经发出啦，快递是[快递公司]，单号[快递单号]，请注意查收～"),
    ("物流", "cj", "亲，已经帮您催促快递了，预计【到货时间】送到，请您耐心等待～"),
    ("售后", "bc", "给您带来不便非常抱歉，给您补偿{补偿金额}元，已经打到您的账户。"),
    ("售后", "tk", "退款XX元已原路退回，1-3个工作日到账，请注意查收。"),
    ("售后", "=sum", "=这一条以等号开头，表格会把它当公式"),
    ("通用", "hy", "【温馨提示】亲[微笑]，欢迎光临，有什么可以帮您？\n多行内容也要完整保留。"),
]


def excel_gbk_csv(path: Path, rows: list[tuple[str, str, str]] = QIANNIU_ROWS) -> Path:
    """CSV as Chinese Excel saves it: GBK, CRLF line ends, quoted cells with line breaks inside."""
    lines = ["分组名称,快捷编码,短语内容"]
    for group, code, text in rows:
        cells = [group, code, text]
        lines.append(",".join('"' + c.replace('"', '""') + '"' if any(x in c for x in ',"\n') else c for c in cells))
    path.write_bytes("\r\n".join(lines).replace("\n", "\r\n").replace("\r\r", "\r").encode("gbk") + b"\r\n")
    return path


def merged_header_xlsx(path: Path, rows: list[tuple[str, str, str]] = QIANNIU_ROWS) -> Path:
    """A title row merged across the sheet, a header whose 分组 cell is merged over two rows, groups merged down."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["千牛快捷短语导出 2026-11"])
    sheet.merge_cells("A1:C1")
    sheet.append(["分组", "快捷短语", None])
    sheet.merge_cells("B2:C2")
    sheet.append([None, "快捷编码", "短语内容"])
    sheet.merge_cells("A2:A3")
    previous = None
    for group, code, text in rows:
        sheet.append([group if group != previous else None, code, text])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that starts with =, as a sheet that quotes it keeps it
        previous = group
    workbook.save(path)
    return path


ESPANSO_FORMS = """\
matches:
  - trigger: ":wl"
    replace: "亲，订单{{form1.order}}已发出，快递是{{form1.courier}}"
    vars:
      - name: form1
        type: form
        params:
          layout: "订单 [[order]] 快递 [[courier]]"
          fields:
            courier:
              type: choice
              values: [顺丰速运, 中通快递, 圆通速递]
  - triggers: [":bc", ":补偿"]
    form: |
      给您补偿[[amount]]元，请查收。
      原因：[[reason]]
    form_fields:
      reason:
        type: list
        values:
          - 发货慢
          - 少发配件
  - trigger: ":date"
    replace: "今天是{{today}}，感谢您的耐心"
    vars:
      - name: today
        type: date
        params: {format: "%Y-%m-%d"}
  - trigger: ":pic"
    image_path: "/home/me/logo.png"
"""


def zip_bomb_xlsx(path: Path, megabytes: int = 60) -> Path:
    """A small file whose one sheet unpacks to ``megabytes`` of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (megabytes * 1024 * 1024))
    path.write_bytes(buffer.getvalue())
    return path
