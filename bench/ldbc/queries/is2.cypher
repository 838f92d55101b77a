// IS2 — recent messages of a person (Kùzu: interactive_short.test, LOG IS2). As in Kùzu's text,
// the reply chain is followed one or two hops (REPLY_OF*1..2), so a Post among the ten latest
// messages has no row; the CASE of Kùzu's text is coalesce(), as its comment asks.
MATCH (:Person {id: $personId})<-[:HAS_CREATOR]-(message)
WITH message, message.id AS messageId, message.creationDate AS messageCreationDate
ORDER BY messageCreationDate DESC, messageId ASC LIMIT 10
MATCH (message)-[:REPLY_OF*1..2]->(post:Post), (post)-[:HAS_CREATOR]->(person)
RETURN messageId, coalesce(message.imageFile, message.content) AS messageContent, messageCreationDate,
       post.id AS postId, person.id AS personId, person.firstName AS personFirstName,
       person.lastName AS personLastName
ORDER BY messageCreationDate DESC, messageId ASC
