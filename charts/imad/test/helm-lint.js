// `nx lint chart`: helm lint --strict of the chart with its defaults, each ci/*-values.yaml
// scenario and values-deadline.yaml. Uses the helm that scripts/kube-testenv.sh builds
// (`build` prints its directory; a warm cache returns at once).
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const chart = path.resolve(import.meta.dirname, '..');
const root = path.resolve(chart, '../..');
const binDir = execFileSync('bash', [path.join(root, 'scripts/kube-testenv.sh'), 'build'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  .trim()
  .split('\n')
  .pop();
const helm = path.join(binDir, 'helm');

const runs = [
  ['defaults', []],
  ...readdirSync(path.join(chart, 'ci'))
    .filter((f) => f.endsWith('-values.yaml'))
    .sort()
    .map((f) => [`ci/${f}`, ['-f', path.join(chart, 'ci', f)]]),
  ['values-deadline.yaml', ['-f', path.join(chart, 'values-deadline.yaml')]],
];

let failed = 0;
for (const [name, args] of runs) {
  const result = spawnSync(helm, ['lint', '--strict', chart, ...args], { encoding: 'utf8' });
  const ok = result.status === 0;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} helm lint --strict ${name}`);
  if (!ok) console.log(result.stdout + result.stderr);
}
process.exit(failed ? 1 : 0);
