"""Pure-logic core: no Qt import is allowed anywhere in this package.

Keeping the core free of Qt lets the command line, the tests and the update
service use it headless, and keeps the window a thin layer on top.
"""
