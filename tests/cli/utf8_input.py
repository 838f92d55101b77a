#!/usr/bin/env python3
# tests/cli/utf8_input.py — non-ASCII text typed at the prompt of a real terminal (a pty)
# reaches the query intact and is kept in the history, under LANG=C.UTF-8 and under LANG=C
# (kgq then reads UTF-8 anyway): `’`, accents, CJK and emoji, which libedit dropped before
# kgq set its LC_CTYPE (issue 13). Usage: utf8_input.py KGQ_BINARY. Prints "N passed, N failed".
import os, pty, select, sys, tempfile, time

kgq = sys.argv[1]
passed = failed = 0
text = "People’s ü € 中文字符 🔥🐉"


def check(ok, what):
    global passed, failed
    print(("ok   " if ok else "FAIL ") + what)
    if ok:
        passed += 1
    else:
        failed += 1


def read_until(fd, needle, timeout):
    out = b""
    end = time.time() + timeout
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if needle in out:
                return True, out
    return False, out


for lang in ["C.UTF-8", "C"]:
    home = tempfile.mkdtemp()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["HOME"] = home
        os.environ["LANG"] = lang
        os.environ.pop("LC_ALL", None)
        os.environ.pop("LC_CTYPE", None)
        os.execv(kgq, [kgq, "--format", "csv"])
    ok, _ = read_until(fd, b"kgq> ", 10)
    check(ok, "LANG=%s: the prompt opens" % lang)
    os.write(fd, ("RETURN '%s' AS s, size('%s') AS n;\r" % (text, text)).encode())
    ok, out = read_until(fd, b"kgq> ", 10)
    # The answer line (not the echo of the input): the text, then its length in characters.
    answer = ("%s,%d" % (text, len(text))).encode()
    check(ok and answer in out, "LANG=%s: typed UTF-8 reaches the query (%s)" % (lang, "ok" if answer in out else out[-200:]))
    os.write(fd, b":quit\r")
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    history = os.path.join(home, ".kgq_history")
    kept = open(history, "rb").read() if os.path.exists(history) else b""
    # libedit's history file escapes some bytes (vis(3)); the text must come back unescaped.
    check(text.encode() in kept or text.encode() in kept.replace(b"\\040", b" "), "LANG=%s: the history keeps the statement in UTF-8" % lang)

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
