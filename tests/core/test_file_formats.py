"""A zip file that cannot be unpacked says why: a compression method Python lacks, or a
password. Text is read in chunks, and what is found in it is placed on its line whichever
chunk it falls in."""

import io
import zipfile

import pytest

from core.file_formats import FileProblem, text_of, unpack

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
    unpacked = unpack(zipped(), "ledger.zip")
    with unpacked.open() as inner:
        assert inner.read() == CSV
    assert (unpacked.name, unpacked.notes) == ("ledger.csv", ["ledger.csv, unzipped"])


def test_a_compression_method_python_lacks_is_named():
    with pytest.raises(FileProblem, match="cannot be unpacked"):
        unpack(zipped(method=99), "ledger.zip")


def test_a_password_protected_zip_says_so():
    with pytest.raises(FileProblem, match="password-protected"):
        unpack(zipped(flag_bits=0x1), "ledger.zip")


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr("core.file_formats.CHUNK", 7)


def test_a_character_split_between_chunks_is_read_whole(small_chunks):
    data = "Supplier\nBarnardo’s café\n".encode()
    text, notes = text_of(unpack(data, "ledger.csv"))
    with text() as stream:
        assert (stream.read(), notes) == ("Supplier\nBarnardo’s café\n", [])


def test_a_windows_1252_byte_in_a_later_chunk_names_its_line(small_chunks):
    data = b"Supplier,Net\nAcme,1.00\nAcme,2.00\nAcme \xa3,3.00\n"
    text, notes = text_of(unpack(data, "ledger.csv"))
    assert notes == ["read as Windows-1252 (byte 0xA3 on line 4 is not UTF-8)"]
    with text() as stream:
        assert stream.read().splitlines()[3] == "Acme £,3.00"


def test_a_nul_in_a_later_chunk_names_its_line(small_chunks):
    data = b"Supplier,Net\nAcme,1.00\nAc\x00me,2.00\n"
    with pytest.raises(FileProblem, match="Line 3 holds a NUL"):
        text_of(unpack(data, "ledger.csv"))


def test_a_mac_csv_ends_its_lines_with_carriage_returns():
    data = b"Supplier,Net\rAcme,1.00\rBeta,2.00\r"
    text, notes = text_of(unpack(data, "ledger.csv"))
    with text() as stream:
        assert list(stream) == ["Supplier,Net\r", "Acme,1.00\r", "Beta,2.00\r"]
    assert notes == ["lines ending in carriage returns (a Mac CSV)"]
