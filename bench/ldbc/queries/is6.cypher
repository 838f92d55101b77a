// IS6 — forum of a message (Kùzu: interactive_short.test, LOG IS6; REPLY_OF*1..2 as in Kùzu's text)
MATCH (m:Comment {id: $messageId})-[:REPLY_OF*1..2]->(p:Post)<-[:CONTAINER_OF]-(f:Forum)-[:HAS_MODERATOR]->(mod:Person)
RETURN f.id AS forumId, f.title AS forumTitle, mod.id AS moderatorId, mod.firstName AS moderatorFirstName,
       mod.lastName AS moderatorLastName
