// bench/ldbc/report.js — the LDBC SNB Interactive table: per query kgq's and Kùzu's median
// times, their ratio and whether each engine's rows are the expected rows of Kùzu's test files
// (in order where the query's RETURN has ORDER BY or Kùzu checks the order); then the total,
// load times and peak memory. Markdown, so it can be pasted into README.md. Exit status 1 when a
// kgq answer is wrong or missing.
//   node report.js KUZU_SOURCE kgq.json kuzu.json
"use strict";
const fs = require("fs");
const { ldbcCases, compareRows } = require("./kuzu_tests.js");

const [kuzuSource, kgqPath, kuzuPath] = process.argv.slice(2);
if (!kuzuSource || !kgqPath) {
  console.error("usage: node report.js KUZU_SOURCE kgq.json [kuzu.json]");
  process.exit(2);
}
const readJson = (p) => {
  try {
    return JSON.parse(fs.readFileSync(p, "utf8").trim().split("\n").pop());
  } catch (e) {
    return null;
  }
};
// A run of some queries (run.sh --queries) reports those: kgq_ldbc names them in "requested".
const kgqRun = readJson(kgqPath);
const cases = ldbcCases(kuzuSource).filter((c) => !kgqRun || !kgqRun.requested || kgqRun.requested.includes(c.name));
const kgq = readJson(kgqPath) || { queries: [] };
const kuzu = (kuzuPath && readJson(kuzuPath)) || { queries: [] };
const byQuery = (run) => Object.fromEntries((run.queries || []).map((q) => [q.query, q]));
const kq = byQuery(kgq);
const zq = byQuery(kuzu);

const fmt = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const ms = (r) => (r && r.status === "ok" ? fmt(r.ms) : r ? r.status : "-");
const mb = (kib) => (kib > 0 ? (kib / 1024).toFixed(0) + " MB" : "-");

const lines = [];
const notes = [];
const rounds = kgq.rounds || kuzu.rounds || 3;
lines.push(`LDBC SNB Interactive SF0.1, ${new Date().toISOString().slice(0, 10)}, ${require("os").cpus().length} cores, median of ${rounds} runs after a warm-up`);
lines.push("");
lines.push("| query | rows | kgq ms | Kùzu ms | kgq/Kùzu |");
lines.push("|---|---:|---:|---:|---:|");
let ok = !kgq.error;
let kgqTotal = 0, kuzuTotal = 0, complete = true;
const matched = [];
for (const c of cases) {
  const a = kq[c.name], b = zq[c.name];
  let mark = "";
  if (a && a.status === "ok") {
    const diff = compareRows(a.rows, c.expected, c.ordered);
    mark = diff === null ? " ✓" : " ✗";
    if (diff === null) matched.push(c.name);
    else {
      ok = false;
      notes.push(`- ${c.name} kgq: ${diff}`);
    }
  } else {
    ok = false;
  }
  const kmark = b && b.status === "ok" ? (b.check === "ok" ? " ✓" : " ✗") : "";
  if (b && b.difference) notes.push(`- ${c.name} Kùzu: ${b.difference}`);
  const both = a && b && a.status === "ok" && b.status === "ok";
  if (both) {
    kgqTotal += a.ms;
    kuzuTotal += b.ms;
  } else {
    complete = false;
  }
  const ratio = both ? (a.ms / b.ms).toFixed(2) + "x" : "-";
  lines.push(`| ${c.name.toUpperCase()} | ${c.expected.length} | ${ms(a)}${mark} | ${ms(b)}${kmark} | ${ratio} |`);
}
const total = kuzuTotal > 0 ? (kgqTotal / kuzuTotal).toFixed(2) + "x" : "-";
lines.push(`| all${complete ? "" : " (both ok)"} | | ${fmt(kgqTotal)} | ${fmt(kuzuTotal)} | ${total} |`);
const loadRatio = kgq.load_ms && kuzu.load_ms ? (kgq.load_ms / kuzu.load_ms).toFixed(2) + "x" : "-";
lines.push(`| load | | ${kgq.load_ms ? kgq.load_ms.toFixed(0) : "-"} | ${kuzu.load_ms ? kuzu.load_ms.toFixed(0) : "-"} | ${loadRatio} |`);
const memRatio = kgq.peak_kib > 0 && kuzu.peak_kib > 0 ? (kgq.peak_kib / kuzu.peak_kib).toFixed(2) + "x" : "-";
lines.push(`| peak memory | | ${mb(kgq.peak_kib)} | ${mb(kuzu.peak_kib)} | ${memRatio} |`);
lines.push("");
lines.push("✓/✗: the rows against the expected rows of Kùzu's test files (in order where the query sorts).");
lines.push("Times: query through the last row, planning included. Peak memory: VmHWM (kgq: the largest");
lines.push("of the loaded process and its per-query children; Kùzu: the node process, its runtime included).");
lines.push(`kgq answers matching: ${matched.length} of ${cases.length}.`);
for (const r of [...(kgq.queries || []).map((q) => ["kgq", q]), ...(kuzu.queries || []).map((q) => ["Kùzu", q])]) {
  if (r[1].status === "error" || r[1].status === "timeout") notes.push(`- ${r[1].query} ${r[0]} ${r[1].status}: ${r[1].message || ""}`);
}
if (kgq.error) notes.push(`- kgq failed: ${kgq.error}`);
if (kuzu.error) notes.push(`- Kùzu failed: ${kuzu.error}`);
console.log([...lines, ...notes].join("\n"));
process.exit(ok ? 0 : 1);
