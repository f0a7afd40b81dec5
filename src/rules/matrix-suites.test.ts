// The suites that read the plan of every input in the matrix run from this one file. Test files
// share their worker's modules, so the matrix (test-support/matrix-plans.ts) is built once per
// worker that asks for it: from separate files, both workers built it, at about seven seconds
// each. Each suite stays beside what it checks, as a *.suite.ts file; to run one of them, name
// its describe block: `npx vitest run src/rules/matrix-suites.test.ts -t shellcheck`.
import './paste-block.suite';
import './shellcheck.suite';
import './plan-matrix.suite';
import './render.suite';
import './link.suite';
import './yaml.suite';
import './path-quoting.suite';
import './estimate/estimate-matrix.suite';
