// bench/ldbc/kuzu_runner.js — Kùzu's side of the LDBC SNB Interactive benchmark, set up the way
// Kùzu itself sets it up: the schema, COPY statements and query texts are read, unchanged, from
// the kuzu npm package's own copy of Kùzu's sources (kuzu-source/):
//   dataset/ldbc-sf01/schema.cypher   8 node tables (Place and Organisation with a `label`
//                                     column), 23 rel tables, MANY_ONE/ONE_MANY where declared
//   dataset/ldbc-sf01/copy.cypher     one COPY per file; only the path prefix
//                                     "dataset/ldbc-sf01/" is replaced by --data
//   test/test_files/ldbc/ldbc_interactive/interactive_{short,complex}.test
//                                     the IS and IC query texts with their expected rows
// In-memory database like kgq, Kùzu's defaults otherwise (threads: all cores). Each query: one
// warm-up and --rounds timed runs (query + fetching every row), each under --timeout
// (Connection.setQueryTimeout); the median is reported. Prints one JSON object (load time,
// per-query times and rows in Kùzu's test format, the check against the test file, peak memory).
//   NODE_PATH=bench/.cache/npm/node_modules node kuzu_runner.js --data DIR [--timeout S] [--rounds N]
//       [--kuzu-source DIR] [--queries is1,ic2,...]
//
// Kùzu's node binding returns INT64 as a JS number, exact only up to 2^53: LDBC's dates
// (yyyymmddHHMMSSmmm, about 2e16) come back rounded to a multiple of 4. Kùzu's rows are therefore
// checked with INT64 cells compared as numbers (the expected cell through Number() too); the
// printed rows carry the rounded values. kgq's rows are checked exactly (report.js).
"use strict";
const fs = require("fs");
const path = require("path");
const kuzu = require("kuzu");
const { ldbcCases, compareRows } = require("./kuzu_tests.js");

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const dataDir = opt("--data");
const timeoutS = Number(opt("--timeout", "300"));
const rounds = Math.max(1, Number(opt("--rounds", "3")));
if (!dataDir) {
  console.error("usage: node kuzu_runner.js --data DIR [--timeout SECONDS] [--rounds N] [--kuzu-source DIR] [--queries is1,...]");
  process.exit(2);
}
// The data ships as kuzu-source/dataset/ldbc-sf01: Kùzu's sources are two levels up.
const kuzuSource = opt("--kuzu-source", path.resolve(dataDir, "..", ".."));
const only = opt("--queries") ? new Set(opt("--queries").split(",")) : null;

// Statements of a .cypher script: `;`-terminated, one or more lines each.
const statements = (file) =>
  fs.readFileSync(file, "utf8").split(";").map((s) => s.trim()).filter((s) => s.length > 0);

const schema = statements(path.join(dataDir, "schema.cypher"));
const copies = statements(path.join(dataDir, "copy.cypher")).map((s) => {
  if (!s.includes('"dataset/ldbc-sf01/')) throw new Error(`unexpected COPY statement: ${s}`);
  return s.split('"dataset/ldbc-sf01/').join(`"${path.resolve(dataDir)}/`);
});
const cases = ldbcCases(kuzuSource).filter((c) => !only || only.has(c.name));

// A value as Kùzu's test runner prints it: strings bare, True/False, null empty, [a,b] lists.
function cell(v) {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (Array.isArray(v)) return "[" + v.map(cell).join(",") + "]";
  return String(v);
}

// Two rows of cells: INT64 columns as JS numbers (see the note at the top), the rest as text.
function sameRow(types) {
  return (a, b) => {
    const x = a.split("|"), y = b.split("|");
    if (x.length !== y.length) return false;
    return x.every((c, i) => (types[i] === "INT64" && c !== "" ? Number(c) === Number(y[i]) : c === y[i]));
  };
}

function peakKiB() {
  const m = fs.readFileSync("/proc/self/status", "utf8").match(/VmHWM:\s+(\d+)/);
  return m ? Number(m[1]) : -1;
}
const msSince = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

async function main() {
  const out = {
    engine: "kuzu",
    version: kuzu.VERSION,
    rounds,
    setup: "kuzu-source/dataset/ldbc-sf01/{schema,copy}.cypher, test/test_files/ldbc/ldbc_interactive/*.test",
    queries: [],
  };
  const db = new kuzu.Database(":memory:");
  const conn = new kuzu.Connection(db);
  const t0 = process.hrtime.bigint();
  for (const s of schema) await conn.query(s);
  for (const s of copies) await conn.query(s);
  out.load_ms = msSince(t0);
  out.load_peak_kib = peakKiB();
  console.error(`kuzu: ${schema.length} schema statements, ${copies.length} COPY, loaded in ${Math.round(out.load_ms)} ms`);
  conn.setQueryTimeout(timeoutS * 1000);
  for (const q of cases) {
    const r = { query: q.name, runs_ms: [] };
    let rows = null, types = null;
    try {
      for (let run = 0; run <= rounds; run++) {
        const t = process.hrtime.bigint();
        const result = await conn.query(q.text);
        const all = await result.getAll();
        r.runs_ms.push(msSince(t));
        if (run === rounds) {
          const names = await result.getColumnNames();
          types = await result.getColumnDataTypes();
          rows = all.map((row) => names.map((n) => cell(row[n])).join("|"));
        }
      }
      r.status = "ok";
      r.ms = median(r.runs_ms.slice(1));
      r.rows = rows;
      r.column_types = types;
      const diff = compareRows(rows, q.expected, q.ordered, sameRow(types));
      r.check = diff === null ? "ok" : "wrong";
      if (diff) r.difference = diff;
    } catch (e) {
      r.status = /interrupt|timeout/i.test(String(e.message)) ? "timeout" : "error";
      r.ms = r.status === "timeout" ? timeoutS * 1000 : undefined;
      r.message = String(e.message);
    }
    const { rows: _rows, column_types: _types, ...brief } = r;
    console.error(`kuzu: ${JSON.stringify(brief)}`);
    out.queries.push(r);
  }
  out.peak_kib = peakKiB();
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(`kuzu_runner: ${e.stack || e}`);
  process.exit(1);
});
