// bench/latency/kuzu_latency.js — Kùzu's side of the latency benchmark: the LDBC SF0.1 graph
// loaded as Kùzu loads it (kuzu-source/dataset/ldbc-sf01/{schema,copy}.cypher, unchanged but
// for the path prefix), then the same two questions as kgq_latency.cpp on Kùzu's schema, with
// the same person-id sequence, two ways:
//   execute   Connection.querySync with the id in the text (Kùzu has no plan cache: this is
//             kgq's "cold" way; a parameterised text cannot be run without prepare)
//   prepared  Connection.prepareSync once, then executeSync(params) and getAllSync
// The synchronous binding calls, so no event-loop turn is timed. Prints one JSON object.
//   NODE_PATH=bench/.cache/npm/node_modules node kuzu_latency.js --data DIR [--calls N]
"use strict";
const fs = require("fs");
const path = require("path");
const kuzu = require("kuzu");

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const dataDir = opt("--data");
const calls = Number(opt("--calls", "20000"));
if (!dataDir) {
  console.error("usage: kuzu_latency.js --data DIR [--calls N]");
  process.exit(2);
}
const statements = (file) =>
  fs.readFileSync(file, "utf8").split(";").map((s) => s.trim()).filter((s) => s.length > 0);
const schema = statements(path.join(dataDir, "schema.cypher"));
const copies = statements(path.join(dataDir, "copy.cypher")).map((s) =>
  s.split('"dataset/ldbc-sf01/').join(`"${path.resolve(dataDir)}/`));

// The id sequence kgq_latency.cpp draws (a fixed-seed LCG over the sorted ids).
function draw(ids, n) {
  const out = [];
  let x = 12345n;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245n + 12345n) % 2147483648n;
    out.push(ids[Number(x % BigInt(ids.length))]);
  }
  return out;
}

function summary(us) {
  us.sort((a, b) => a - b);
  const at = (q) => us[Math.min(us.length - 1, Math.floor(q * us.length))];
  return { p50_us: at(0.5), p99_us: at(0.99), mean_us: us.reduce((a, b) => a + b, 0) / us.length, calls: us.length };
}

const queries = [
  { name: "lookup", text: "MATCH (p:Person) WHERE p.id = $id RETURN p.firstName" },
  { name: "one_hop_count", text: "MATCH (p:Person)-[:knows]-(f:Person) WHERE p.id = $id RETURN count(f)" },
];

const db = new kuzu.Database(":memory:");
const conn = new kuzu.Connection(db);
for (const s of schema) conn.querySync(s);
for (const s of copies) conn.querySync(s);
const ids = conn.querySync("MATCH (p:Person) RETURN p.id AS id ORDER BY id").getAllSync().map((r) => r.id);
const sequence = draw(ids, calls);
const out = { engine: "kuzu", version: kuzu.VERSION, persons: ids.length, queries: {} };
for (const q of queries) {
  const ways = {};
  let checksum = null;
  const timeWay = (way, call) => {
    const warm = Math.min(200, sequence.length);
    for (let i = 0; i < warm; i++) call(sequence[i]);
    const us = [];
    let sum = 0;
    for (const id of sequence) {
      const t = process.hrtime.bigint();
      const rows = call(id);
      us.push(Number(process.hrtime.bigint() - t) / 1000);
      if (rows.length !== 1) throw new Error(`${q.name}: not one row`);
      const v = Object.values(rows[0])[0];
      sum += typeof v === "string" ? [...v].length : Number(v);
    }
    if (checksum !== null && sum !== checksum) throw new Error(`${q.name}: ways disagree`);
    checksum = sum;
    ways[way] = summary(us);
  };
  // Each result is closed after its rows are read (part of the timed call): Kùzu keeps an
  // open result's pages pinned in its buffer pool, which 20,000 open results fill.
  const all = (result) => {
    const rows = result.getAllSync();
    result.close();
    return rows;
  };
  timeWay("execute", (id) => all(conn.querySync(q.text.replace("$id", String(id)))));
  const prepared = conn.prepareSync(q.text);
  if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
  timeWay("prepared", (id) => all(conn.executeSync(prepared, { id })));
  ways.checksum = checksum;
  out.queries[q.name] = ways;
}
console.log(JSON.stringify(out, null, 2));
