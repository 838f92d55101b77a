#!/usr/bin/env python3
# tests/cli/ctrl_c.py — Ctrl-C in a real terminal (a pty): at the prompt it clears the input,
# while a statement runs it stops that statement and the prompt comes back with the graph
# intact; in a batch run (kgq -c ...) SIGINT stops the statement and kgq exits 130.
# Usage: ctrl_c.py KGQ_BINARY REPO_ROOT. Prints "N passed, N failed".
import os, pty, re, select, signal, subprocess, sys, time

from pty_support import Checks, read_until

kgq, root = sys.argv[1], sys.argv[2]
graph = os.path.join(root, "graphs", "unc4841", "unc4841.kgq")
runaway = "MATCH p=(a)-[*1..10]-(b) RETURN count(p);"
checks = Checks()
check = checks.check




# --- interactive
pid, fd = pty.fork()
if pid == 0:
    os.environ["HOME"] = "/tmp"  # keep the user's history file out of it
    os.execv(kgq, [kgq, graph])
ok, out = read_until(fd, "kgq> ", 20)
check(ok, "the prompt opens on the bundled graph")
os.write(fd, b"MATCH (n) RETURN")
time.sleep(0.3)
os.write(fd, b"\x03")
ok, out = read_until(fd, "kgq> ", 5)
check(ok, "Ctrl-C at the prompt gives a fresh prompt")
os.write(fd, runaway.encode() + b"\r")
time.sleep(1.0)
started = time.time()
os.write(fd, b"\x03")
ok, out = read_until(fd, "kgq> ", 10)
check(ok and b"interrupted" in out, "Ctrl-C stops the running statement and the prompt comes back (%.0f ms)" % ((time.time() - started) * 1000))
os.write(fd, b"MATCH (n) RETURN count(n) AS nodes;\r")
ok, out = read_until(fd, "(1 row)", 10)
check(ok and b"41" in out, "the graph is intact after the stop")
os.write(fd, b":quit\r")
try:
    _, status = os.waitpid(pid, 0)
    check(os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, ":quit exits 0")
except ChildProcessError:
    check(False, ":quit exits 0")

# --- a meta command by name while a statement is pending, and Ctrl-D with pending input
pid, fd = pty.fork()
if pid == 0:
    os.environ["HOME"] = "/tmp"
    os.execv(kgq, [kgq, graph])
ok, out = read_until(fd, "kgq> ", 20)
os.write(fd, b"MATCH (n:Report)\r")
ok, out = read_until(fd, "  -> ", 5)
os.write(fd, b":format csv\r")
ok, out = read_until(fd, "  -> ", 5)
# The continuation prompt comes back (still pending); the CSV output below shows it ran.
check(ok and b"error" not in out, ":format typed while a statement is pending runs, and the statement stays pending: %r" % out[-120:])
os.write(fd, b"RETURN count(n) AS reports\r")
time.sleep(0.3)
os.write(fd, b"\x04")  # Ctrl-D
ok, out = read_until(fd, "no such text: read to the end", 10)  # all kgq writes before it exits
check(b"unfinished statement" in out and re.search(rb"reports\r\n[0-9]+\r\n", out) is not None,
      "Ctrl-D runs the unfinished statement (in CSV, as :format set): %r" % out[-120:])
try:
    _, status = os.waitpid(pid, 0)
    check(os.WIFEXITED(status), "and then kgq exits")
except ChildProcessError:
    check(False, "and then kgq exits")

# --- batch: SIGINT during -c
p = subprocess.Popen([kgq, graph, "-c", runaway], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
time.sleep(1.5)
p.send_signal(signal.SIGINT)
try:
    out, err = p.communicate(timeout=10)
    check(p.returncode == 130 and b"interrupted" in err, "SIGINT in a batch run stops the statement, exit 130 (got %d)" % p.returncode)
except subprocess.TimeoutExpired:
    p.kill()
    check(False, "SIGINT in a batch run stops the statement")

checks.finish()
