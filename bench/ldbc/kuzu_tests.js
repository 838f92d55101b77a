// bench/ldbc/kuzu_tests.js — reads Kùzu's LDBC Interactive test files (the kuzu npm package's
// kuzu-source/test/test_files/ldbc/ldbc_interactive/interactive_{short,complex}.test): for each
// `-LOG ISn`/`-LOG ICn` case its query text (`-STATEMENT`, possibly several lines, up to the
// `---- N` line), whether Kùzu checks the order (`-CHECK_ORDER`) and the N expected rows (cells
// joined by '|', as Kùzu's test runner prints them). Used by kuzu_runner.js and report.js.
"use strict";
const fs = require("fs");
const path = require("path");

const FILES = ["interactive_short.test", "interactive_complex.test"];

function parseTestFile(file) {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const log = lines[i].match(/^-LOG\s+(I[SC]\d+)\s*$/);
    if (!log) continue;
    let j = i + 1;
    let checkOrder = false;
    while (j < lines.length && !lines[j].startsWith("-STATEMENT")) {
      if (lines[j].trim() === "-CHECK_ORDER") checkOrder = true;
      j++;
    }
    if (j >= lines.length) throw new Error(`${file}:${i + 1}: ${log[1]} has no -STATEMENT`);
    const text = [lines[j].replace(/^-STATEMENT\s*/, "")];
    for (j++; j < lines.length && !lines[j].startsWith("----"); j++) text.push(lines[j]);
    const count = (lines[j] || "").match(/^----\s+(\d+)\s*$/);
    if (!count) throw new Error(`${file}:${j + 1}: ${log[1]}: expected '---- N'`);
    const n = Number(count[1]);
    const rows = lines.slice(j + 1, j + 1 + n);
    if (rows.length !== n) throw new Error(`${file}: ${log[1]}: ${n} rows announced, ${rows.length} found`);
    const query = text.join("\n").trim().replace(/;\s*$/, "");
    // Order matters when Kùzu checks it or the final RETURN sorts (LDBC's queries all do).
    const tail = query.slice(query.search(/RETURN(?![\s\S]*RETURN)/i));
    const ordered = checkOrder || /ORDER\s+BY/i.test(tail);
    out.push({ name: log[1].toLowerCase(), file: path.basename(file), text: query, ordered, expected: rows });
    i = j + n;
  }
  return out;
}

// All IS/IC cases of both files, in file order.
function ldbcCases(kuzuSource) {
  const dir = path.join(kuzuSource, "test", "test_files", "ldbc", "ldbc_interactive");
  return FILES.flatMap((f) => parseTestFile(path.join(dir, f)));
}

// Rows against the expected ones: in order when `ordered`, else as multisets. `same(a, b)`
// compares two rows (strings); returns null when they match, else a short description.
function compareRows(actual, expected, ordered, same = (a, b) => a === b) {
  if (actual.length !== expected.length) return `${actual.length} rows, expected ${expected.length}`;
  const a = ordered ? actual : [...actual].sort();
  const e = ordered ? expected : [...expected].sort();
  for (let i = 0; i < a.length; i++) {
    if (!same(a[i], e[i])) return `row ${i + 1}: '${a[i]}', expected '${e[i]}'`;
  }
  return null;
}

module.exports = { ldbcCases, compareRows };
