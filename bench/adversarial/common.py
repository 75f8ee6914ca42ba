"""What every category of the adversarial suite shares: running shg, the books' state, the tally.

Everything here drives the real program, `java -jar ledger-cli/target/shg.jar ...`, as a user's
shell would: a new JVM a command, the database a file (or a PostgreSQL database), the outcome read
from the exit code, standard output and standard error. Nothing imports or calls Java code.
"""
import csv
import hashlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
from decimal import Decimal

# A stack trace or a Java exception's name anywhere in a command's output: never acceptable
# (docs/cli.md: an error is one line; 70 is a bug).
TRACE = re.compile(r"Exception|Error:|\bat (org|java|jdk|picocli|com)\.|\.java:\d+\)")
# file:line:column as docs/import.md prints it.
LOCATION = re.compile(r"[^\s:]+:\d+:\d+:")
# The exit codes of docs/cli.md other than 70 (internal error).
CLEAN_CODES = {0, 1, 2, 3, 4, 5}


NATIVE_LIB_LOG = re.compile(r"^\w{3} \d{2}, \d{4} .*org\.sqlite\.util\.LoggerFactory")


def strip_native_lib_log(err):
    """(standard error without sqlite-jdbc's log of its native library, whether there was one).

    sqlite-jdbc unpacks its native library into the temporary directory at each start and deletes
    the copies other processes left; when shg processes start together one may delete a copy
    another is about to delete, and sqlite-jdbc then logs "SEVERE: Failed to delete old native
    lib" with a stack trace. The suite counts these separately (one problem a category), so that
    they do not make unrelated cases fail at random.
    """
    lines = err.split("\n")
    out, found, skipping = [], False, False
    for line in lines:
        if NATIVE_LIB_LOG.match(line):
            found, skipping = True, True
            continue
        if skipping and (line.startswith(("SEVERE:", "WARNING:", "\tat ", "java.", "Caused by"))
                         or line.startswith("\t... ")):
            continue
        skipping = False
        out.append(line)
    return "\n".join(out), found


class Result:
    """One finished command: its arguments, exit code, output and seconds."""

    def __init__(self, args, rc, out, err, secs, cwd):
        self.args, self.rc, self.out, self.err, self.secs, self.cwd = args, rc, out, err, secs, cwd

    @property
    def both(self):
        return self.out + "\n" + self.err

    def trace(self):
        """The first line that looks like a stack trace or an exception's name, or None."""
        for line in self.both.splitlines():
            if TRACE.search(line):
                return line.strip()[:160]
        return None

    def first_err(self):
        lines = [l for l in self.err.splitlines() if l.strip()]
        return lines[0][:200] if lines else ""


