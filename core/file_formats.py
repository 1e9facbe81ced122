"""The file formats another system's export may arrive in, opened to rows of text: gzip and
zip (unpacked within a limit), text in UTF-8, UTF-16 or Windows-1252, CSV with any delimiter,
and Excel workbooks read in read-only mode. Files are read as streams, as often as need be,
never whole, so memory does not grow with the file. Each problem names its cause and its line
(``FileProblem``); core.tabular finds the header and the layout in what comes out."""

import codecs
import csv
import gzip
import hashlib
import io
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO

import openpyxl

# The most a compressed upload may unpack to: the file is read as a stream, so this bounds the
# time a small file that unpacks to far more (an attack, not an export) can take.
UNPACKED_LIMIT = 4 * 1024 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 1024 * 1024


class FileProblem(ValueError):
    """The file as a whole cannot be read; ``line`` is where the problem is (1 when the file
    as a whole is at fault)."""

    def __init__(self, message, line=1):
        super().__init__(message)
        self.line = line


def opener(source):
    """A function giving a fresh binary stream of ``source`` (bytes, or such a function)
    from its start, so a file is read as many times as need be and never held whole."""
    if isinstance(source, bytes | bytearray):
        return lambda: io.BytesIO(source)
    return source


@dataclass
class Unpacked:
    """The table inside a file as it came (plain, gzip or zip): its name, what it was, and
    ``open()``, a fresh stream of its bytes from the start."""

    open: Callable[[], IO[bytes]]
    name: str
    notes: list = field(default_factory=list)
    compressed: bool = False

    def head(self, size=8):
        with self.open() as stream:
            return stream.read(size)

    def seekable(self):
        """A stream that may be read in any order (a workbook is a zip file): the upload
        itself, or the unpacked table copied to a temporary file on disk."""
        if not self.compressed:
            return self.open()
        copy = tempfile.TemporaryFile()  # noqa: SIM115 - the caller closes it
        with self.open() as stream:
            shutil.copyfileobj(stream, copy, CHUNK)
        copy.seek(0)
        return copy


class _Unpacking(io.RawIOBase):
    """A compressed file's contents read as a stream: the bytes counted against
    UNPACKED_LIMIT, damage reported as a FileProblem, what it was opened on closed with it."""

    def __init__(self, inner, outer, damaged):
        super().__init__()
        self.inner, self.outer, self.damaged, self.count = inner, outer, damaged, 0

    def readable(self):
        return True

    def readinto(self, buffer):
        try:
            size = self.inner.readinto(buffer)
        except (OSError, EOFError, zlib.error, zipfile.BadZipFile) as error:
            raise FileProblem(self.damaged(error)) from error
        self.count += size
        if self.count > UNPACKED_LIMIT:
            raise FileProblem(
                f"The compressed file unpacks to more than {UNPACKED_LIMIT // (1024 * 1024):,} "
                "MB; import it uncompressed with the command instead."
            )
        return size

    def close(self):
        if not self.closed:
            self.inner.close()
            self.outer.close()
        super().close()


def _gunzip(open_packed):
    def open_inner():
        outer = open_packed()
        inner = gzip.GzipFile(fileobj=outer)
        return io.BufferedReader(
            _Unpacking(
                inner, outer, lambda error: f"The file is gzip-compressed but damaged: {error}"
            ),
            CHUNK,
        )

    return open_inner


def _zip_member(open_packed):
    """The one file in a zip, checked to be one Python can unpack."""
    with open_packed() as outer:
        try:
            archive = zipfile.ZipFile(outer)
        except zipfile.BadZipFile as error:
            raise FileProblem("The file looks like a zip file but cannot be opened.") from error
        names = archive.namelist()
        if "[Content_Types].xml" in names:
            return None
        members = [n for n in names if not n.endswith("/") and not n.startswith("__MACOSX")]
        if len(members) != 1:
            raise FileProblem(
                f"The zip file holds {len(members)} files; put one CSV or workbook in it."
            )
        _open_member(archive, members[0]).close()
    return members[0]


def _zip_damage(error):
    if isinstance(error, zlib.error):
        return f"The zip file's contents are damaged: {error}."
    return f"The zip file is damaged: {error}."


def _open_member(archive, member):
    try:
        return archive.open(member)
    except zipfile.BadZipFile as error:
        raise FileProblem(_zip_damage(error)) from error
    except NotImplementedError as error:  # a compression method Python does not read
        raise FileProblem(f"The zip file cannot be unpacked: {error}.") from error
    except RuntimeError as error:  # an encrypted member, which needs a password
        raise FileProblem("The zip file is password-protected; zip it without one.") from error


def _unzip(open_packed, member):
    def open_inner():
        outer = open_packed()
        inner = _open_member(zipfile.ZipFile(outer), member)
        return io.BufferedReader(_Unpacking(inner, outer, _zip_damage), CHUNK)

    return open_inner


