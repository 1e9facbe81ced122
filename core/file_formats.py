"""The file formats another system's export may arrive in, opened to rows of text: gzip and
zip (unpacked within a limit), text in UTF-8, UTF-16 or Windows-1252, CSV with any delimiter,
and Excel workbooks read in read-only mode. Each problem names its cause and its line
(``FileProblem``); core.tabular finds the header and the layout in what comes out."""

import csv
import gzip
import io
import zipfile
import zlib

import openpyxl

# The most a compressed upload may unpack to.
UNPACKED_LIMIT = 256 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
GZIP_MAGIC = b"\x1f\x8b"


class FileProblem(ValueError):
    """The file as a whole cannot be read; ``line`` is where the problem is (1 when the file
    as a whole is at fault)."""

    def __init__(self, message, line=1):
        super().__init__(message)
        self.line = line


def unpack(data, filename):
    """The bytes of the table inside a gzip or zip file, and what it was."""
    name = (filename or "").lower()
    if data.startswith(GZIP_MAGIC):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
                inner = _bounded(packed)
        except (OSError, EOFError, zlib.error) as error:
            raise FileProblem("The file is gzip-compressed but damaged: " + str(error)) from error
        return inner, name.removesuffix(".gz"), ["gzip-compressed"]
    if data.startswith(ZIP_MAGIC):
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as error:
            raise FileProblem("The file looks like a zip file but cannot be opened.") from error
        names = archive.namelist()
        if "[Content_Types].xml" in names:
            return data, "workbook.xlsx", []
        members = [n for n in names if not n.endswith("/") and not n.startswith("__MACOSX")]
        if len(members) != 1:
            raise FileProblem(
                f"The zip file holds {len(members)} files; put one CSV or workbook in it."
            )
        try:
            with archive.open(members[0]) as packed:
                inner = _bounded(packed)
        except zipfile.BadZipFile as error:  # damaged, or its checksum does not match
            raise FileProblem(f"The zip file is damaged: {error}.") from error
        except zlib.error as error:
            raise FileProblem(f"The zip file's contents are damaged: {error}.") from error
        except NotImplementedError as error:  # a compression method Python does not read
            raise FileProblem(f"The zip file cannot be unpacked: {error}.") from error
        except RuntimeError as error:  # an encrypted member, which needs a password
            raise FileProblem("The zip file is password-protected; zip it without one.") from error
        return inner, members[0].lower(), [f"{members[0]}, unzipped"]
    return data, name, []


def _bounded(packed):
    """A compressed file's contents, refused past UNPACKED_LIMIT (a small file that unpacks
    to gigabytes is an attack, not an export)."""
    inner = packed.read(UNPACKED_LIMIT + 1)
    if len(inner) > UNPACKED_LIMIT:
        raise FileProblem(
            f"The compressed file unpacks to more than {UNPACKED_LIMIT // (1024 * 1024)} MB; "
            "import it uncompressed with the command instead."
        )
    return inner


def decode(data, encoding=None):
    """The text, and a note when it was not UTF-8. A layout that says its encoding is held
    to it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), ["UTF-16 text"]
    try:
        text, notes = data.decode("utf-8-sig" if encoding in (None, "utf-8") else encoding), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        if encoding:
            raise FileProblem(
                f"Byte 0x{byte:02X} on line {line} is not {encoding.upper()}, which the layout "
                "says the file is written in"
                + ("; the file looks like Windows-1252." if _is_cp1252(data) else "."),
                line,
            ) from error
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise FileProblem(
                f"Byte 0x{byte:02X} on line {line} is not UTF-8, and the file is not "
                "Windows-1252 text either. Export it as CSV (UTF-8).",
                line,
            ) from error
        notes = [f"read as Windows-1252 (byte 0x{byte:02X} on line {line} is not UTF-8)"]
    if "\x00" in text:
        # No text export holds a NUL, and PostgreSQL refuses to store or even compare one.
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise FileProblem(
            f"Line {line} holds a NUL character, which a CSV export never does: the file may "
            "be damaged or not a CSV. Nothing was imported.",
            line,
        )
    return text, notes


def _is_cp1252(data):
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def csv_rows(text, delimiter):
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
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


def workbook(data):
    """The workbook, opened in read-only mode (its rows are streamed)."""
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise FileProblem(f"The Excel workbook cannot be opened: {error}.") from error


def sheet_rows(sheet):
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, [_cell_text(value) for value in values]
