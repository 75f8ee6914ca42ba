"""Category 1: bad imports.

Each case is a file (or a few) written into its own folder, imported into a fresh copy of one of
the base books, and judged:

- no exit code 70, no stack trace or exception name in the output;
- refused: a clean message (`shg: ...`), naming `file:line:column` where the problem is inside a
  file, and the books exactly as before (`shg verify` lines, head hashes included, and the trial
  balance with members' sub-ledgers);
- accepted: `shg verify` passes and the trial balance balances; and where the case says what the
  books must then hold (the same as the clean file's, or unchanged), they do.

A case's `expect` is what the program should do by its documentation and issue 13: `refuse`,
`same` (accept, books as the clean file leaves them: a harmless variation such as a byte-order
mark), `unchanged` (accept, record nothing: the same statement again), `accept` (accept, books
balanced) or `either` (the documentation leaves it open; only cleanliness is judged).
"""
import os
import random
import re
import shutil
from decimal import Decimal

from bases import GROUP, read, register_rows, seed_dir, two_meetings
from common import (LOCATION, CLEAN_CODES, Tally, copy_db, log, parallel, settle, short, sqlite_digest,
                    state)

CTRL = {  # control and bidirectional characters, by the name a problem line shows
    "NUL": "\x00", "BEL": "\x07", "ESC[31m": "\x1b[31m", "LF": "\n", "CR": "\r", "TAB": "\t",
    "NEL": "\x85", "LSEP": "\u2028", "RLO": "\u202e", "LRI": "\u2066", "RLM": "\u200f",
    "BOM-inside": "\ufeff",
}


class Case:
    def __init__(self, name, kind, base, args, files, expect, why, loc=True, ref=None):
        self.name = re.sub(r"[^A-Za-z0-9._-]", "_", name)
        self.kind, self.base, self.args = kind, base, args
        self.files, self.expect, self.why, self.loc, self.ref = files, expect, why, loc, ref


def q(field):
    """A CSV field, quoted when it must be."""
    if any(c in field for c in ',"\n\r') or field != field.strip():
        return '"' + field.replace('"', '""') + '"'
    return field


def csv_text(header, rows):
    return "\n".join([header] + rows) + "\n"


# ---------------------------------------------------------------------------------------------
# Passbooks: the seed's SBI statement, and the same lines in every other bank layout.

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def passbook_lines(root):
    """(day, month, year, narration, reference, debit, credit, balance) of the seed statement."""
    import csv
    import io
    text = read(root, "passbook.csv").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Txn Date") + 1
    out = []
    for r in rows[start:]:
        if not r or not r[0].strip() or r[0].startswith("**"):
            break
        d, mon, y = r[0].split()
        amt = lambda s: Decimal(s.replace(",", "")) if s.strip() else Decimal(0)
        out.append((int(d), MONTHS.index(mon) + 1, int(y), r[2], r[3], amt(r[4]), amt(r[5]),
                    amt(r[6])))
    return out


