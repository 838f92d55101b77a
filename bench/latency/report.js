// bench/latency/report.js — the latency table from kgq_latency's and kuzu_latency.js's JSON:
// per question and way, p50 / p99 in microseconds and kgq's p50 as a ratio of Kùzu's prepared
// p50. Exits 1 when the two engines' checksums (sum of the answers) differ.
//   node report.js kgq.json [kuzu.json]
"use strict";
const fs = require("fs");
const [kgqFile, kuzuFile] = process.argv.slice(2);
const kgq = JSON.parse(fs.readFileSync(kgqFile, "utf8"));
const kuzu = kuzuFile && fs.existsSync(kuzuFile) ? JSON.parse(fs.readFileSync(kuzuFile, "utf8")) : null;
const f = (x) => (x === undefined ? "-" : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toString());
let ok = true;
console.log("| question | way | kgq p50 µs | kgq p99 µs | Kùzu p50 µs | Kùzu p99 µs | kgq/Kùzu p50 |");
console.log("|---|---|---:|---:|---:|---:|---:|");
for (const [name, ways] of Object.entries(kgq.queries)) {
  const peer = kuzu ? kuzu.queries[name] : null;
  if (peer && peer.checksum !== ways.checksum) {
    ok = false;
    console.error(`${name}: checksums differ (kgq ${ways.checksum}, Kùzu ${peer.checksum})`);
  }
  // kgq's cold way (a new text each call) is what Kùzu's querySync does every call.
  const pairs = [["prepared", "prepared"], ["execute", null], ["cold", "execute"]];
  for (const [way, peerWay] of pairs) {
    const a = ways[way], b = peer && peerWay ? peer[peerWay] : null;
    const ratio = b ? (a.p50_us / b.p50_us).toFixed(4) + "x" : "-";
    console.log(`| ${name} | ${way} | ${f(a.p50_us)} | ${f(a.p99_us)} | ${b ? f(b.p50_us) : "-"} | ${b ? f(b.p99_us) : "-"} | ${ratio} |`);
  }
}
process.exit(ok ? 0 : 1);
