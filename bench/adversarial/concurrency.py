"""Category 2: many processes at once against one book, on SQLite and on PostgreSQL.

Against a book holding the seed group and its roster, all started together:

- W imports of the seed's whole meeting register (idempotent: the books must hold it once);
- H hand entries, each under its own id (each recorded exactly once);
- R repeats of one hand entry under one id (recorded once);
- M additions of one new member (added once);
- readers, `shg trial-balance` and `shg verify`, started one after another while the writers run:
  every one must succeed (docs/store.md: readers never wait).

A writer that gives up with `database error (BUSY)` (docs/cli.md: exit 5, "trying again later is
safe") is run again, up to 8 times; it counts as refused cleanly each time. Any other failure of a
writer, or any failure of a reader, is a problem. Afterwards `shg verify` passes and the trial
balance, the entry count and the members are exactly those of the same commands run one after
another.
"""
import os
import random
import shutil
import subprocess
import time

from bases import GROUP, group_args, seed_dir
from common import Result, Tally, copy_db, db_args, log, short, state, strip_native_lib_log


def writers(root, w, h, r, m):
    sd = seed_dir(root)
    cmds = []
    for _ in range(w):
        cmds.append(("import", ["import", "meetings", GROUP, os.path.join(sd, "meetings.csv")]))
    for k in range(h):
        cmds.append(("hand", ["income", GROUP, "--amount", str(k + 1), "--description",
                              f"hand entry {k + 1}", "--date", f"2024-04-{2 + k % 7:02d}",
                              "--id", f"HAND-{k + 1}"]))
    for _ in range(r):
        cmds.append(("repeat", ["income", GROUP, "--amount", "7", "--description", "repeated",
                                "--date", "2024-04-03", "--id", "REPEAT-1"]))
    for _ in range(m):
        cmds.append(("member", ["member", "add", GROUP, "M30", "--name", "Late Joiner",
                                "--joined", "2024-04-05"]))
    return cmds


def busy(res):
    return res.rc == 5 and "busy" in res.err.lower()


def scenario(ctx, tally, label, db, cwd, sizes, reference):
    shg = ctx.shg
    w, h, r, m, readers = sizes
    cmds = writers(ctx.root, w, h, r, m)
    random.Random(11).shuffle(cmds)
    procs = []
    t0 = time.time()
    for i, (kind, args) in enumerate(cmds):
        out = open(os.path.join(cwd, f"w{i:02d}.out"), "w+b")
        err = open(os.path.join(cwd, f"w{i:02d}.err"), "w+b")
        procs.append((kind, args, shg.popen(args + db_args(db), cwd=cwd, out=out, err=err),
                      out, err, time.time()))
    # readers, one after another while any writer runs
    read_results = []
    n = 0
    while n < readers:
        args = (["trial-balance", GROUP] if n % 2 == 0 else ["verify", GROUP]) + db_args(db)
        running = sum(1 for p in procs if p[2].poll() is None)
        res = shg.run(args, cwd=cwd, timeout=300)
        read_results.append((res, running))
        n += 1
    retries = []

    def finish(kind, args, proc, out, err, started):
        proc.wait()
        out.seek(0)
        err.seek(0)
        text, noisy = strip_native_lib_log(err.read().decode("utf-8", "replace"))
        if noisy:
            shg.native_lib_logs.append(args)
        # the arguments as run, the database's included, so that a writer run again after BUSY
        # writes to the same books (it ran without them and wrote nowhere: 'there are no books')
        return Result(args + db_args(db), proc.returncode, out.read().decode("utf-8", "replace"), text,
                      time.time() - started, cwd)

    results = [(kind, finish(kind, args, p, o, e, s)) for kind, args, p, o, e, s in procs]
    wall = time.time() - t0
    # readers
    during = 0
    for res, running in read_results:
        during += 1 if running else 0
        why = None
        if res.rc != 0:
            why = f"a reader failed while {running} writers ran: exit {res.rc}: " \
                  f"{short(res.first_err(), 80)}"
        elif res.trace():
            why = f"a reader printed a trace: {short(res.trace(), 80)}"
        tally.add("accepted" if not why else None,
                  f"{label}: {why}" if why else None, shg.repro(res.args))
    # writers, busy ones again until they get through
    for kind, res in results:
        attempts = 0
        while True:
            if res.rc == 0:
                tally.add("accepted")
                break
            if busy(res) and attempts < 8:
                tally.add("refused")
                attempts += 1
                retries.append(kind)
                time.sleep(random.Random(attempts).uniform(0.2, 1.0))
                res = shg.run(res.args, cwd=cwd, timeout=300)
                continue
            why = res.trace() or res.first_err()
            tally.add(None, f"{label}: a {kind} writer failed: exit {res.rc}: {short(why, 90)}",
                      shg.repro(res.args))
            break
    after = state(shg, db, [GROUP], cwd=cwd)
    members = shg.run(["member", "list", GROUP, "--format", "csv", "--as-of", "2025-03-31"] +
                      db_args(db), cwd=cwd)
    m30 = sum(1 for line in members.out.splitlines() if line.startswith("M30,"))
    if not after.verified():
        tally.problem(f"{label}: shg verify fails after the run: {short(after.verify, 90)}",
                      shg.repro(["verify"] + db_args(db)))
    if not after.same_money(reference):
        tally.problem(f"{label}: the books differ from the same commands run one by one: "
                      f"{after.counts()} entries against {reference.counts()}; trial balance "
                      f"{'the same' if after.tbs == reference.tbs else 'different'} "
                      f"(something lost or doubled)",
                      shg.repro(["trial-balance", GROUP, "--members"] + db_args(db)))
    if m >= 1 and m30 != 1:
        tally.problem(f"{label}: member M30 added {m} times at once is listed {m30} times",
                      shg.repro(["member", "list", GROUP] + db_args(db)))
    tally.note(f"{label}: {len(cmds)} writers and {readers} readers at once ({during} readers "
               f"while writers ran), {len(retries)} writer runs again after BUSY, {wall:.0f} s")
    return len(cmds) + readers + len(retries)


