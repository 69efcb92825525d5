// helm lint --strict (the helm built from its Go module) accepts the chart with its
// defaults, every ci/ scenario and the deadline overlay.
import path from 'node:path';
import { chartDir, kubeTools, scenarios, valuesArgs } from './support/helm';

const cases: [string, string[]][] = [
  ['the default values', []],
  ...scenarios().map((s): [string, string[]] => [`ci/${s.name}-values.yaml`, s.valuesFiles]),
  ['values-deadline.yaml alone', [path.join(chartDir, 'values-deadline.yaml')]],
];

describe('helm lint', () => {
  it.each(cases)('passes --strict with %s', async (_name, files) => {
    const { helm } = await kubeTools();
    const result = await helm('lint', '--strict', chartDir, ...valuesArgs(files));
    expect(result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(result.code).toBe(0);
  });
});
