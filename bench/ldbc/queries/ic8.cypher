// IC8 — recent replies (Kùzu: interactive_complex.test, LOG IC8)
MATCH (start:Person {id: $personId})<-[:HAS_CREATOR]-(:Message)<-[:REPLY_OF]-(comment:Comment)-[:HAS_CREATOR]->(person:Person)
RETURN person.id AS personId, person.firstName AS personFirstName, person.lastName AS personLastName,
       comment.creationDate AS commentCreationDate, comment.id AS commentId, comment.content AS commentContent
ORDER BY commentCreationDate DESC, commentId ASC
LIMIT 20
