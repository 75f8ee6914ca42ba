"""Category 4: tampering with the books' file.

A copy of the seed's closed year (225 entries, loans, meetings, a lock date) is edited with the
sqlite3 tool, one edit a copy, as someone with the file and a database tool could. Then:

- `shg verify SHG01` must fail (exit 1) naming the entry: the edit is **caught**;
- where the edit cuts entries off the end (which a chain checked against itself cannot see, by
  design: docs/store.md), `shg verify SHG01 --expect HEAD:COUNT` with the anchor written down
  before the edit must fail;
- registry edits (loan terms and events, members' dates, meetings, lock dates, the group's rules,
  account definitions and limits) are under the registry chain (schema version 7, docs/store.md):
  verify must name the row. Each one verify does not catch is reported as **missed**, and `shg
  loans`, `shg statement` and `shg trial-balance` are run on every registry edit to see whether the
  program then fails in an unclean way (exit 70, a stack trace).

Columns: tried = edits; refused cleanly = caught (by verify, or by --expect for a truncation), or
refused by the database's own constraints; accepted = none (an edit is never "accepted").
"""
import hashlib
import os
import shutil
import sqlite3

from bases import GROUP
from common import CLEAN_CODES, Tally, copy_db, log, parallel, short, sql

B = f"book_id='{GROUP}'"
MID = 100  # an entry in the middle of the book (a loan repayment in the seed's year)
NEXT_LINE = f"(SELECT max(line_no)+1 FROM posting WHERE {B} AND entry_seq={MID})"


def netstring(value):
    data = value.encode("utf-8")
    return str(len(data)).encode() + b":" + data + b","


def entry_hash(con, seq, previous):
    """The SHA-256 of an entry as docs/store.md defines it (recipe v1 or v2), from its rows."""
    e = con.execute("SELECT book_id, entry_seq, entry_id, entry_date_epoch_day, memo, "
                    "reverses_entry_id, source_reference, recorded_at, entry_kind, member_id, "
                    "loan_id, hash_version FROM journal_entry WHERE book_id=? AND entry_seq=?",
                    (GROUP, seq)).fetchone()
    import datetime
    (book, seq, eid, day, memo, rev, src, rec, kind, member, loan, version) = e
    date = (datetime.date(1970, 1, 1) + datetime.timedelta(days=day)).isoformat()
    parts = [f"shg-ledger/entry/v{version}", previous, book, str(seq), eid, date, memo]
    parts += ["-"] if rev is None else ["+", rev]
    parts += ["-"] if src is None else ["+", src]
    parts.append(rec)
    postings = con.execute("SELECT account_code, side, amount_minor, currency FROM posting "
                           "WHERE book_id=? AND entry_seq=? ORDER BY line_no",
                           (GROUP, seq)).fetchall()
    parts.append(str(len(postings)))
    for code, side, amount, cur in postings:
        parts += [code, side, str(amount), cur]
    if version >= 2:
        parts.append(kind)
        parts += ["-"] if member is None else ["+", member]
        parts += ["-"] if loan is None else ["+", loan]
    return hashlib.sha256(b"".join(netstring(p) for p in parts)).hexdigest()


def rehash_from(path, first):
    """A careful forger: recomputes every hash from entry `first` to the end of the book."""
    con = sqlite3.connect(path)
    prev = con.execute("SELECT entry_hash FROM journal_entry WHERE book_id=? AND entry_seq=?",
                       (GROUP, first - 1)).fetchone()
    prev = prev[0] if prev else "0" * 64
    seqs = [r[0] for r in con.execute("SELECT entry_seq FROM journal_entry WHERE book_id=? AND "
                                      "entry_seq>=? ORDER BY entry_seq", (GROUP, first))]
    for seq in seqs:
        h = entry_hash(con, seq, prev)
        con.execute("UPDATE journal_entry SET previous_hash=?, entry_hash=? WHERE book_id=? AND "
                    "entry_seq=?", (prev, h, GROUP, seq))
        prev = h
    con.commit()
    con.close()


def recipe_matches(path):
    """Whether entry_hash above recomputes the stored hashes (else the forgeries are skipped)."""
    con = sqlite3.connect(path)
    rows = con.execute("SELECT entry_seq, previous_hash, entry_hash FROM journal_entry WHERE "
                       "book_id=? ORDER BY entry_seq", (GROUP,)).fetchall()
    ok = all(entry_hash(con, seq, prev) == h for seq, prev, h in rows)
    con.close()
    return ok


