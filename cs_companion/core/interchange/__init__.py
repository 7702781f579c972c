"""Bringing other tools' phrase lists in (千牛/京麦 sheets, CSV, Espanso, plain text) and taking ours out.

Plain Python like the rest of ``core``: readers turn a file into ``RawPhrase``
rows, ``convert`` turns rows into scripts with typed fields and a suggested
scenario, ``library_yaml`` writes a library file a team lead can check line by
line, and ``export`` writes CSV, XLSX or Espanso. Every file read here is
untrusted: sizes are checked before anything is unpacked or decoded, and each
refusal is one ``ImportFileError`` line.
"""
