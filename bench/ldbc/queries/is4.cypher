// IS4 — content of a message (Kùzu: interactive_short.test, LOG IS4; Kùzu's (m:Post:Comment) is
// kgq's (m:Message), its CASE is coalesce())
MATCH (m:Message {id: $messageId})
RETURN m.creationDate AS messageCreationDate, coalesce(m.content, m.imageFile) AS messageContent
