// bench/lsqb/kuzu_runner.js — Kùzu's side of the LSQB benchmark, set up the way Kùzu itself sets
// it up: the schema, COPY statements and query texts are read, unchanged, from the kuzu npm
// package's own copy of Kùzu's sources (kuzu-source/):
//   dataset/lsqb-sf01/schema.cypher        one rel table per CSV file (Post_hasTag_Tag, ...), MANY_ONE
//                                          where Kùzu declared it
//   dataset/lsqb-sf01/copy.cypher          one COPY per file; only the path prefix
//                                          "dataset/lsqb-sf01/" is replaced by --data
//   test/test_files/lsqb/lsqb_queries.test the nine LSQB queries over that schema, with the
//                                          published counts, as Kùzu's own test suite runs them
// The same data files as kgq, in-memory database like kgq. Prints one JSON object with load time,
// per-query times and counts, and peak memory (VmHWM). Run by run.sh:
//   NODE_PATH=bench/.cache/npm/node_modules node kuzu_runner.js --data DIR [--timeout S] [--kuzu-source DIR]
//
// Why these query texts and not kuzu-source/benchmark/lsqb/queries/*.cypher: those write KNOWS as
// directed (`-[:Person_knows_Person]->`) in q2, q3, q6 and q9, so they count other patterns than
// LSQB's (undirected KNOWS); the test file's texts are the same apart from the direction and give
// LSQB's published answers. q1 contains `<-[Comment_replyOf_Post]-` (a variable, not a label):
// between (:Post) and (:Comment) only Comment_replyOf_Post runs that way, so the count is LSQB's.
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
const timeoutS = Number(opt("--timeout", "300"));
if (!dataDir) {
  console.error("usage: node kuzu_runner.js --data DIR [--timeout SECONDS] [--kuzu-source DIR]");
  process.exit(2);
}
// The data ships as kuzu-source/dataset/lsqb-sf01: Kùzu's sources are two levels up.
const kuzuSource = opt("--kuzu-source", path.resolve(dataDir, "..", ".."));

// Statements of a .cypher script: `;`-terminated, one or more lines each.
const statements = (file) =>
  fs.readFileSync(file, "utf8").split(";").map((s) => s.trim()).filter((s) => s.length > 0);

const schema = statements(path.join(dataDir, "schema.cypher"));
const copies = statements(path.join(dataDir, "copy.cypher")).map((s) => {
  if (!s.includes('"dataset/lsqb-sf01/')) throw new Error(`unexpected COPY statement: ${s}`);
  return s.split('"dataset/lsqb-sf01/').join(`"${path.resolve(dataDir)}/`);
});

// Kùzu's test file: `-LOG qN` then `-STATEMENT <query>;` then `---- 1` and the expected count.
function testQueries(file) {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const log = lines[i].match(/^-LOG\s+(q\d)\s*$/);
    if (!log) continue;
    const stmt = (lines[i + 1] || "").match(/^-STATEMENT\s+(.*?);?\s*$/);
    const answer = (lines[i + 3] || "").trim();
    if (!stmt || lines[i + 2].trim() !== "---- 1" || !/^\d+$/.test(answer)) {
      throw new Error(`${file}: unexpected layout after line ${i + 1}`);
    }
    out.push({ name: log[1], text: stmt[1], kuzuExpected: Number(answer) });
  }
  if (out.length !== 9) throw new Error(`${file}: ${out.length} queries, expected 9`);
  return out;
}
const queries = testQueries(path.join(kuzuSource, "test", "test_files", "lsqb", "lsqb_queries.test"));

function peakKiB() {
  const m = fs.readFileSync("/proc/self/status", "utf8").match(/VmHWM:\s+(\d+)/);
  return m ? Number(m[1]) : -1;
}
const msSince = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main() {
  const out = {
    engine: "kuzu",
    version: kuzu.VERSION,
    setup: "kuzu-source/dataset/lsqb-sf01/{schema,copy}.cypher, test/test_files/lsqb/lsqb_queries.test",
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
  for (const q of queries) {
    const r = { query: q.name };
    const t = process.hrtime.bigint();
    try {
      const result = await conn.query(q.text);
      const rows = await result.getAll();
      r.ms = msSince(t);
      r.status = "ok";
      r.count = Number(rows[0].count);
    } catch (e) {
      r.ms = msSince(t);
      r.status = /interrupt|timeout/i.test(String(e.message)) ? "timeout" : "error";
      r.message = String(e.message);
    }
    if (r.status === "ok" && r.count !== q.kuzuExpected) r.note = `Kùzu's test expects ${q.kuzuExpected}`;
    console.error(`kuzu: ${JSON.stringify(r)}`);
    out.queries.push(r);
  }
  out.peak_kib = peakKiB();
  console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(`kuzu_runner: ${e.stack || e}`);
  process.exit(1);
});