class Shg:
    """Runs shg commands: `java [fast-start options] -jar shg.jar ARGS`.

    The options only change how fast the JVM starts (a class-data archive made for this jar,
    the C1 compiler only); the program and its behaviour are the jar's. Reproduction commands are
    printed without them.
    """

    def __init__(self, root, work, java_opts=None):
        self.root = root
        self.jar = os.path.join(root, "ledger-cli", "target", "shg.jar")
        self.work = work
        self.java_opts = java_opts or []
        self.count = 0
        self.lock = threading.Lock()
        self.native_lib_logs = []  # commands whose stderr had sqlite-jdbc's log (see above)

    def stamp(self):
        """A digest of the jar: what the class-data archive and the bases were made from."""
        h = hashlib.sha256()
        with open(self.jar, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()

    def prepare_fast_start(self):
        """Makes a class-data archive of this jar (a JDK feature, AppCDS): each of the suite's
        thousand or so JVMs then starts on about half the CPU. Falls back to plain java."""
        jsa = os.path.join(self.work, "shg.jsa")
        stamp_file = jsa + ".stamp"
        opts = ["-Xlog:disable", "-Xshare:auto", "-XX:SharedArchiveFile=" + jsa,
                "-XX:TieredStopAtLevel=1", "-Xmx512m"]
        stamp = self.stamp()
        if os.path.exists(jsa) and os.path.exists(stamp_file) and open(stamp_file).read() == stamp:
            self.java_opts = opts
            return
        if os.path.exists(jsa):
            os.remove(jsa)
        probe = os.path.join(self.work, "cds-probe")
        shutil.rmtree(probe, ignore_errors=True)
        os.makedirs(probe)
        seeds = os.path.join(self.root, "seeds", "shg01-roshni")
        db = os.path.join(probe, "p.db")
        base = ["java", "-Xlog:disable", "-XX:ArchiveClassesAtExit=" + jsa, "-jar", self.jar]
        subprocess.run(base + ["group", "create", "P1", "--name", "Probe", "--formed", "2024-04-01",
                               "--monthly-savings", "100", "--db", db],
                       capture_output=True, cwd=probe, timeout=300)
        subprocess.run(base + ["import", "books", "P1", "--members", seeds + "/members.csv",
                               "--meetings", seeds + "/meetings.csv", "--passbook",
                               seeds + "/passbook.csv", "--rules", seeds + "/rules.txt", "--db", db],
                       capture_output=True, cwd=probe, timeout=300)
        test = subprocess.run(["java"] + opts + ["-jar", self.jar, "--version"],
                              capture_output=True, text=True, timeout=120)
        if os.path.exists(jsa) and test.returncode == 0 and test.stderr.strip() == "":
            self.java_opts = opts
            with open(stamp_file, "w") as f:
                f.write(stamp)
        else:
            self.java_opts = ["-XX:TieredStopAtLevel=1", "-Xmx512m"]

    def argv(self, args):
        return ["java"] + self.java_opts + ["-jar", self.jar] + list(args)

    def run(self, args, cwd=None, timeout=600, stdin=None, env=None):
        args = [str(a) for a in args]
        t0 = time.time()
        with self.lock:
            self.count += 1
        try:
            p = subprocess.run(self.argv(args), cwd=cwd, capture_output=True, timeout=timeout,
                               stdin=subprocess.DEVNULL if stdin is None else stdin,
                               env=env)
            out = p.stdout.decode("utf-8", "replace")
            err = p.stderr.decode("utf-8", "replace")
            rc = p.returncode
            err, noisy = strip_native_lib_log(err)
            if noisy:
                with self.lock:
                    self.native_lib_logs.append(args)
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"").decode("utf-8", "replace")
            err = (e.stderr or b"").decode("utf-8", "replace") + f"\n[timed out after {timeout} s]"
            rc = -9
        return Result(args, rc, out, err, time.time() - t0, cwd)

    def popen(self, args, cwd=None, out=None, err=None):
        with self.lock:
            self.count += 1
        return subprocess.Popen(self.argv([str(a) for a in args]), cwd=cwd,
                                stdin=subprocess.DEVNULL,
                                stdout=out or subprocess.PIPE, stderr=err or subprocess.PIPE)

    def repro(self, args, cwd=None, setup=None):
        """A shell line that reproduces a command with plain `java -jar`."""
        parts = []
        if cwd:
            parts.append("cd " + shlex.quote(cwd))
        if setup:
            parts.append(setup)
        parts.append("java -jar " + shlex.quote(self.jar) + " " +
                     " ".join(shlex.quote(str(a)) for a in args))
        return " && ".join(parts)


def db_args(db):
    """--db PATH for a SQLite file, --db-url URL for PostgreSQL."""
    return ["--db-url", db] if db.startswith("jdbc:") else ["--db", db]


class State:
    """What the books say: every book's verify line (head hash and count) and each group's trial
    balance with members' sub-ledgers, as CSV. Two states are equal when the books are."""

    def __init__(self, verify, tbs, rc):
        self.verify, self.tbs, self.rc = verify, tbs, rc

    def __eq__(self, other):
        return self.verify == other.verify and self.tbs == other.tbs

    def counts(self):
        """book -> entry count, from the verify lines."""
        out = {}
        for line in self.verify.splitlines():
            m = re.match(r"(\S+): OK, (\d+) entries", line)
            if m:
                out[m.group(1)] = int(m.group(2))
        return out

    def heads(self):
        out = {}
        for line in self.verify.splitlines():
            m = re.match(r"(\S+): OK, (\d+) entries, head ([0-9a-f]{64})", line)
            if m:
                out[m.group(1)] = (m.group(3), int(m.group(2)))
        return out

    def same_money(self, other):
        """The same trial balances and entry counts (the head hashes differ between two runs,
        since the recording instant is hashed)."""
        return self.counts() == other.counts() and self.tbs == other.tbs

    def verified(self):
        return self.rc == 0 and "OK" in self.verify and "MISMATCH" not in self.verify

    def unbalanced(self):
        """Groups whose trial balance does not balance."""
        bad = []
        for group, text in self.tbs.items():
            if not balanced(text):
                bad.append(group)
        return bad