def swap_entries(a, b):
    return ";".join([
        f"UPDATE journal_entry SET entry_seq=-1 WHERE {B} AND entry_seq={a}",
        f"UPDATE posting SET entry_seq=-1 WHERE {B} AND entry_seq={a}",
        f"UPDATE journal_entry SET entry_seq={a} WHERE {B} AND entry_seq={b}",
        f"UPDATE posting SET entry_seq={a} WHERE {B} AND entry_seq={b}",
        f"UPDATE journal_entry SET entry_seq={b} WHERE {B} AND entry_seq=-1",
        f"UPDATE posting SET entry_seq={b} WHERE {B} AND entry_seq=-1"])


def delete_from(seq):
    return (f"DELETE FROM posting WHERE {B} AND entry_seq>={seq};"
            f"DELETE FROM journal_entry WHERE {B} AND entry_seq>={seq}")


LOAN = "20240910-M10"  # the loan in arrears
LATEST_LOAN = (f"{B} AND loan_id='{LOAN}' AND version=(SELECT max(version) FROM member_loan "
               f"WHERE {B} AND loan_id='{LOAN}')")
M01_SAVE = (f"(SELECT min(entry_seq) FROM posting WHERE {B} AND account_code='2000:M01')")

# (name, what, SQL or a Python edit, kind): kind 'journal' (verify must catch), 'truncate' (only
# --expect can catch), 'forge' (rehashed: only --expect can catch), 'registry' (the registry chain
# must catch it)
EDITS = [
    ("amount-one-posting", "one posting's amount + 0.01",
     f"UPDATE posting SET amount_minor=amount_minor+1 WHERE {B} AND entry_seq={MID} AND line_no=1",
     "journal"),
    ("amount-both-postings", "both postings' amounts x10 (still balanced)",
     f"UPDATE posting SET amount_minor=amount_minor*10 WHERE {B} AND entry_seq={MID}", "journal"),
    ("amount-last-entry", "the last entry's amounts x2",
     f"UPDATE posting SET amount_minor=amount_minor*2 WHERE {B} AND entry_seq="
     f"(SELECT max(entry_seq) FROM journal_entry WHERE {B})", "journal"),
    ("date-entry", "an entry's date + 1 day",
     f"UPDATE journal_entry SET entry_date_epoch_day=entry_date_epoch_day+1 WHERE {B} AND "
     f"entry_seq={MID}", "journal"),
    ("date-postings", "its postings' dates + 1 day",
     f"UPDATE posting SET entry_date_epoch_day=entry_date_epoch_day+1 WHERE {B} AND "
     f"entry_seq={MID}", "journal"),
    ("date-entry-and-postings", "an entry's date and its postings' + 1 day",
     f"UPDATE journal_entry SET entry_date_epoch_day=entry_date_epoch_day+1 WHERE {B} AND "
     f"entry_seq={MID}; UPDATE posting SET entry_date_epoch_day=entry_date_epoch_day+1 WHERE {B} "
     f"AND entry_seq={MID}", "journal"),
    ("account-member", "a saving moved from 2000:M01 to 2000:M02",
     f"UPDATE posting SET account_code='2000:M02' WHERE {B} AND account_code='2000:M01' AND "
     f"entry_seq={M01_SAVE}", "journal"),
    ("account-cash-to-bank", "a saving's debit moved from cash (1000) to the bank (1100)",
     f"UPDATE posting SET account_code='1100' WHERE {B} AND entry_seq={MID} AND "
     f"account_code='1000'", "journal"),
    ("entry-id", "an entry's id",
     f"UPDATE journal_entry SET entry_id=entry_id||'X' WHERE {B} AND entry_seq={MID}", "journal"),
    ("memo", "an entry's memo",
     f"UPDATE journal_entry SET memo=memo||' (corrected)' WHERE {B} AND entry_seq={MID}",
     "journal"),
    ("member-id", "an entry's member",
     f"UPDATE journal_entry SET member_id='M09' WHERE {B} AND entry_seq={MID}", "journal"),
    ("kind", "an entry's kind",
     f"UPDATE journal_entry SET entry_kind='FINE' WHERE {B} AND entry_seq={MID}", "journal"),
    ("loan-id", "a loan entry's loan",
     f"UPDATE journal_entry SET loan_id='20240610-M03' WHERE {B} AND loan_id='{LOAN}' AND "
     f"entry_id LIKE '%REPAY%'", "journal"),
    ("recorded-at", "an entry's recording instant",
     f"UPDATE journal_entry SET recorded_at='2024-01-01T00:00:00Z' WHERE {B} AND "
     f"entry_seq={MID}", "journal"),
    ("sides-swapped", "debit and credit swapped",
     f"UPDATE posting SET side=CASE side WHEN 'D' THEN 'C' ELSE 'D' END WHERE {B} AND "
     f"entry_seq={MID}", "journal"),
    ("posting-deleted", "one posting deleted",
     f"DELETE FROM posting WHERE {B} AND entry_seq={MID} AND line_no=2", "journal"),
    ("entry-deleted", "a middle entry and its postings deleted",
     f"DELETE FROM posting WHERE {B} AND entry_seq={MID}; DELETE FROM journal_entry WHERE {B} "
     f"AND entry_seq={MID}", "journal"),
    ("entries-reordered", "two entries swapped in the sequence", swap_entries(MID, MID + 1),
     "journal"),
    ("postings-reordered", "an entry's two postings swapped",
     f"UPDATE posting SET line_no=-line_no WHERE {B} AND entry_seq={MID} AND line_no<=2; "
     f"UPDATE posting SET line_no=3+line_no WHERE {B} AND entry_seq={MID} AND line_no<0",
     "journal"),
    ("previous-hash", "a previous_hash changed",
     f"UPDATE journal_entry SET previous_hash=substr('0'||previous_hash,1,64) WHERE {B} AND "
     f"entry_seq={MID}", "journal"),
    ("entry-hash", "an entry_hash changed",
     f"UPDATE journal_entry SET entry_hash=substr('f'||entry_hash,1,64) WHERE {B} AND "
     f"entry_seq={MID}", "journal"),
    ("hash-version", "hash_version 2 -> 1",
     f"UPDATE journal_entry SET hash_version=1 WHERE {B} AND entry_seq={MID}", "journal"),
    ("reverses", "an entry made to reverse another",
     f"UPDATE journal_entry SET reverses_entry_id=(SELECT entry_id FROM journal_entry WHERE {B} "
     f"AND entry_seq=1) WHERE {B} AND entry_seq={MID}", "journal"),
    ("source-reference", "a source reference changed",
     f"UPDATE journal_entry SET source_reference='passbook forged.csv:1' WHERE {B} AND "
     f"source_reference IS NOT NULL AND entry_seq=(SELECT max(entry_seq) FROM journal_entry "
     f"WHERE {B} AND source_reference IS NOT NULL)", "journal"),
    ("currency", "postings' currency INR -> USD",
     f"UPDATE posting SET currency='USD' WHERE {B} AND entry_seq={MID}", "journal"),
    ("posting-duplicated", "a posting copied into a third line",
     f"INSERT INTO posting SELECT book_id, entry_seq, {NEXT_LINE}, account_code, side, "
     f"amount_minor, currency, entry_date_epoch_day FROM posting WHERE {B} AND entry_seq={MID} "
     f"AND line_no=1",
     "journal"),
    ("postings-added", "a balanced pair of postings added to an entry",
     f"INSERT INTO posting VALUES ('{GROUP}', {MID}, {NEXT_LINE}, '1000', 'D', 500000, 'INR', "
     f"(SELECT entry_date_epoch_day FROM journal_entry WHERE {B} AND entry_seq={MID})); "
     f"INSERT INTO posting VALUES ('{GROUP}', {MID}, {NEXT_LINE}, '4300', 'C', 500000, 'INR', "
     f"(SELECT entry_date_epoch_day FROM journal_entry WHERE {B} AND entry_seq={MID}))",
     "journal"),
    ("orphan-posting", "a posting of no entry",
     f"INSERT INTO posting VALUES ('{GROUP}', 99999, 1, '1000', 'D', 100, 'INR', 20000)",
     "journal"),
    ("truncate-1", "the last entry cut off", delete_from(226), "truncate"),
    ("truncate-10", "the last 10 entries cut off", delete_from(217), "truncate"),
    ("truncate-all", "every entry deleted", delete_from(1), "truncate"),
    ("forge-amount", "an amount changed and every hash after it recomputed",
     ("rehash", f"UPDATE posting SET amount_minor=amount_minor*10 WHERE {B} AND entry_seq={MID}",
      MID), "forge"),
    ("forge-delete-middle", "a middle entry deleted, the rest renumbered and rehashed",
     ("rehash", f"DELETE FROM posting WHERE {B} AND entry_seq={MID}; DELETE FROM journal_entry "
      f"WHERE {B} AND entry_seq={MID}; UPDATE journal_entry SET entry_seq=entry_seq-1 WHERE {B} "
      f"AND entry_seq>{MID}; UPDATE posting SET entry_seq=entry_seq-1 WHERE {B} AND "
      f"entry_seq>{MID}", MID), "forge"),
    # account definitions: under the registry chain since schema version 7
    ("account-limit", "cash (1000) allowed to go negative (balance_constraint)",
     f"UPDATE account SET balance_constraint='NONE' WHERE {B} AND account_code='1000'",
     "registry"),
    ("account-name", "account 1000 renamed 'Bank'",
     f"UPDATE account SET name='Bank' WHERE {B} AND account_code='1000'", "registry"),
    ("account-type", "account 4000 made an expense",
     f"UPDATE account SET account_type='EXPENSE' WHERE {B} AND account_code='4000'", "registry"),
    # the registry (issue 13 item 5)
    ("loan-rate", f"loan {LOAN}'s rate 2 -> 3 % a month",
     f"UPDATE member_loan SET rate_percent='3' WHERE {LATEST_LOAN}", "registry"),
    ("loan-rate-garbage", f"loan {LOAN}'s rate -> 'abc'",
     f"UPDATE member_loan SET rate_percent='abc' WHERE {LATEST_LOAN}", "registry"),
    ("loan-rate-huge", f"loan {LOAN}'s rate -> 900 % a month",
     f"UPDATE member_loan SET rate_percent='900' WHERE {LATEST_LOAN}", "registry"),
    ("loan-principal", f"loan {LOAN}'s principal 3,000 -> 300",
     f"UPDATE member_loan SET principal_minor=30000 WHERE {LATEST_LOAN}", "registry"),
    ("loan-instalments", f"loan {LOAN}'s instalments 10 -> 2",
     f"UPDATE member_loan SET instalment_count=2 WHERE {LATEST_LOAN}", "registry"),
    ("loan-deleted", f"loan {LOAN}'s record deleted",
     f"DELETE FROM member_loan WHERE {B} AND loan_id='{LOAN}'", "registry"),
    ("loan-event-amount", "a loan payment's amount changed",
     f"UPDATE loan_event SET amount_minor=amount_minor+5000 WHERE {B} AND loan_id='{LOAN}' AND "
     f"event_seq=1", "registry"),
    ("loan-event-deleted", "a loan payment deleted",
     f"DELETE FROM loan_event WHERE {B} AND loan_id='{LOAN}' AND event_seq=1", "registry"),
    ("member-joined", "M14's joining date moved to 2025-01-01",
     f"UPDATE group_member SET joined_epoch_day=20089 WHERE {B} AND member_id='M14'", "registry"),
    ("member-exited", "M02 marked as having left on 2024-06-01",
     f"UPDATE group_member SET exited_epoch_day=19875 WHERE {B} AND member_id='M02'", "registry"),
    ("member-deleted", "M13's record deleted",
     f"DELETE FROM group_member WHERE {B} AND member_id='M13'", "registry"),
    ("meeting-deleted", "the meeting of 2024-12-10 deleted",
     f"DELETE FROM meeting_attendance WHERE {B} AND meeting_epoch_day=20067; DELETE FROM meeting "
     f"WHERE {B} AND meeting_epoch_day=20067", "registry"),
    ("attendance", "an absence turned into presence",
     f"UPDATE meeting_attendance SET attendance='PRESENT' WHERE {B} AND attendance='ABSENT'",
     "registry"),
    ("lock-deleted", "the year's lock deleted (the year reopened)",
     f"DELETE FROM book_lock WHERE {B}", "registry"),
    ("lock-moved", "the lock date moved back a year",
     f"UPDATE book_lock SET lock_date_epoch_day=lock_date_epoch_day-365 WHERE {B}", "registry"),
    ("group-savings", "the group's compulsory savings 100 -> 1",
     f"UPDATE savings_group SET compulsory_savings_minor=100 WHERE {B}", "registry"),
    ("group-formed", "the group's formation moved to 2030",
     f"UPDATE savings_group SET formed_epoch_day=21915 WHERE {B}", "registry"),
    ("account-number", "a member's full account number written back",
     f"UPDATE group_member SET bank_account_masked='20417755301' WHERE {B} AND member_id='M01'",
     "registry"),
]