def indian(amount):
    """1,00,000.00 grouping."""
    s = f"{amount:.2f}"
    whole, frac = s.split(".")
    neg = whole.startswith("-")
    whole = whole.lstrip("-")
    if len(whole) > 3:
        head, tail = whole[:-3], whole[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        if head:
            groups.insert(0, head)
        whole = ",".join(groups + [tail])
    return ("-" if neg else "") + whole + "." + frac


def layout(lines, name, newest_first=False):
    """The lines as bytes in a bank layout of docs/import.md."""
    rows = list(reversed(lines)) if newest_first else lines
    out = []
    if name == "generic":
        out.append("Date,Narration,Withdrawal,Deposit,Balance")
        for d, m, y, narr, ref, dr, cr, bal in rows:
            out.append(",".join([f"{d:02d}/{m:02d}/{y}", q(narr), q(indian(dr)) if dr else "",
                                 q(indian(cr)) if cr else "", q(indian(bal))]))
    elif name == "hdfc":
        out.append("  Date     ,Narration                      ,Value Dat,Debit Amount       ,"
                   "Credit Amount      ,Chq/Ref Number   ,Closing Balance")
        for d, m, y, narr, ref, dr, cr, bal in rows:
            dt = f"{d:02d}/{m:02d}/{y % 100:02d}"
            out.append(f"  {dt}  ,{narr.replace(',', ' '):<31},{dt} ,{dr:<19.2f},{cr:<19.2f},"
                       f"{(ref or '0' * 16)[:16]:<17},{bal:.2f}")
    elif name == "icici":
        out.append("DETAILED STATEMENT")
        out.append("")
        out.append("S No.,Value Date,Transaction Date,Cheque Number,Transaction Remarks,"
                   "Withdrawal Amount (INR ),Deposit Amount (INR ),Balance (INR )")
        for i, (d, m, y, narr, ref, dr, cr, bal) in enumerate(rows, 1):
            dt = f"{d:02d}/{m:02d}/{y}"
            out.append(",".join([str(i), dt, dt, q(ref), q(narr), q(indian(dr)), q(indian(cr)),
                                 q(indian(bal))]))
    elif name == "kotak":
        out.append("ROSHNI MAHILA SAMOOH,,,,,,,,")
        out.append(",,,,,,,,")
        out.append("Sl. No.,Transaction Date,Value Date,Description,Chq / Ref No.,Amount,Dr / Cr,"
                   "Balance,Dr / Cr")
        for i, (d, m, y, narr, ref, dr, cr, bal) in enumerate(rows, 1):
            dt = f"{d:02d}-{m:02d}-{y}"
            amount, side = (dr, "DR") if dr else (cr, "CR")
            out.append(",".join([str(i), dt, dt, q(narr), q(ref), q(indian(amount)), side,
                                 q(indian(bal)), "CR"]))
    elif name == "sbi-tab":
        out.append("Account Name\t:\tROSHNI MAHILA SAMOOH")
        out.append("")
        out.append("Txn Date\tValue Date\tDescription\tRef No./Cheque No.\tDebit\tCredit\tBalance")
        for d, m, y, narr, ref, dr, cr, bal in rows:
            dt = f"{d} {MONTHS[m - 1]} {y}"
            out.append("\t".join([dt, dt, narr, ref, indian(dr) if dr else "",
                                  indian(cr) if cr else "", indian(bal)]))
    else:
        raise ValueError(name)
    return ("\n".join(out) + "\n").encode("utf-8")


def generic_rows(lines):
    return [",".join([f"{d:02d}/{m:02d}/{y}", q(narr), f"{dr:.2f}" if dr else "",
                      f"{cr:.2f}" if cr else "", f"{bal:.2f}"])
            for d, m, y, narr, ref, dr, cr, bal in lines]


# ---------------------------------------------------------------------------------------------

def cases(root):
    """Every case of category 1, references first."""
    out = []
    add = out.append
    sd = seed_dir(root)
    rules = read(root, "rules.txt")
    members = read(root, "members.csv").decode("utf-8")
    m_header, *m_rows = [l for l in members.splitlines() if l.strip()]
    reg_header, reg_rows = two_meetings(root)
    full_header, full_rows = register_rows(root)
    pb_all = passbook_lines(root)
    pb4 = pb_all[:4]  # 11 Apr and 13 May BY CASH, 30 Jun interest, 15 Jul SMS charges
    pb_header = "Date,Narration,Withdrawal,Deposit,Balance"
    pb_rows = generic_rows(pb4)

    def roster(name, text, expect, why, enc="utf-8", loc=True, raw=None):
        data = raw if raw is not None else text.encode(enc)
        add(Case("roster-" + name, "roster", "group", ["import", "members", GROUP, "members.csv"],
                 {"members.csv": data}, expect, why, loc, ref="members"))

    def register(name, text, expect, why, loc=True, raw=None, base="members", ref="two"):
        data = raw if raw is not None else text.encode("utf-8")
        add(Case("register-" + name, "register", base,
                 ["import", "meetings", GROUP, "meetings.csv"], {"meetings.csv": data}, expect,
                 why, loc, ref=ref))

    def passbook(name, data, expect, why, loc=True, extra=(), rules_text=rules, base="two",
                 ref="ref-passbook"):
        if isinstance(data, str):
            data = data.encode("utf-8")
        files = {"passbook.csv": data}
        args = ["import", "passbook", GROUP, "passbook.csv"] + list(extra)
        if rules_text is not None:
            files["rules.txt"] = rules_text
            args += ["--rules", "rules.txt"]
        add(Case("passbook-" + name, "passbook", base, args, files, expect, why, loc, ref=ref))

    def opening(name, text, expect, why, base="members", loc=True, raw=None):
        data = raw if raw is not None else text.encode("utf-8")
        add(Case("opening-" + name, "opening", base, ["import", "opening", GROUP, "opening.csv"],
                 {"opening.csv": data}, expect, why, loc, ref="ref-opening"))

    def rules_case(name, text, expect, why, loc=True):
        passbook("rules-" + name, csv_text(pb_header, pb_rows), expect, why, loc,
                 rules_text=text.encode("utf-8") if isinstance(text, str) else text)

    def register_field(row, col, value=None):
        rows = list(reg_rows)
        cells = rows[row].split(",")
        for c, v in (col.items() if isinstance(col, dict) else [(col, value)]):
            cells[c] = v
        rows[row] = ",".join(cells)
        return csv_text(reg_header, rows)

    def roster_field(row, col, value):
        rows = list(m_rows)
        cells = rows[row].split(",")
        cells[col] = q(value)
        rows[row] = ",".join(cells)
        return csv_text(m_header, rows)

    def pb_field(row, col, value, rows=None):
        rows = list(rows or pb_rows)
        cells = rows[row].split(",")
        cells[col] = value
        rows[row] = ",".join(cells)
        return csv_text(pb_header, rows)

    # --- references: the clean files, whose books the 'same' cases must match ---------------
    opening_clean = csv_text("as_of,item,member,amount,loan_method,loan_monthly_rate,loan_instalments", [
        "01/04/2024,cash,,1520.00,,,", "01/04/2024,bank,,\"12,000.00\",,,",
        "01/04/2024,grant,,\"10,000\",,,", "01/04/2024,savings,M01,2400,,,",
        "01/04/2024,voluntary_savings,M01,300,,,", "01/04/2024,loan,M02,3000,emi,1.5,6",
        "01/04/2024,loan,M03,1000,,,"])
    add(Case("ref-opening", "opening", "members", ["import", "opening", GROUP, "opening.csv"],
             {"opening.csv": opening_clean.encode()}, "accept", "the clean opening balances",
             ref=None))
    add(Case("ref-passbook", "passbook", "two",
             ["import", "passbook", GROUP, "passbook.csv", "--rules", "rules.txt"],
             {"passbook.csv": csv_text(pb_header, pb_rows).encode(), "rules.txt": rules},
             "accept", "the clean four-line statement", ref=None))

    # --- roster --------------------------------------------------------------------------------
    roster("clean-bom", "\ufeff" + members, "same", "UTF-8 with a byte-order mark")
    roster("crlf", members.replace("\n", "\r\n"), "same", "CRLF line ends")
    roster("tabs", members.replace(",", "\t"), "same", "tab-separated")
    roster("utf16le", "\ufeff" + members, "refuse", "UTF-16LE with BOM", enc="utf-16-le")
    roster("utf16be", "\ufeff" + members, "refuse", "UTF-16BE with BOM", enc="utf-16-be")
    roster("utf32", members, "refuse", "UTF-32", enc="utf-32")
    roster("latin1-name", roster_field(2, 1, "Manju Dévi"), "refuse",
           "a Latin-1 byte in a name (not UTF-8)", enc="latin-1")
    roster("empty", "", "refuse", "an empty file")
    roster("header-only", m_header + "\n", "either", "the header and no rows")
    roster("blank-lines", "\n\n\n", "refuse", "only blank lines")
    roster("no-header", csv_text(m_rows[0], m_rows[1:]), "refuse", "the header missing")
    roster("header-misspelt", csv_text(m_header.replace("joined", "joind"), m_rows), "refuse",
           "a misspelt column")
    roster("header-dup", csv_text(m_header + ",name", [r + ",x" for r in m_rows]), "refuse",
           "a column named twice")
    roster("short-row", csv_text(m_header, m_rows[:3] + ["M04,Phoolmati Devi,adult_woman"] +
                                 m_rows[4:]), "refuse", "a row with fewer fields than the header")
    roster("extra-field", csv_text(m_header, m_rows[:3] + [m_rows[3] + ",extra"] + m_rows[4:]),
           "refuse", "a row with more fields than the header")
    roster("truncated", members[: members.rfind(",2024-") + 6], "refuse",
           "the file cut in the last row's date")
    for label, value in [("0000", "0000-04-01"), ("9999", "9999-04-01"), ("2099", "2099-04-01"),
                         ("31-02", "2024-02-31"), ("31/02", "31/02/2024"),
                         ("before-formation", "2020-01-01"), ("month-13", "2024-13-01"),
                         ("signed", "+2024-04-01"), ("two-digit-year", "01/04/24")]:
        roster("joined-" + label, roster_field(3, 3, value), "refuse", f"joined {value}")
    roster("dup-id", csv_text(m_header, m_rows + [m_rows[0]]), "refuse", "a member id twice")
    roster("dup-id-other-name", csv_text(m_header, m_rows + [m_rows[1].replace("Rinku", "Renu")]),
           "refuse", "the same id for another name")
    for label, ch in CTRL.items():
        roster("name-" + label, roster_field(2, 1, "Manju" + ch + "Devi"), "refuse",
               f"{label} in a name")
    for label in ("NUL", "LF", "RLO", "LRI", "ESC[31m"):
        ch = CTRL[label]
        roster("bank-" + label, roster_field(0, 4, "State" + ch + "Bank"), "refuse",
               f"{label} in a bank's name")
        roster("id-" + label, roster_field(2, 0, "M0" + ch + "3"), "refuse",
               f"{label} in a member id")
        roster("category-" + label, roster_field(2, 2, "adult" + ch + "_woman"), "refuse",
               f"{label} in a category")
        roster("ifsc-" + label, roster_field(0, 5, "SBIN" + ch + "003318"), "refuse",
               f"{label} in an IFSC")
    roster("name-81", roster_field(2, 1, "A" * 81), "refuse", "a name of 81 characters")
    roster("name-100k", roster_field(2, 1, "A" * 100_000), "refuse", "a name of 100,000 characters")
    roster("name-empty", roster_field(2, 1, ""), "refuse", "an empty name")
    roster("id-17", roster_field(2, 0, "M" * 17), "refuse", "a member id of 17 characters")
    roster("id-path", roster_field(2, 0, "../M03"), "refuse", "a member id ../M03")
    roster("id-space", roster_field(2, 0, "M 03"), "refuse", "a member id with a space")
    roster("category-man", roster_field(2, 2, "man"), "refuse", "an unknown category")
    roster("account-letters", roster_field(0, 6, "2041775530X"), "refuse",
           "letters in an account number")
    roster("account-short", roster_field(0, 6, "123"), "either", "an account number of 3 digits")
    roster("account-40", roster_field(0, 6, "1" * 40), "refuse", "an account number of 40 digits")
    roster("ifsc-bad", roster_field(0, 5, "SBI0003318"), "refuse", "an IFSC of 10 characters")
    roster("bank-partial", roster_field(2, 4, "Canara Bank"), "refuse",
           "a bank's name without IFSC and account")
    roster("binary", None, "refuse", "random bytes", raw=random.Random(1).randbytes(4096))
    roster("xlsx", None, "refuse", "a spreadsheet (zip) instead of CSV",
           raw=b"PK\x03\x04\x14\x00\x06\x00" + random.Random(2).randbytes(2000))
    roster("nul-bytes", None, "refuse", "a file of NUL bytes", raw=b"\x00" * 1000)
    roster("huge-line", csv_text(m_header, [m_rows[0] + "," * 10 + "x" * 9000] + m_rows[1:]),
           "refuse", "a line of 9,000 characters")
    roster("semicolons", members.replace(",", ";"), "refuse", "semicolon-separated")
    roster("stray-quote", roster_field(2, 1, "Manju") .replace("Manju,", 'Man"ju,', 1), "refuse",
           "a stray quote inside a field")

    # --- meeting register ----------------------------------------------------------------------
    reg = csv_text(reg_header, reg_rows)
    register("bom", "\ufeff" + reg, "same", "UTF-8 with a byte-order mark")
    register("crlf", reg.replace("\n", "\r\n"), "same", "CRLF line ends")
    register("tabs", reg.replace(",", "\t"), "same", "tab-separated")
    register("shuffled", csv_text(reg_header, random.Random(3).sample(reg_rows, len(reg_rows))),
             "same", "rows in another order")
    register("utf16", None, "refuse", "UTF-16", raw=("\ufeff" + reg).encode("utf-16-le"))
    register("latin1-member", None, "refuse", "a Latin-1 byte in a member id",
             raw=register_field(2, 1, "M0\xe93").encode("latin-1"))
    register("empty", "", "refuse", "an empty file")
    register("header-only", reg_header + "\n", "either", "the header and no rows")
    register("no-header", csv_text(reg_rows[0], reg_rows[1:]), "refuse", "the header missing")
    register("unknown-column", csv_text(reg_header + ",bonus", [r + "," for r in reg_rows]),
             "refuse", "a column the import does not know")
    register("missing-member-col", csv_text("date,present,savings",
                                            ["2024-04-10,Y,100"]), "refuse", "no member column")
    last = reg_rows[-1]  # 2024-05-10,M13,Y,50,,,,,,
    register("truncated-amount", csv_text(reg_header, reg_rows[:-1] + ["2024-05-10,M13,Y,5"]),
             "refuse", "the last row cut to 2024-05-10,M13,Y,5 (issue 13 item 8)")
    register("truncated-date", csv_text(reg_header, reg_rows[:-1] + ["2024-05-1"]), "refuse",
             "the last row cut inside its date")
    register("short-row", csv_text(reg_header, reg_rows[:5] + ["2024-04-10,M06,Y,100"] +
                                   reg_rows[6:]), "refuse", "a row with 4 of 10 fields")
    register("extra-field", csv_text(reg_header, reg_rows[:5] + [reg_rows[5] + ",1"] +
                                     reg_rows[6:]), "refuse", "a row with 11 fields")
    register("unquoted-grouping", register_field(0, 3, "1,000"), "refuse",
             "an unquoted 1,000 (an extra field)")
    for label, value in [("0000", "0000-04-10"), ("9999", "9999-04-10"), ("2099", "2099-04-10"),
                         ("31-02", "2024-02-31"), ("31/02", "31/02/2024"), ("month-13", "2024-13-10"),
                         ("before-formation", "2024-03-10"), ("minus", "-2024-04-10"),
                         ("plus", "+2024-04-10"), ("time", "2024-04-10T10:00"),
                         ("devanagari", "२०२४-०४-१०"), ("arabic-indic", "٢٠٢٤-٠٤-١٠"),
                         ("blank", ""), ("words", "tenth April")]:
        # a whole meeting moved to the date, so that its roll is one meeting
        rows = [(value + r[10:]) if r.startswith("2024-05-10") else r for r in reg_rows]
        expect = "refuse"
        register("date-" + label, csv_text(reg_header, rows), expect,
                 f"the May meeting dated {value!r}")
    for label, value, expect in [
            ("1.005", "1.005", "refuse"), ("-0", "-0", "either"), ("-100", "-100", "refuse"),
            ("1e5", "1e5", "refuse"), ("1E2", "1E2", "refuse"), ("rupee", "₹100", "same"),
            ("rs", "Rs.100", "same"), ("100.0", "100.0", "same"), ("100.", "100.", "either"),
            (".5", ".5", "either"), ("hex", "0x64", "refuse"), ("nan", "NaN", "refuse"),
            ("infinity", "Infinity", "refuse"), ("devanagari", "१००", "refuse"),
            ("space-inside", "1 00", "refuse"), ("huge", "9" * 30, "refuse"),
            ("grouping-wrong", '"10,0,0"', "refuse"), ("grouping-1,00", '"1,00"', "refuse"),
            ("grouping-western-bad", '"1,000,00"', "refuse"), ("paise-sign", "100p", "refuse"),
            ("fullwidth", "１００", "refuse"), ("leading-plus", "+100", "either"),
            ("nbsp", "100\u00a0", "either"), ("zero", "0", "either")]:
        register("amount-" + label, register_field(0, 3, value), expect, f"savings {value!r}")
    for label, ch in CTRL.items():
        register("member-" + label, register_field(1, 1, "M0" + ch + "2"), "refuse",
                 f"{label} in a member id")
    for label in ("NUL", "RLO", "LF", "ESC[31m"):
        register("present-" + label, register_field(1, 2, "Y" + CTRL[label]), "refuse",
                 f"{label} in the present column")
    register("present-X", register_field(1, 2, "X"), "refuse", "present X")
    register("dup-member", csv_text(reg_header, reg_rows + [reg_rows[0]]), "refuse",
             "a member twice at one meeting")
    register("unknown-member", register_field(1, 1, "M99"), "refuse", "an unknown member M99")
    register("member-lowercase", register_field(1, 1, "m02"), "either", "member m02 in lower case")
    register("member-not-yet", csv_text(reg_header, reg_rows + ["2024-04-10,M14,Y,50,,,,,,"]),
             "refuse", "M14 at a meeting before she joined")
    register("huge-field", register_field(1, 1, "M" * 100_000), "refuse",
             "a member id of 100,000 characters")
    register("binary", None, "refuse", "random bytes", raw=random.Random(4).randbytes(8192))
    register("binary-tail", None, "refuse", "random bytes after good rows",
             raw=reg.encode() + random.Random(5).randbytes(512))
    register("loan-clean", register_field(20, {8: "500"}), "accept", "a loan of 500 in May")
    register("loan-instalments-0", register_field(20, {8: "500", 9: "0"}), "refuse",
             "a loan of 0 instalments")
    register("loan-instalments-huge", register_field(20, {8: "500", 9: "100000"}), "refuse",
             "a loan of 100,000 instalments")
    register("loan-instalments-minus", register_field(20, {8: "500", 9: "-5"}), "refuse",
             "a loan of -5 instalments")
    register("loan-terms-no-loan", register_field(20, {9: "5"}), "refuse",
             "instalments on a row without a loan")
    register("loan-too-big", register_field(20, 8, "500000"), "refuse",
             "a loan of 5,00,000 from a cash box of 2,400")
    register("repay-no-loan", register_field(3, 5, "100"), "refuse",
             "a repayment with no loan")
    register("withdraw-too-much", csv_text(reg_header.replace("loan_instalments",
                                                              "loan_instalments,savings_withdrawn"),
                                           [r + "," for r in reg_rows[:-1]] +
                                           [reg_rows[-1] + ",5000"]), "refuse",
             "savings withdrawn beyond her savings")
    register("only-may", csv_text(reg_header, [r for r in reg_rows if r.startswith("2024-05")]),
             "either", "the May meeting alone")
    register("again", reg, "unchanged", "the same register again", base="two")
    register("changed-after-import", register_field(0, 3, "200"), "refuse",
             "a row changed after it was imported (another amount, same member and day)",
             base="two")
    register("dry-run", reg, "unchanged", "--dry-run records nothing")
    out[-1].args.append("--dry-run")
    register("big-33MiB", None, "refuse", "a file of 33 MiB (over the 32 MiB limit)",
             raw=(reg_header + "\n").encode() + b"2024-04-10,M01,Y,100,,,,,,\n" * 1_300_000)

    # --- passbook --------------------------------------------------------------------------------
    pb = csv_text(pb_header, pb_rows)
    passbook("sbi-seed-part", layout(pb4, "sbi-tab"), "same", "the same lines, SBI tab layout")
    passbook("bom", "\ufeff" + pb, "same", "UTF-8 with a byte-order mark")
    passbook("crlf", pb.replace("\n", "\r\n"), "same", "CRLF line ends")
    passbook("newest-first", csv_text(pb_header, list(reversed(pb_rows))), "same",
             "listed newest first")
    passbook("utf16", ("\ufeff" + pb).encode("utf-16-le"), "refuse", "UTF-16")
    passbook("latin1-narration", pb_field(2, 1, "CR\xc9DIT INTEREST").encode("latin-1"),
             "refuse", "a Latin-1 byte in a narration")
    passbook("empty", "", "refuse", "an empty file")
    passbook("header-only", pb_header + "\n", "either", "the header and no lines")
    passbook("no-header", csv_text(pb_rows[0], pb_rows[1:]), "refuse", "no header")
    passbook("balance-wrong", pb_field(2, 4, "1708.01"), "refuse", "a running balance off by 0.01")
    passbook("line-missing", csv_text(pb_header, pb_rows[:1] + pb_rows[2:]), "refuse",
             "a line missing (the balance jumps)")
    passbook("out-of-order", csv_text(pb_header, [pb_rows[0], pb_rows[2], pb_rows[1],
                                                  pb_rows[3]]), "refuse", "lines out of date order")
    passbook("both-sides", pb_field(2, 2, "1.00"), "refuse", "a withdrawal and a deposit on a line")
    passbook("neither-side", pb_field(2, 3, ""), "refuse", "no amount on a line")
    for label, value, expect in [
            ("1.005", "8.005", "refuse"), ("-0", "-0", "refuse"), ("1e1", "8e0", "refuse"),
            ("rupee", "₹8.00", "same"), ("negative", "-8.00", "refuse"),
            ("grouping-wrong", '"8,00"', "refuse"), ("text", "eight", "refuse"),
            ("huge", "9" * 25, "refuse")]:
        passbook("amount-" + label, pb_field(2, 3, value), expect, f"a deposit {value!r}")
    for label, value in [("0000", "30/06/0000"), ("9999", "30/06/9999"), ("2099", "30/06/2099"),
                         ("31/02", "31/02/2024"), ("month-13", "30/13/2024"),
                         ("iso", "2024-06-30"), ("words", "thirty June")]:
        rows = list(pb_rows)
        rows = rows[:2] + [pb_field(2, 0, value).splitlines()[3]]  # the line cut after it
        passbook("date-" + label, csv_text(pb_header, rows), "refuse", f"a line dated {value!r}")
    passbook("date-future", csv_text(pb_header, pb_rows[:2] + [
        "30/06/2030,CREDIT INTEREST,,8.00,1708.00"]), "refuse",
             "a line in 2030 after lines in 2024 (a far-future date)")
    passbook("truncated", pb[: pb.rfind(",") - 3], "refuse", "the file cut inside the last balance")
    passbook("short-row", csv_text(pb_header, pb_rows[:3] + [
        "15/07/2024,SMS CHGS FOR QTR ENDED JUN24,17.70"]), "refuse", "a line with 3 of 5 fields")
    passbook("extra-field", csv_text(pb_header, pb_rows[:3] + [pb_rows[3] + ",x"]), "refuse",
             "a line with 6 fields")
    for label, ch in CTRL.items():
        passbook("narration-" + label, pb_field(2, 1, q("CREDIT" + ch + "INTEREST")), "either",
                 f"{label} in a narration")
    passbook("narration-100k", pb_field(2, 1, "X" * 100_000), "either",
             "a narration of 100,000 characters")
    passbook("binary", random.Random(6).randbytes(8192), "refuse", "random bytes")
    passbook("xlsx", b"PK\x03\x04" + random.Random(7).randbytes(4000), "refuse",
             "a spreadsheet (zip)")
    passbook("pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + random.Random(8).randbytes(3000),
             "refuse", "a PDF")
    passbook("profile-unknown", pb, "refuse", "--profile nosuchbank", loc=False,
             extra=["--profile", "nosuchbank"])
    passbook("profile-wrong", pb, "refuse", "a generic file with --profile kotak",
             extra=["--profile", "kotak"])
    passbook("again", pb, "unchanged", "the same statement twice", base="two")
    out[-1].base = "ref-passbook"
    passbook("dry-run", pb, "unchanged", "--dry-run records nothing", extra=["--dry-run"])
    out[-1].ref = None
    # the whole year's statement, in every other layout, into books that hold the SBI one
    for name in ("generic", "hdfc", "icici", "kotak", "sbi-tab"):
        passbook("other-layout-" + name, layout(pb_all, name), "unchanged",
                 f"the seed's statement again in the {name} layout (issue 13 item 2)", base="full",
                 ref=None)
    passbook("other-layout-newest-first", layout(pb_all, "generic", newest_first=True),
             "unchanged", "the seed's statement again, generic layout, newest first", base="full",
             ref=None)
    passbook("seed-again", read(root, "passbook.csv"), "unchanged", "the seed statement again",
             base="full", ref=None)
    passbook("overlap-and-new", layout(pb_all[10:] + [
        (30, 6, 2025, "CREDIT INTEREST", "", Decimal(0), Decimal("150.00"), Decimal("25062.90"))],
        "generic"), "accept", "an overlapping statement with one new line", base="full", ref=None)
    passbook("gap", layout([(30, 6, 2025, "CREDIT INTEREST", "", Decimal(0), Decimal("150.00"),
                             Decimal("25162.90"))], "generic"), "refuse",
             "a statement that does not meet the book (a gap of 100.00)", base="full", ref=None)
    passbook("locked-year", layout(pb_all[-1:], "generic"), "unchanged",
             "the last line again into a closed year", base="closed", ref=None)

    # --- rules ---------------------------------------------------------------------------------
    for account, why in [("1200", "loans to members (engine-owned)"),
                         ("1200:M01", "a member's loan (engine-owned)"),
                         ("3100", "accumulated surplus (engine-owned)"),
                         ("4000", "interest on member loans (engine-owned)"),
                         ("1100", "the bank account itself"), ("2000", "a control account"),
                         ("2000:M99", "an unknown member's savings"), ("0000", "no such account"),
                         ("99999", "a five-digit code"), ("cash", "a word"),
                         ("1000:M01", "a sub-ledger of cash")]:
        rules_case("to-" + account.replace(":", "-"), f"^BY CASH$ -> {account}\n", "refuse",
                   f"a rule sending lines to {account}: {why}")
    rules_case("regex-bad", "^BY (CASH -> 1000\n", "refuse", "an unclosed group in a pattern")
    rules_case("regex-catastrophic", "(.*a){12}b -> 1000\n^BY CASH$ -> 1000\n", "either",
               "a catastrophically backtracking pattern (bounded)")
    rules_case("no-arrow", "^BY CASH$ 1000\n", "refuse", "a rule without ->")
    rules_case("empty", "", "either", "an empty rules file (everything to Suspense)")
    rules_case("1001-rules", "".join(f"^X{i}$ -> 5100\n" for i in range(1001)) +
               "^BY CASH$ -> 1000\n", "refuse", "1,001 rules (the limit is 1,000)")
    rules_case("long-line", "^" + "A" * 1200 + "$ -> 5100\n" + rules.decode(), "refuse",
               "a rule line of 1,200 characters")
    rules_case("binary", random.Random(9).randbytes(2048), "refuse", "random bytes")
    rules_case("bom-crlf", ("\ufeff" + rules.decode()).replace("\n", "\r\n"), "same",
               "rules with a byte-order mark and CRLF")
    rules_case("ctrl-account", "^BY CASH$ -> 10\u202e00\n", "refuse", "RLO inside the account")
    rules_case("register", rules.decode().replace("-> 1000", "-> register"), "either",
               "cash lines left to the register")

    # --- opening balances ------------------------------------------------------------------------
    oh, *orows = opening_clean.splitlines()

    def opening_field(row, col, value):
        rows = list(orows)
        cells = rows[row].split(",") if '"' not in rows[row] else None
        if cells is None:
            import csv as _csv
            cells = next(_csv.reader([rows[row]]))
            cells = [q(c) for c in cells]
        cells[col] = value
        rows[row] = ",".join(cells)
        return csv_text(oh, rows)

    opening("bom", "\ufeff" + opening_clean, "same", "UTF-8 with a byte-order mark")
    opening("empty", "", "refuse", "an empty file")
    opening("header-only", oh + "\n", "either", "the header and no rows")
    opening("as-of-differs", opening_field(1, 0, "02/04/2024"), "refuse",
            "two cut-off dates in one file")
    for label, value in [("0000", "01/04/0000"), ("9999", "01/04/9999"), ("2099", "01/04/2099"),
                         ("31/02", "31/02/2024"), ("before-formation", "01/01/2020")]:
        opening("as-of-" + label, opening_clean.replace("01/04/2024", value), "refuse",
                f"cut-off {value}")
    opening("item-unknown", opening_field(0, 1, "gold"), "refuse", "an unknown item")
    opening("cash-twice", csv_text(oh, orows + ["01/04/2024,cash,,10,,,"]), "refuse",
            "cash given twice")
    opening("savings-no-member", opening_field(3, 2, ""), "refuse", "savings without a member")
    opening("member-unknown", opening_field(3, 2, "M99"), "refuse", "an unknown member")
    opening("member-on-cash", opening_field(0, 2, "M01"), "refuse", "a member on the cash row")
    for label, value, expect in [("1.005", "1520.005", "refuse"), ("negative", "-1520", "refuse"),
                                 ("1e3", "1e3", "refuse"), ("rupee", "₹1520.00", "same"),
                                 ("grouping-wrong", '"15,20"', "refuse")]:
        opening("amount-" + label, opening_field(0, 3, value), expect, f"cash {value!r}")
    opening("loan-rate-negative", opening_field(5, 5, "-1.5"), "refuse", "a loan at -1.5 %")
    opening("loan-rate-1000", opening_field(5, 5, "1000"), "either", "a loan at 1000 % a month")
    opening("loan-instalments-0", opening_field(5, 6, "0"), "refuse", "a loan of 0 instalments")
    opening("loan-method-bad", opening_field(5, 4, "balloon"), "refuse", "an unknown loan method")
    opening("terms-on-cash", opening_field(0, 4, "emi"), "refuse", "loan terms on the cash row")
    opening("name-ctrl", opening_field(3, 2, "M0\u202e1"), "refuse", "RLO in a member id")
    opening("into-used-book", opening_clean, "refuse",
            "opening balances into books that hold entries", base="two")
    opening("again", opening_clean, "unchanged", "the same opening balances again",
            base="ref-opening")
    opening("binary", None, "refuse", "random bytes", raw=random.Random(10).randbytes(3000))

    # --- the register and the passbook together -----------------------------------------------
    full_reg = read(root, "meetings.csv")
    full_pb = read(root, "passbook.csv")

    def books(name, files, expect, why, base="group", extra=(), loc=True):
        f = {"members.csv": members.encode(), "meetings.csv": full_reg, "passbook.csv": full_pb,
             "rules.txt": rules}
        f.update(files)
        args = ["import", "books", GROUP, "--members", "members.csv", "--meetings", "meetings.csv",
                "--passbook", "passbook.csv", "--rules", "rules.txt"] + list(extra)
        add(Case("books-" + name, "books", base, args, f, expect, why, loc, ref="full"))

    books("clean", {}, "same", "the seed year, roster, register and passbook together")
    books("other-layout", {"passbook.csv": layout(pb_all, "generic")}, "same",
          "the seed year with the passbook in the generic layout")
    books("bad-passbook-line", {"passbook.csv": layout(
        pb_all[:5] + [pb_all[5][:7] + (pb_all[5][7] + Decimal("1"),)] + pb_all[6:], "generic")},
          "refuse", "a good register with a passbook whose sixth balance is off")
    books("bad-register-row", {"meetings.csv": full_reg.replace(b"2025-03-10,M12,Y,100",
                                                                 b"2025-03-10,M12,Y,1.005")},
          "refuse", "a good passbook with a register amount 1.005")
    books("register-2099", {"meetings.csv": full_reg.replace(b"2025-03-10,", b"2099-03-10,")},
          "refuse", "the last meeting dated 2099")
    books("roster-ctrl", {"members.csv": members.replace("Sunita Devi", "Sunita\nM02 9,99,999.00")
                          .encode()}, "refuse", "a roster name with a line break")
    books("roster-short", {"members.csv": members.replace(",2024-07-01,,,", ",2024-07-01").encode()},
          "refuse", "a roster row cut short")
    books("passbook-empty", {"passbook.csv": b""}, "refuse", "an empty passbook")
    books("register-truncated", {"meetings.csv": full_reg[:-8]}, "refuse",
          "the register cut inside its last row")
    books("no-passbook", {}, "refuse", "--passbook missing", loc=False)
    out[-1].args = [a for a in out[-1].args if a not in ("--passbook", "passbook.csv")]
    books("20001-lines", {"passbook.csv": (pb_header + "\n" + "".join(
        f"01/04/2024,CREDIT INTEREST,,1.00,{i}.00\n" for i in range(1, 20002))).encode()},
          "refuse", "a passbook of 20,001 lines (the limit is 20,000)")
    books("again", {}, "unchanged", "the seed year again into its own books", base="full")
    books("dry-run", {}, "unchanged", "--dry-run records nothing", extra=["--dry-run"])

    # --- hand entries with an importer's id ------------------------------------------------------
    def command(name, args, expect, why, base="full"):
        add(Case("command-" + name, "command", base, args, {}, expect, why, loc=False))

    for idv in ["pb:0123456789abcdef0123456789abcdef01234567", "PB:abc", "Pb:abc",
                "MTG:2024-04-10:M01:SAVE", "mtg:2025-04-10:M01:SAVE", "OPEN:2024-04-01",
                "open:x", " pb:abc", "pb\u200b:abc", "pb：abc"]:
        command("income-id-" + short(idv, 20).replace("/", "_"),
                ["income", GROUP, "--amount", "1", "--description", "decoy", "--date",
                 "2025-04-05", "--id", idv],
                "refuse" if idv.strip().lower().startswith(("pb:", "mtg:", "open:")) else "either",
                f"a hand entry with the id {idv!r} (issue 13 item 3)")
    command("save-id-mtg", ["save", GROUP, "M01", "--amount", "100", "--date", "2025-04-10",
                            "--id", "MTG:2025-04-10:M01:SAVE"], "refuse",
            "a saving under the register's next id")
    command("reverse-yearend", ["reverse", GROUP, "SHG01-2025-03-31-YEAREND", "--date",
                                "2025-04-05"], "refuse", "reversing a year-end (issue 13 item 4)",
            base="closed")
    command("income-locked", ["income", GROUP, "--amount", "1", "--description", "late",
                              "--date", "2025-03-30"], "refuse", "an entry inside a closed year",
            base="closed")
    for label, value in [("0000", "0000-04-05"), ("9999", "9999-04-05"), ("2099", "2099-04-05"),
                         ("31-02", "2025-02-31"), ("before-formation", "2023-04-05")]:
        command("income-date-" + label, ["income", GROUP, "--amount", "1", "--description", "x",
                                         "--date", value], "refuse", f"an income dated {value}")
    for label, value in [("1.005", "1.005"), ("-0", "-0"), ("1e5", "1e5"), ("comma-wrong", "1,0,0"),
                         ("nan", "NaN")]:
        command("income-amount-" + label, ["income", GROUP, "--amount", value, "--description",
                                           "x", "--date", "2025-04-05"], "refuse",
                f"an income of {value!r}")
    command("member-joined-9999", ["member", "add", GROUP, "M20", "--name", "Late Comer",
                                   "--joined", "9999-01-01"], "refuse", "a member joining in 9999")
    command("member-joined-before-group", ["member", "add", GROUP, "M21", "--name", "Early Bird",
                                           "--joined", "2000-01-01"], "refuse",
            "a member joining 24 years before the group was formed")
    return out


# ---------------------------------------------------------------------------------------------

def run(ctx, quick=False):
    shg, bases = ctx.shg, ctx.bases
    tally = Tally(1, "Bad imports")
    all_cases = cases(ctx.root)
    refs = {c.name: c for c in all_cases if c.name.startswith("ref-")}
    others = [c for c in all_cases if not c.name.startswith("ref-")]
    if quick:
        keep = set(ctx.quick_pick(others, 45))
        others = [c for c in others if c.name in keep]
    top = os.path.join(ctx.work, "cat1")
    shutil.rmtree(top, ignore_errors=True)
    os.makedirs(top)
    ref_states = dict(bases.states)
    ref_paths = dict(bases.paths)

    digests = {}

    def ref_digest(name):
        if name not in digests:
            digests[name] = sqlite_digest(ref_paths[name])
        return digests[name]

    def one(case):
        d = os.path.join(top, case.name)
        os.makedirs(d, exist_ok=True)
        for name, data in case.files.items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        db = os.path.join(d, "books.db")
        copy_db(ref_paths[case.base], db)
        before = ref_states[case.base]
        args = case.args + ["--db", "books.db"]
        r = shg.run(args, cwd=d, timeout=300)
        repro = shg.repro(args, cwd=d, setup=f"cp {ref_paths[case.base]} books.db")
        with open(os.path.join(d, "result.txt"), "w", encoding="utf-8") as f:
            f.write(f"exit {r.rc}\n--- stdout\n{r.out[-4000:]}\n--- stderr\n{r.err[-4000:]}\n")
        problems = []
        tr = r.trace()
        if tr:
            problems.append(f"stack trace or exception name in the output: {short(tr, 90)}")
        if r.rc not in CLEAN_CODES or r.rc == 1:
            problems.append(f"exit {r.rc}: {short(r.first_err(), 90)}")
        outcome = None
        if r.rc == 0:
            after = state(shg, db, [GROUP], cwd=d)
            if not after.verified():
                problems.append("accepted, then shg verify fails: " + short(after.verify, 80))
            if after.unbalanced():
                problems.append("accepted, then the trial balance does not balance")
            if after.verified() and not after.unbalanced():
                outcome = "accepted"
            if case.expect == "refuse":
                problems.append(f"accepted: {case.why}")
            elif case.expect == "same":
                want = ref_states.get(case.ref)
                if want is not None and not after.same_money(want):
                    problems.append(f"accepted {case.why}, but the books differ from the clean "
                                    f"file's ({after.counts()} entries against {want.counts()})")
            elif case.expect == "unchanged":
                if not after.same_money(before):
                    problems.append(f"{case.why}: recorded something "
                                    f"({before.counts()} -> {after.counts()} entries)")
        else:
            # Refused: the books must be exactly as before. The sqlite3 dump of every table is
            # compared (the same rows give the same verify and trial balance, the program being
            # deterministic), and shg verify is run to compare its head hash and count; the trial
            # balance is taken only if the rows changed, to say what changed.
            v = shg.run(["verify", "--db", "books.db"], cwd=d)
            unchanged = v.out.strip() == before.verify and sqlite_digest(db) == ref_digest(case.base)
            if not unchanged:
                after = state(shg, db, [GROUP], cwd=d)
                problems.append(f"refused (exit {r.rc}) but the books changed: "
                                f"{before.counts()} -> {after.counts()} entries, trial balance "
                                f"{'the same' if after.tbs == before.tbs else 'changed'}")
            if not r.err.strip().startswith("shg:"):
                problems.append(f"refused (exit {r.rc}) without a 'shg:' message: "
                                f"{short(r.first_err(), 80)}")
            elif case.loc and not LOCATION.search(r.err):
                problems.append(f"refused without file:line:column: {short(r.first_err(), 90)}")
            if case.expect in ("same", "unchanged", "accept"):
                problems.append(f"refused {case.why}: {short(r.first_err(), 90)}")
            if r.rc in CLEAN_CODES and r.rc != 1 and not tr and unchanged:
                outcome = "refused"
        if case.name.startswith("ref-"):
            ref_states[case.name] = after
            if r.rc != 0:
                raise SystemExit(f"reference case {case.name} failed: {r.err}")
            settle(db)
            ref_paths[case.name] = db
            return
        tally.add(outcome, None)
        for p in problems:
            tally.problem(f"{case.name}: {p}", repro)

    for c in refs.values():
        one(c)
    log(f"category 1: {len(others)} cases")
    parallel(one, others, ctx.jobs)
    return tally
