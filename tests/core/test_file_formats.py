"""A zip file that cannot be unpacked says why: a compression method Python lacks, or a
password."""

import io
import zipfile

import pytest

from core.file_formats import FileProblem, unpack

CSV = b"Transaction Number,Date\nT1,01/05/2026\n"


def zipped(flag_bits=0, method=None):
    """One CSV in a zip; the header fields patched to claim an encrypted member or another
    compression method, as files from other tools do."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("ledger.csv", CSV)
    data = bytearray(buffer.getvalue())
    for header, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(header)
        if flag_bits:
            data[at + offset] |= flag_bits
        if method is not None:
            data[at + offset + 2 : at + offset + 4] = method.to_bytes(2, "little")
    return bytes(data)


def test_a_plain_zip_gives_its_one_file():
    inner, name, notes = unpack(zipped(), "ledger.zip")
    assert (inner, name, notes) == (CSV, "ledger.csv", ["ledger.csv, unzipped"])


def test_a_compression_method_python_lacks_is_named():
    with pytest.raises(FileProblem, match="cannot be unpacked"):
        unpack(zipped(method=99), "ledger.zip")


def test_a_password_protected_zip_says_so():
    with pytest.raises(FileProblem, match="password-protected"):
        unpack(zipped(flag_bits=0x1), "ledger.zip")
