// bench/lsqb/kuzu_runner.js — Kùzu's side of the LSQB benchmark: the same CSV files and the
// same nine queries (LSQB's Cypher, written in Kùzu's dialect: `(m:Post:Comment)` is Kùzu's
// label union, NOT EXISTS { MATCH ... } its pattern negation, rel tables with several FROM/TO
// pairs its multi-endpoint types). In-memory database, like kgq. Prints one JSON object with
// load time, per-query times and counts, and peak memory (VmHWM). Run by run.sh:
//   NODE_PATH=bench/.cache/node_modules node kuzu_runner.js --data DIR [--timeout S]
"use strict";
const fs = require("fs");
const kuzu = require("kuzu");

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const dataDir = opt("--data");
const timeoutS = Number(opt("--timeout", "300"));
if (!dataDir) {
  console.error("usage: node kuzu_runner.js --data DIR [--timeout SECONDS]");
  process.exit(2);
}

const nodeTables = ["Continent", "Country", "City", "Company", "University", "Tag", "TagClass", "Forum",
                    "Person", "Post", "Comment"];
// LSQB's relationship types; each file loads into one FROM/TO pair of one of them.
const relFiles = [
  ["IS_PART_OF", "City_isPartOf_Country", "City", "Country"],
  ["IS_PART_OF", "Country_isPartOf_Continent", "Country", "Continent"],
  ["IS_LOCATED_IN", "Person_isLocatedIn_City", "Person", "City"],
  ["IS_LOCATED_IN", "Post_isLocatedIn_Country", "Post", "Country"],
  ["IS_LOCATED_IN", "Comment_isLocatedIn_Country", "Comment", "Country"],
  ["IS_LOCATED_IN", "Company_isLocatedIn_Country", "Company", "Country"],
  ["IS_LOCATED_IN", "University_isLocatedIn_City", "University", "City"],
  ["HAS_MEMBER", "Forum_hasMember_Person", "Forum", "Person"],
  ["HAS_MODERATOR", "Forum_hasModerator_Person", "Forum", "Person"],
  ["CONTAINER_OF", "Forum_containerOf_Post", "Forum", "Post"],
  ["HAS_TAG", "Post_hasTag_Tag", "Post", "Tag"],
  ["HAS_TAG", "Comment_hasTag_Tag", "Comment", "Tag"],
  ["HAS_TAG", "Forum_hasTag_Tag", "Forum", "Tag"],
  ["HAS_TYPE", "Tag_hasType_TagClass", "Tag", "TagClass"],
  ["IS_SUBCLASS_OF", "TagClass_isSubclassOf_TagClass", "TagClass", "TagClass"],
  ["HAS_CREATOR", "Post_hasCreator_Person", "Post", "Person"],
  ["HAS_CREATOR", "Comment_hasCreator_Person", "Comment", "Person"],
  ["REPLY_OF", "Comment_replyOf_Post", "Comment", "Post"],
  ["REPLY_OF", "Comment_replyOf_Comment", "Comment", "Comment"],
  ["KNOWS", "Person_knows_Person", "Person", "Person"],
  ["HAS_INTEREST", "Person_hasInterest_Tag", "Person", "Tag"],
  ["LIKES", "Person_likes_Post", "Person", "Post"],
  ["LIKES", "Person_likes_Comment", "Person", "Comment"],
  ["STUDY_AT", "Person_studyAt_University", "Person", "University"],
  ["WORK_AT", "Person_workAt_Company", "Person", "Company"],
];

