// answers: How many task deadlines fall in each month.
// params: none
// example: policykg query --name deadlines_per_month
MATCH (t:Task)
WHERE t.due_date IS NOT NULL
RETURN t.due_date.year AS year, t.due_date.month AS month, count(*) AS tasks
ORDER BY year, month