class _Named:
    def __init__(self, name):
        self.name = name


def run(ctx, quick=False):
    shg, bases = ctx.shg, ctx.bases
    tally = Tally(4, "Tampering")
    top = os.path.join(ctx.work, "cat4")
    shutil.rmtree(top, ignore_errors=True)
    os.makedirs(top)
    base = bases.paths["closed"]
    head, count = bases.states["closed"].heads()[GROUP]
    anchor = f"{head}:{count}"
    can_forge = recipe_matches(base)
    if not can_forge:
        tally.note("the hash recipe of docs/store.md did not recompute the stored hashes: the "
                   "forgeries were skipped")
    edits = [e for e in EDITS if can_forge or e[3] != "forge"]
    if quick:
        keep = {n for n in ctx.quick_pick([_Named(e[0]) for e in edits], 20)}
        edits = [e for e in edits if e[0] in keep]
    results = {"caught": 0, "expect": 0, "missed": 0, "prevented": 0}

    def one(edit):
        name, what, change, kind = edit
        d = os.path.join(top, name)
        os.makedirs(d)
        db = os.path.join(d, "books.db")
        copy_db(base, db)
        if isinstance(change, tuple):
            rc, msg = sql(db, change[1])
            if rc == 0:
                rehash_from(db, change[2])
            setup_sql = change[1] + "  (then every hash from entry %d on recomputed: " \
                "bench/adversarial/tampering.py rehash_from)" % change[2]
        else:
            rc, msg = sql(db, change)
            setup_sql = change
        setup = f"cp {base} books.db && sqlite3 books.db \"{setup_sql}\""
        if rc != 0:
            # the schema's own constraints refused the edit
            results["prevented"] += 1
            tally.add("refused")
            tally.note(f"{name}: the database refused the edit ({short(msg, 60)})")
            return
        v = shg.run(["verify", GROUP, "--db", "books.db"], cwd=d)
        runs = [v]
        if v.rc != 1:  # not caught by the chain: the anchor written down before the edit
            e = shg.run(["verify", GROUP, "--db", "books.db", "--expect", anchor], cwd=d)
            runs.append(e)
        problems = []
        for r in runs:
            if r.trace() or r.rc not in CLEAN_CODES:
                problems.append(f"verify exit {r.rc}: {short(r.trace() or r.first_err(), 80)}")
        if v.rc == 1:
            outcome, how = "refused", "caught"
        elif runs[-1].rc == 1:
            outcome, how = "refused", "expect"
        else:
            outcome, how = None, "missed"
            by = {"truncate": "even by --expect", "forge": "even by --expect",
                  "registry": "(the registry chain should have caught it)"}
            problems.append(f"missed: {what} {by.get(kind, '')}; verify says "
                            f"{short(v.out.strip(), 60)}")
        results[how] += 1
        if how == "missed" or kind == "registry":
            # a registry edit caught by verify must still not crash the everyday commands
            for args in (["loans", GROUP], ["statement", GROUP], ["trial-balance", GROUP]):
                r = shg.run(args + ["--db", "books.db"], cwd=d)
                if r.rc not in CLEAN_CODES or r.trace():
                    problems.append(f"after the edit, shg {args[0]} exits {r.rc}: "
                                    f"{short(r.trace() or r.first_err(), 80)}")
        tally.add(outcome)
        for p in problems:
            tally.problem(f"{name}: {p}", shg.repro(["verify", GROUP, "--db", "books.db"], cwd=d,
                                                   setup=setup))

    log(f"category 4: {len(edits)} edits")
    parallel(one, edits, ctx.jobs)
    tally.note(f"tampering: {results['caught']} caught by shg verify, {results['expect']} caught "
               f"only by shg verify --expect HEAD:COUNT, {results['missed']} missed, "
               f"{results['prevented']} refused by the database's constraints")
    return tally
