// IC3 — friends and friends of friends that have been to countries X and Y (Kùzu:
// interactive_complex.test, LOG IC3). Kùzu's list_contains(list, x) is `x IN list`; its
// (:Place {label: "City"}) is (:City); a Place without a label filter stays :Place.
MATCH (countryX:Place {name: $countryXName}), (countryY:Place {name: $countryYName}), (person:Person {id: $personId})
WITH person, countryX, countryY
LIMIT 1
MATCH (city:City)-[:IS_PART_OF]->(country:Country)
WHERE country.id IN [countryX.id, countryY.id]
WITH person, countryX, countryY, collect(city.id) AS cities
MATCH (person)-[:KNOWS*1..2]-(friend)-[:IS_LOCATED_IN]->(city)
WHERE NOT person.id = friend.id AND NOT city.id IN cities
WITH DISTINCT friend, countryX, countryY
MATCH (friend)<-[:HAS_CREATOR]-(message), (message)-[:IS_LOCATED_IN]->(country)
WHERE $endDate > message.creationDate AND message.creationDate >= $startDate
  AND country.id IN [countryX.id, countryY.id]
WITH friend, CASE WHEN country.id = countryX.id THEN 1 ELSE 0 END AS messageX,
     CASE WHEN country.id = countryY.id THEN 1 ELSE 0 END AS messageY
WITH friend, sum(messageX) AS xCount, sum(messageY) AS yCount
WHERE xCount > 0 AND yCount > 0
RETURN friend.id AS friendId, friend.firstName AS friendFirstName, friend.lastName AS friendLastName,
       xCount, yCount, xCount + yCount AS xyCount
ORDER BY xyCount DESC, friendId ASC
LIMIT 20