def balanced(tb_csv):
    """A trial balance in CSV (code,account,debit,credit) whose columns add up to the same."""
    if not tb_csv.strip() or tb_csv.startswith("!"):
        return False
    debit = credit = Decimal(0)
    controls, members = {}, {}
    rows = list(csv.reader(io.StringIO(tb_csv)))
    for row in rows[1:]:
        if len(row) < 4 or not row[0].strip():
            continue
        net = Decimal(row[2] or "0") - Decimal(row[3] or "0")
        code = row[0].strip()
        if ":" in code:  # a member's sub-ledger (--members): it must add up to its control
            members[code.split(":")[0]] = members.get(code.split(":")[0], 0) + net
            continue
        controls[code] = net
        debit += Decimal(row[2] or "0")
        credit += Decimal(row[3] or "0")
    return debit == credit and all(controls.get(c, 0) == n for c, n in members.items())


def state(shg, db, groups, cwd=None):
    """The books' State: `shg verify` and `shg trial-balance GROUP --members --format csv`."""
    v = shg.run(["verify"] + db_args(db), cwd=cwd)
    tbs = {}
    for g in groups:
        t = shg.run(["trial-balance", g, "--members", "--format", "csv"] + db_args(db), cwd=cwd)
        tbs[g] = t.out if t.rc == 0 else f"!exit {t.rc}: {t.first_err()}"
    return State(v.out.strip(), tbs, v.rc)


def sqlite_digest(path):
    """A digest of every table's rows of a SQLite file (the sqlite3 tool's dump), or None."""
    if not shutil.which("sqlite3") or not os.path.exists(path):
        return None
    p = subprocess.run(["sqlite3", path, ".dump"], capture_output=True)
    return hashlib.sha256(p.stdout).hexdigest()


def sql(path, statement):
    """Runs SQL on a SQLite file with the sqlite3 tool; (exit code, message)."""
    p = subprocess.run(["sqlite3", path, statement], capture_output=True, text=True)
    return p.returncode, (p.stdout + p.stderr).strip()


def copy_db(src, dst):
    """Copies a SQLite database (checkpointed by `settle`, so one file) and nothing else."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(dst + suffix):
            os.remove(dst + suffix)
    shutil.copyfile(src, dst)


def settle(path):
    """Moves a SQLite file's write-ahead log into the file, so the file alone is the books."""
    sql(path, "PRAGMA wal_checkpoint(TRUNCATE);")
    for suffix in ("-wal", "-shm"):
        if os.path.exists(path + suffix) and os.path.getsize(path + suffix) == 0:
            os.remove(path + suffix)


class Tally:
    """One category's counts and problems."""

    def __init__(self, number, title):
        self.number, self.title = number, title
        self.tried = 0
        self.refused = 0
        self.accepted = 0
        self.problems = []  # (description, reproduction)
        self.notes = []
        self.seconds = 0.0
        self.lock = threading.Lock()

    def add(self, outcome, problem=None, repro=None):
        """outcome: 'refused' (refused cleanly), 'accepted' (accepted, books balanced and
        verified), or None (neither: the problem says what happened)."""
        with self.lock:
            self.tried += 1
            if outcome == "refused":
                self.refused += 1
            elif outcome == "accepted":
                self.accepted += 1
            if problem:
                self.problems.append((problem, repro or ""))

    def problem(self, description, repro=""):
        with self.lock:
            self.problems.append((description, repro))

    def note(self, text):
        with self.lock:
            self.notes.append(text)


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def parallel(fn, items, jobs):
    """Calls fn on each item with `jobs` threads (each call runs its own shg processes)."""
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(fn, items))


def short(text, n=70):
    text = text.replace("\n", "\\n").replace("\r", "\\r")
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    return text if len(text) <= n else text[: n - 1] + "…"
