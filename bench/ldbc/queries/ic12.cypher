// IC12 — expert search (Kùzu: interactive_complex.test, LOG IC12). Kùzu's
// list_sort(collect(DISTINCT tag.name)) has no openCypher function: the rows are ordered by
// tag name before they are collected, the openCypher way to build a sorted list.
MATCH (tag:Tag)-[:HAS_TYPE|IS_SUBCLASS_OF*1..20]->(baseTagClass:TagClass)
WHERE tag.name = $tagClassName OR baseTagClass.name = $tagClassName
WITH collect(tag.id) AS tags
MATCH (:Person {id: $personId})-[:KNOWS]-(friend:Person)<-[:HAS_CREATOR]-(comment:Comment)-[:REPLY_OF]->(:Post)-[:HAS_TAG]->(tag:Tag)
WHERE tag.id IN tags
WITH friend, comment, tag
ORDER BY tag.name
RETURN friend.id AS personId, friend.firstName AS personFirstName, friend.lastName AS personLastName,
       collect(DISTINCT tag.name) AS tagNames, count(DISTINCT comment) AS replyCount
ORDER BY replyCount DESC, personId ASC
LIMIT 20
