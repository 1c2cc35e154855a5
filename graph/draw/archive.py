"""Zip files that are the same bytes for the same content: fixed entry dates, the caller's order,
0644 permissions (an export is meant to be shared; zipfile's default gives 0600 on unpacking).

>>> a = zip_files({"b.txt": b"1", "a.txt": b"2"})
>>> a == zip_files({"b.txt": b"1", "a.txt": b"2"}), zipfile.ZipFile(io.BytesIO(a)).namelist()
(True, ['b.txt', 'a.txt'])
"""
from __future__ import annotations

import io
import re
import zipfile

ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # any fixed date: the zip format has no "no date"
UNIX = 3  # ZipInfo.create_system: unpackers apply external_attr as Unix permissions
FILE_MODE = 0o100644  # regular file, rw-r--r--
_MODIFIED = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")


def zip_files(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.create_system = UNIX
            info.external_attr = FILE_MODE << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


def fixed_office_file(data: bytes, stamp: str = "2020-01-01T00:00:00Z") -> bytes:
    """An .xlsx (a zip) repacked with fixed entry dates and a fixed `dcterms:modified`: openpyxl
    stamps both with the time of saving, so two saves of one workbook differ."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        files = {i.filename: z.read(i) for i in z.infolist()}
    core = "docProps/core.xml"
    if core in files:
        files[core] = _MODIFIED.sub(rb"<dcterms:modified\1>" + stamp.encode() + rb"</dcterms:modified>", files[core])
    return zip_files(files)
