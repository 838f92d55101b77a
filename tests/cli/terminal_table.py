#!/usr/bin/env python3
# tests/cli/terminal_table.py — tables fitted to a real terminal (a pty sized 80 and 200
# columns): no line wider than the terminal, long cells cut with "…", columns left out when
# even shrunk they do not fit, and 40 of 100 rows shown (the first and last 20). Issue 13.
# Usage: terminal_table.py KGQ_BINARY. Prints "N passed, N failed".
import fcntl, os, pty, re, select, struct, sys, termios, time, unicodedata

from pty_support import Checks, quit_and_wait, read_until

kgq = sys.argv[1]
checks = Checks()
check = checks.check
long_text = "an intrusion set that keeps using the same exploit against email gateways " * 3
query = ("UNWIND range(1, 100) AS i RETURN i, '%s' AS description, i * 2 AS double, 'x' AS a, 'y' AS b, "
         "'z' AS c, 'w' AS d, 'v' AS e;\r" % long_text)




def width(line):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


for cols in (80, 200):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["HOME"] = "/tmp"
        os.execv(kgq, [kgq])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, cols, 0, 0))
    ok, _ = read_until(fd, b"kgq> ", 10)
    os.write(fd, query.encode())
    ok, out = read_until(fd, b"shown)", 10)
    text = out.decode("utf-8", "replace")
    table = [l for l in text.split("\r\n") if l[:1] in "┌│├└"]
    widest = max((width(l) for l in table), default=0)
    check(ok and table and widest <= cols, "%d columns: every table line fits (widest %d)" % (cols, widest))
    check("(100 rows, 40 shown" in text, "%d columns: 40 of 100 rows shown" % cols)
    rows = [l for l in table if re.match(r"│ +[0-9]+ │", l)]
    check(len(rows) == 40 and rows[0].split("│")[1].strip() == "1" and rows[-1].split("│")[1].strip() == "100",
          "%d columns: the first and last 20 rows" % cols)
    check("…" in text, "%d columns: the long description is cut" % cols)
    quit_and_wait(fd, pid)

checks.finish()
