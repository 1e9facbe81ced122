"""The ledger exports the import knows: our own, Unit4 (Agresso), Oracle E-Business Suite and
Fusion, and a published spend-over-£500 (Transparency Code) file. Headings are compared
without case or punctuation ('NET_AMOUNT', 'Net Amount (£)'); each field takes the first of
its headings the file has. A file names its layout with ``--layout`` or is matched to the
layout whose headings it has."""

from core.tabular import Column, Layout


def _headings(*names):
    return tuple(names)


TRANSACTION = _headings(
    "transaction number",
    "transaction no",
    "transaction id",
    "transaction ref",
    "transaction reference",
    "trans no",
    "transno",
    "voucher no",
    "voucher number",
    "invoice number",
    "invoice no",
    "invoice num",
    "document number",
    "payment reference",
)
LINE = _headings(
    "line number", "line no", "line num", "invoice line", "sequence no", "seq no", "line"
)
DATE = _headings(
    "date",
    "transaction date",
    "payment date",
    "trans date",
    "posting date",
    "accounting date",
    "gl date",
    "voucher date",
    "paid date",
    "date paid",
    "invoice date",
)
SUPPLIER = _headings(
    "supplier",
    "supplier name",
    "supplier beneficiary",
    "beneficiary",
    "payee",
    "payee name",
    "vendor",
    "vendor name",
    "apar name",
    "apar t",
    "supplier t",
    "creditor name",
)
DESCRIPTION = _headings(
    "description",
    "narrative",
    "purpose",
    "purpose of expenditure",
    "purpose of expenditure narrative",
    "line description",
    "details",
    "text",
    "trans description",
)
COST_CENTRE = _headings(
    "cost centre", "cost center", "cost centre code", "cost center code", "cost centre id"
)
EXPENSE_TYPE = _headings(
    "expense type",
    "expenses type",
    "expenditure type",
    "detailed expenses type",
    "account description",
    "account name",
    "account t",
    "subjective",
    "subjective description",
    "procurement category",
    "expense code",
    "cipfa expenditure code",
)
NET = _headings(
    "net amount",
    "net",
    "net value",
    "amount",
    "amount exc vat",
    "amount excl vat",
    "amount excluding vat",
    "sumofamount exc vat",
    "net amount gbp",
    "amount gbp",
    "value",
    "cur amount",
    "line amount",
)
DEBIT = _headings("debit", "dr", "entered dr", "accounted dr", "debit amount")
CREDIT = _headings("credit", "cr", "entered cr", "accounted cr", "credit amount")
VAT = _headings(
    "irrecoverable vat",
    "irrecoverable vat amount",
    "non recoverable vat",
    "vat irrecoverable",
    "irrec vat",
)
SUPPLIER_TYPE = _headings("supplier type", "payee type", "vendor type", "beneficiary type")
REQUIRED = frozenset(
    {"transaction_number", "date", "supplier", "cost_centre", "expense_type", "net_amount|debit"}
)


def _common(*extra):
    return (
        *extra,
        Column("transaction_number", TRANSACTION),
        Column("line_number", LINE),
        Column("date", DATE),
        Column("supplier", SUPPLIER),
        Column("description", DESCRIPTION),
        Column("cost_centre", COST_CENTRE),
        Column("expense_type", EXPENSE_TYPE),
        Column("net_amount", NET),
        Column("debit", DEBIT),
        Column("credit", CREDIT),
        Column("irrecoverable_vat", VAT),
        Column("supplier_type", SUPPLIER_TYPE),
    )


STANDARD = Layout(
    name="Standard ledger",
    source="this product's own ledger export, and any export with its headings",
    columns=_common(),
    required=REQUIRED,
)
UNIT4 = Layout(
    name="Unit4 Agresso",
    source="Unit4 Business World (Agresso) general ledger transactions",
    columns=_common(
        Column("apar", ("apar id", "apar", "apar type")),
        Column("transaction_number", ("trans no", "transno", "voucher no", "voucher")),
        Column("line_number", ("sequence no", "sequence", "trans line")),
        Column("date", ("trans date", "voucher date")),
        Column("supplier", ("apar name", "apar t", "supplier t")),
        Column("cost_centre", ("dim 1", "dim1", "costc", "cost c", "cost centre t")),
        Column("expense_type", ("account t", "account description", "account")),
        Column("net_amount", ("amount", "cur amount")),
    ),
    required=REQUIRED,
)
ORACLE = Layout(
    name="Oracle",
    source="Oracle E-Business Suite or Fusion payables distributions and journal lines, "
    "with the cost centre the second segment of the account code (100.FP2026009.52200...)",
    columns=_common(
        Column("oracle", ("invoice num", "code combination", "gl date", "journal name")),
        Column("transaction_number", ("invoice num", "invoice number", "journal name")),
        Column("line_number", ("distribution line number", "line number", "journal line")),
        Column("date", ("accounting date", "gl date")),
        Column("supplier", ("supplier name", "vendor name", "supplier or party")),
        Column(
            "cost_centre",
            ("account", "account combination", "code combination", "distribution account"),
            segment=2,
        ),
        Column(
            "expense_type",
            ("account description", "natural account description", "expenditure type"),
        ),
        Column(
            "expense_type",
            ("account", "account combination", "code combination", "distribution account"),
            segment=3,
        ),
        Column("net_amount", ("accounted amount", "entered amount", "distribution amount")),
    ),
    required=REQUIRED,
)
TRANSPARENCY = Layout(
    name="LGA transparency",
    source="a published spend-over-£500 file under the Local Government Transparency Code",
    columns=_common(
        # Named so a published file is known by them; not stored.
        Column("body", ("body name", "body", "organisation name", "organisation code")),
        Column(
            "cost_centre",
            (
                "cost centre",
                "cost centre code",
                "expense area code",
                "service area code",
                "responsible unit code",
                "expense area",
                "service area",
                "service area categorisation",
                "responsible unit",
                "department",
                "department or service where expenditure occurred",
            ),
        ),
        Column("net_amount", ("net amount", "amount", "sumofamount exc vat", "value")),
    ),
    required=REQUIRED,
)
LAYOUTS = (STANDARD, UNIT4, ORACLE, TRANSPARENCY)