def unpack(source, filename):
    """The table inside a plain, gzip or zip file (``source``: bytes, or a function giving a
    fresh binary stream), read as a stream each time it is opened."""
    open_packed = opener(source)
    name = (filename or "").lower()
    with open_packed() as stream:
        magic = stream.read(4)
    if magic.startswith(GZIP_MAGIC):
        return Unpacked(_gunzip(open_packed), name.removesuffix(".gz"), ["gzip-compressed"], True)
    if magic.startswith(ZIP_MAGIC):
        member = _zip_member(open_packed)
        if member is None:
            return Unpacked(open_packed, "workbook.xlsx")
        return Unpacked(_unzip(open_packed, member), member.lower(), [f"{member}, unzipped"], True)
    return Unpacked(open_packed, name)


def _first_bad_byte(unpacked, encoding):
    """(line, byte) of the first byte that is not ``encoding``, or None: read once, in
    chunks, never whole."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines, last = 0, b""
    with unpacked.open() as stream:
        while chunk := stream.read(CHUNK):
            last = chunk
            buffered = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                at = error.start - buffered
                return lines + chunk.count(b"\n", 0, max(at, 0)) + 1, chunk[max(at, 0)]
            lines += chunk.count(b"\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return lines + 1, last[-1]
    return None


def _scan_text(unpacked, encoding):
    """Read the text once for a NUL (which no text export holds, and PostgreSQL refuses to
    store or even compare), for anything but blanks, and for how its lines end: at a line feed
    (with or without a carriage return before it), or, in Excel for Mac's "CSV (Macintosh)",
    at a carriage return alone. Returns that ending."""
    feeds = returns = 0
    blank = True
    with io.TextIOWrapper(unpacked.open(), encoding=encoding, newline="") as text:
        while chunk := text.read(CHUNK):
            if "\x00" in chunk:
                before = chunk[: chunk.index("\x00")]
                line = (
                    feeds + before.count("\n") if feeds or "\n" in chunk
                    else returns + before.count("\r")
                ) + 1  # fmt: skip
                raise FileProblem(
                    f"Line {line} holds a NUL character, which a CSV export never does: the "
                    "file may be damaged or not a CSV. Nothing was imported.",
                    line,
                )
            feeds += chunk.count("\n")
            returns += chunk.count("\r")
            blank = blank and not chunk.strip()
    if blank:
        raise FileProblem("The file is empty.")
    return "\r" if returns and not feeds else "\n"


def text_of(unpacked, encoding=None):
    """(a function giving the table's text as a fresh stream, a note when it was not UTF-8).
    A layout that says its encoding is held to it; otherwise UTF-16 by its mark, UTF-8, or
    Windows-1252 when it is not UTF-8."""
    notes = []
    if unpacked.head(2) in (b"\xff\xfe", b"\xfe\xff"):
        chosen, notes = "utf-16", ["UTF-16 text"]
    else:
        chosen = "utf-8-sig" if encoding in (None, "utf-8") else encoding
        bad = _first_bad_byte(unpacked, chosen)
        if bad is not None:
            line, byte = bad
            cp1252 = _first_bad_byte(unpacked, "cp1252") is None
            if encoding:
                raise FileProblem(
                    f"Byte 0x{byte:02X} on line {line} is not {encoding.upper()}, which the "
                    "layout says the file is written in"
                    + ("; the file looks like Windows-1252." if cp1252 else "."),
                    line,
                )
            if not cp1252:
                raise FileProblem(
                    f"Byte 0x{byte:02X} on line {line} is not UTF-8, and the file is not "
                    "Windows-1252 text either. Export it as CSV (UTF-8).",
                    line,
                )
            chosen = "cp1252"
            notes = [f"read as Windows-1252 (byte 0x{byte:02X} on line {line} is not UTF-8)"]
    # Lines end at a line feed (a carriage return inside a quoted cell is part of it), as the
    # line numbers in every message count them, or at a carriage return in a Mac CSV.
    ending = _scan_text(unpacked, chosen)
    if ending == "\r":
        notes.append("lines ending in carriage returns (a Mac CSV)")
    return (lambda: io.TextIOWrapper(unpacked.open(), encoding=chosen, newline=ending)), notes


def csv_rows(text, delimiter):
    """(line number, cells) for each row of ``text`` (a string or a text stream)."""
    reader = csv.reader(io.StringIO(text) if isinstance(text, str) else text, delimiter=delimiter)
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FileProblem(
                f"Line {reader.line_num} cannot be read as CSV: {error}. Nothing was imported.",
                reader.line_num,
            ) from error
        yield reader.line_num, cells


def _cell_text(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text.removesuffix("T00:00:00")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return _float_text(value)
    return str(value)


def _float_text(value):
    """A number cell as its pounds and pence where it is one: a formula's 770.0000000000001
    is 770.00; a value with a third decimal place keeps it, to be refused as money."""
    if value.is_integer():
        return str(int(value))
    if abs(round(value, 2) - value) < 1e-7:
        return f"{value:.2f}"
    return repr(value)


def workbook(stream):
    """The workbook in a seekable stream, opened in read-only mode (its rows are streamed)."""
    try:
        return openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise FileProblem(f"The Excel workbook cannot be opened: {error}.") from error


def sheet_rows(sheet):
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, [_cell_text(value) for value in values]


def sha256_of(source):
    """The SHA-256 of ``source`` (bytes, or a function giving a fresh binary stream of it),
    read in chunks."""
    digest = hashlib.sha256()
    with opener(source)() as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
