// Lint Cypher statements with Neo4j's own linter.
// stdin: {"schema": {...dbSchema without functions/procedures...}, "statements": [{"id": "...", "query": "..."}]}
// stdout: [{"id": "...", "diagnostics": [{"severity": 1|2, "message": "...", "offset": n}]}]
import { createRequire } from 'node:module';

// the package's CommonJS build: its ES-module build cannot be loaded by node (extensionless imports)
const { lintCypherQuery, testData } = createRequire(import.meta.url)('@neo4j-cypher/language-support');

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const schema = {
  ...input.schema,
  functions: testData.mockSchema.functions,
  procedures: testData.mockSchema.procedures,
};
const results = input.statements.map(({ id, query }) => {
  const linted = lintCypherQuery(query, schema);
  const diagnostics = (linted.diagnostics ?? linted).map((d) => ({
    severity: d.severity,
    message: d.message,
    offset: d.offsets ? d.offsets.start : null,
  }));
  return { id, diagnostics };
});
process.stdout.write(JSON.stringify(results));
