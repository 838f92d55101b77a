// IS5 — creator of a message (Kùzu: interactive_short.test, LOG IS5)
MATCH (m:Message {id: $messageId})-[:HAS_CREATOR]->(p:Person)
RETURN p.id AS personId,
       p.firstName AS firstName,
       p.lastName AS lastName
