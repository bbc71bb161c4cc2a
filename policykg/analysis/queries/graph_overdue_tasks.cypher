// answers: Overdue tasks as of a date with the agencies that owe them, as a graph for Bloom and Browser.
// params: date — YYYY-MM-DD
// example: policykg query --name graph_overdue_tasks --param date=2023-11-22
MATCH p = (a:Agency)-[:LEADS|RESPONSIBLE_FOR]->(t:Task)
WHERE t.due_date < date($date) AND NOT t.ongoing
RETURN p
