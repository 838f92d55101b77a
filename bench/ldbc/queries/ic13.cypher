// IC13 — single shortest path (Kùzu: interactive_complex.test, LOG IC13; Kùzu's
// -[path:knows* SHORTEST 1..20]- is shortestPath(... -[:KNOWS*1..20]- ...); the endpoints carry
// no label, as in Kùzu's text)
MATCH path = shortestPath((person1 {id: $person1Id})-[:KNOWS*1..20]-(person2 {id: $person2Id}))
RETURN length(path) AS shortestPathLength