const queries = {
  q1: `MATCH (:Country)<-[:IS_PART_OF]-(:City)<-[:IS_LOCATED_IN]-(:Person)<-[:HAS_MEMBER]-(:Forum)-[:CONTAINER_OF]->(:Post)<-[:REPLY_OF]-(:Comment)-[:HAS_TAG]->(:Tag)-[:HAS_TYPE]->(:TagClass)
       RETURN count(*) AS count`,
  q2: `MATCH (person1:Person)-[:KNOWS]-(person2:Person),
         (person1)<-[:HAS_CREATOR]-(comment:Comment)-[:REPLY_OF]->(post:Post)-[:HAS_CREATOR]->(person2)
       RETURN count(*) AS count`,
  q3: `MATCH (country:Country)
       MATCH (person1:Person)-[:IS_LOCATED_IN]->(city1:City)-[:IS_PART_OF]->(country)
       MATCH (person2:Person)-[:IS_LOCATED_IN]->(city2:City)-[:IS_PART_OF]->(country)
       MATCH (person3:Person)-[:IS_LOCATED_IN]->(city3:City)-[:IS_PART_OF]->(country)
       MATCH (person1)-[:KNOWS]-(person2)-[:KNOWS]-(person3)-[:KNOWS]-(person1)
       RETURN count(*) AS count`,
  q4: `MATCH (:Tag)<-[:HAS_TAG]-(message:Post:Comment)-[:HAS_CREATOR]->(creator:Person),
         (message)<-[:LIKES]-(liker:Person),
         (message)<-[:REPLY_OF]-(comment:Comment)
       RETURN count(*) AS count`,
  q5: `MATCH (tag1:Tag)<-[:HAS_TAG]-(message:Post:Comment)<-[:REPLY_OF]-(comment:Comment)-[:HAS_TAG]->(tag2:Tag)
       WHERE id(tag1) <> id(tag2)
       RETURN count(*) AS count`,
  q6: `MATCH (person1:Person)-[:KNOWS]-(person2:Person)-[:KNOWS]-(person3:Person)-[:HAS_INTEREST]->(tag:Tag)
       WHERE id(person1) <> id(person3)
       RETURN count(*) AS count`,
  q7: `MATCH (:Tag)<-[:HAS_TAG]-(message:Post:Comment)-[:HAS_CREATOR]->(creator:Person)
       OPTIONAL MATCH (message)<-[:LIKES]-(liker:Person)
       OPTIONAL MATCH (message)<-[:REPLY_OF]-(comment:Comment)
       RETURN count(*) AS count`,
  q8: `MATCH (tag1:Tag)<-[:HAS_TAG]-(message:Post:Comment)<-[:REPLY_OF]-(comment:Comment)-[:HAS_TAG]->(tag2:Tag)
       WHERE NOT EXISTS { MATCH (comment)-[:HAS_TAG]->(tag1) } AND id(tag1) <> id(tag2)
       RETURN count(*) AS count`,
  q9: `MATCH (person1:Person)-[:KNOWS]-(person2:Person)-[:KNOWS]-(person3:Person)-[:HAS_INTEREST]->(tag:Tag)
       WHERE NOT EXISTS { MATCH (person1)-[:KNOWS]-(person3) } AND id(person1) <> id(person3)
       RETURN count(*) AS count`,
};

function peakKiB() {
  const m = fs.readFileSync("/proc/self/status", "utf8").match(/VmHWM:\s+(\d+)/);
  return m ? Number(m[1]) : -1;
}
const msSince = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main() {
  const out = { engine: "kuzu", version: kuzu.VERSION, queries: [] };
  const db = new kuzu.Database(":memory:");
  const conn = new kuzu.Connection(db);
  const t0 = process.hrtime.bigint();
  for (const t of nodeTables) await conn.query(`CREATE NODE TABLE ${t} (id INT64, PRIMARY KEY (id))`);
  const pairs = {};
  for (const [rel, , from, to] of relFiles) {
    (pairs[rel] = pairs[rel] || []).push(`FROM ${from} TO ${to}`);
  }
  for (const [rel, ps] of Object.entries(pairs)) {
    await conn.query(`CREATE REL TABLE ${rel} (${[...new Set(ps)].join(", ")})`);
  }
  for (const t of nodeTables) await conn.query(`COPY ${t} FROM '${dataDir}/${t}.csv' (HEADER=true, DELIM='|')`);
  for (const [rel, file, from, to] of relFiles) {
    // Several FROM/TO pairs: Kùzu asks which one a file fills.
    const which = pairs[rel].length > 1 ? `, from='${from}', to='${to}'` : "";
    await conn.query(`COPY ${rel} FROM '${dataDir}/${file}.csv' (HEADER=true, DELIM='|'${which})`);
  }
  out.load_ms = msSince(t0);
  out.load_peak_kib = peakKiB();
  console.error(`kuzu: loaded in ${Math.round(out.load_ms)} ms`);
  conn.setQueryTimeout(timeoutS * 1000);
  for (const [name, text] of Object.entries(queries)) {
    const r = { query: name };
    const t = process.hrtime.bigint();
    try {
      const result = await conn.query(text);
      const rows = await result.getAll();
      r.ms = msSince(t);
      r.status = "ok";
      r.count = Number(rows[0].count);
    } catch (e) {
      r.ms = msSince(t);
      r.status = /interrupt|timeout/i.test(String(e.message)) ? "timeout" : "error";
      r.message = String(e.message);
    }
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