def run(ctx, quick=False):
    shg, bases = ctx.shg, ctx.bases
    tally = Tally(2, "Concurrency")
    top = os.path.join(ctx.work, "cat2")
    shutil.rmtree(top, ignore_errors=True)
    os.makedirs(top)
    sizes = (5, 4, 2, 2, 6) if quick else (12, 8, 4, 3, 10)
    # the reference: the same writers one after another
    ref_dir = os.path.join(top, "serial")
    os.makedirs(ref_dir)
    ref_db = os.path.join(ref_dir, "books.db")
    copy_db(bases.paths["members"], ref_db)
    w, h, r, m, _ = sizes
    for kind, args in writers(ctx.root, min(w, 1), h, min(r, 1), min(m, 1)):
        res = shg.run(args + ["--db", ref_db], cwd=ref_dir)
        if res.rc != 0:
            raise SystemExit(f"category 2: the serial reference failed: {res.err}")
    reference = state(shg, ref_db, [GROUP], cwd=ref_dir)
    total = 0
    # SQLite
    d = os.path.join(top, "sqlite")
    os.makedirs(d)
    db = os.path.join(d, "books.db")
    copy_db(bases.paths["members"], db)
    log(f"category 2: SQLite, {sum(sizes)} processes")
    total += scenario(ctx, tally, "SQLite", db, d, sizes, reference)
    # PostgreSQL
    if not ctx.pg_ok():
        tally.note("PostgreSQL: not reachable at 127.0.0.1:5432, skipped")
        return tally
    d = os.path.join(top, "postgres")
    os.makedirs(d)
    url = ctx.pg_url("conc")
    for args in (group_args(ctx.root), ["import", "members", GROUP,
                                        os.path.join(seed_dir(ctx.root), "members.csv")]):
        res = shg.run(args + ["--db-url", url], cwd=d)
        if res.rc != 0:
            tally.problem(f"PostgreSQL: setting up the book failed: {res.first_err()}",
                          shg.repro(args + ["--db-url", url]))
            return tally
    log(f"category 2: PostgreSQL, {sum(sizes)} processes")
    total += scenario(ctx, tally, "PostgreSQL", url, d, sizes, reference)
    return tally
