// IS3 — friends of a person (Kùzu: interactive_short.test, LOG IS3)
MATCH (n:Person {id: $personId})-[r:KNOWS]-(friend)
RETURN friend.id AS personId,
       friend.firstName AS firstName,
       friend.lastName AS lastName,
       r.creationDate AS friendshipCreationDate
ORDER BY friendshipCreationDate DESC, personId ASC
