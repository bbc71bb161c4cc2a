// answers: Quantitative targets grouped by unit (%, 个工作日, 家, 亿元, …): how many, and their range.
// params: none
// example: policykg query --name targets_by_unit
MATCH (t:Task)-[:HAS_TARGET]->(x:Target)
RETURN x.unit AS unit, count(*) AS targets, min(x.value) AS smallest, max(x.value) AS largest
ORDER BY targets DESC, unit
