// bench/lsqb/report.js — the LSQB table: per query kgq's and Kùzu's times, their ratio and
// whether each count is LSQB's published answer; then load times and peak memory. Markdown,
// so it can be pasted into README.md. Exit status 1 when a kgq count is wrong or missing.
//   node report.js expected_sf01.json kgq.json kuzu.json
"use strict";
const fs = require("fs");

const [expectedPath, kgqPath, kuzuPath] = process.argv.slice(2);
const readJson = (p) => {
  try {
    return JSON.parse(fs.readFileSync(p, "utf8").trim().split("\n").pop());
  } catch (e) {
    return null;
  }
};
const expected = readJson(expectedPath);
const kgq = readJson(kgqPath) || { queries: [] };
const kuzu = readJson(kuzuPath) || { queries: [] };
const byQuery = (run) => Object.fromEntries((run.queries || []).map((q) => [q.query, q]));
const kq = byQuery(kgq);
const zq = byQuery(kuzu);

const ms = (r) => (r && r.status === "ok" ? r.ms.toFixed(1) : r ? r.status : "-");
const check = (r, want) => (!r || r.status !== "ok" ? "" : r.count === want ? " ✓" : ` ✗ (${r.count})`);
const mb = (kib) => (kib > 0 ? (kib / 1024).toFixed(0) + " MB" : "-");

const lines = [];
lines.push(`LSQB SF0.1, ${new Date().toISOString().slice(0, 10)}, ${require("os").cpus().length} cores`);
lines.push("");
lines.push("| query | expected | kgq ms | Kùzu ms | kgq/Kùzu |");
lines.push("|---|---:|---:|---:|---:|");
let ok = !kgq.error;
let kgqTotal = 0, kuzuTotal = 0, complete = true;
for (const [name, want] of Object.entries(expected)) {
  const a = kq[name], b = zq[name];
  if (!a || a.status !== "ok" || a.count !== want) ok = false;
  const both = a && b && a.status === "ok" && b.status === "ok";
  if (both) {
    kgqTotal += a.ms;
    kuzuTotal += b.ms;
  } else {
    complete = false;
  }
  const ratio = both ? (a.ms / b.ms).toFixed(2) + "x" : "-";
  lines.push(`| ${name} | ${want} | ${ms(a)}${check(a, want)} | ${ms(b)}${check(b, want)} | ${ratio} |`);
}
const total = complete ? (kgqTotal / kuzuTotal).toFixed(2) + "x" : "-";
lines.push(`| all | | ${complete ? kgqTotal.toFixed(1) : "-"} | ${complete ? kuzuTotal.toFixed(1) : "-"} | ${total} |`);
const loadRatio = kgq.load_ms && kuzu.load_ms ? (kgq.load_ms / kuzu.load_ms).toFixed(2) + "x" : "-";
lines.push(`| load | | ${kgq.load_ms ? kgq.load_ms.toFixed(0) : "-"} | ${kuzu.load_ms ? kuzu.load_ms.toFixed(0) : "-"} | ${loadRatio} |`);
const memRatio = kgq.peak_kib > 0 && kuzu.peak_kib > 0 ? (kgq.peak_kib / kuzu.peak_kib).toFixed(2) + "x" : "-";
lines.push(`| peak memory | | ${mb(kgq.peak_kib)} | ${mb(kuzu.peak_kib)} | ${memRatio} |`);
lines.push("");
lines.push("✓/✗: the count against LSQB's published answer. Peak memory: VmHWM (kgq: the largest of the");
lines.push("loaded process and its per-query children; Kùzu: the node process, its own runtime included).");
for (const r of [...(kgq.queries || []), ...(kuzu.queries || [])]) {
  if (r.status === "error") lines.push(`- ${r.query} error: ${r.message}`);
}
if (kgq.error) lines.push(`- kgq failed: ${kgq.error}`);
console.log(lines.join("\n"));
process.exit(ok ? 0 : 1);
