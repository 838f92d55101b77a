# tests/cli/pty_support.py — what the terminal tests share (ctrl_c.py, utf8_input.py,
# terminal_table.py): reading a pty until some bytes appear, and counting checks.
import os, select, sys, time


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if ok:
            self.passed += 1
        else:
            self.failed += 1

    def finish(self):
        print("%d passed, %d failed" % (self.passed, self.failed))
        sys.exit(1 if self.failed else 0)


def read_until(fd, needle, timeout):
    """Reads fd until `needle` (bytes or str) has appeared or `timeout` seconds have gone by.
    Returns (found, everything read)."""
    if isinstance(needle, str):
        needle = needle.encode()
    out = b""
    end = time.time() + timeout
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if needle in out:
                return True, out
    return False, out


def quit_and_wait(fd, pid):
    """Types :quit at the prompt and reaps the process; returns its wait status (None if gone)."""
    os.write(fd, b":quit\r")
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return None
