// IS7 — replies of a message (Kùzu: interactive_short.test, LOG IS7; Kùzu's `CASE WHEN ID(r) IS
// NULL` is `CASE WHEN r IS NULL`)
MATCH (m:Message {id: $messageId})<-[:REPLY_OF]-(c:Comment)-[:HAS_CREATOR]->(p:Person)
OPTIONAL MATCH (m)-[:HAS_CREATOR]->(a:Person)-[r:KNOWS]-(p)
RETURN c.id AS commentId,
       c.content AS commentContent,
       c.creationDate AS commentCreationDate,
       p.id AS replyAuthorId,
       p.firstName AS replyAuthorFirstName,
       p.lastName AS replyAuthorLastName,
       CASE WHEN r IS NULL THEN false ELSE true END AS replyAuthorKnowsOriginalMessageAuthor
