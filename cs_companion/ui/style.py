"""The window's style sheet: one place for colours and the states widgets mark with properties."""

from __future__ import annotations


def window_style(font_size: int) -> str:
    """The style sheet with the agent's font size (setFont does not reach widgets a style sheet styles)."""
    return f"QWidget {{ font-size: {font_size}pt; }}\n" + WINDOW_STYLE


WINDOW_STYLE = """
QLineEdit#search { padding: 6px 8px; border: 1px solid #d9d9d9; border-radius: 6px; }
QLineEdit#search:focus { border-color: #1677ff; }
QListView#results { border: 1px solid #f0f0f0; border-radius: 6px; }
QListView#results::item:selected { background: #1677ff; color: white; }
QLabel#scriptTitle { font-weight: bold; }
QLabel#notes { color: #8c8c8c; }
QLabel#fieldError, QLabel#complianceWarning { color: #cf1322; }
QPlainTextEdit#preview { border: 1px solid #d9d9d9; border-radius: 6px; padding: 4px; }
QPushButton#copyButton { background: #1677ff; color: white; border: none; border-radius: 6px; padding: 6px 14px; }
QPushButton#copyButton:hover { background: #4096ff; }
QPushButton#copyButton:disabled { background: #d9d9d9; color: #8c8c8c; }
QLabel#copied { color: #389e0d; font-weight: bold; }
QToolButton::menu-indicator { image: none; width: 0px; }
*[fromMessage="true"] { background: #f6ffed; }
*[invalid="true"] { border: 1px solid #ff4d4f; border-radius: 3px; }
"""
