import { ESLint } from 'eslint';
import path from 'node:path';

// The boundaries are only worth having if lint really fails on a violation.
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: repoRoot });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('module boundaries', () => {
  it('refuse an app importing another app', async () => {
    const errors = await boundaryErrors('apps/deployer/src/probe.ts', "import { configSchema } from '../../auth/src/config';\nexport const x = configSchema;\n");
    expect(errors.join('\n')).toMatch(/app|relative|project/i);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('refuse a production lib importing test helpers', async () => {
    const errors = await boundaryErrors('libs/config/src/probe.ts', "import { uniqueName } from '@imad/testing';\nexport const x = uniqueName;\n");
    expect(errors.join('\n')).toMatch(/type:lib/);
  });

  it('refuse a shared lib importing a service-scoped lib', async () => {
    const errors = await boundaryErrors('libs/config/src/probe.ts', "import * as manifests from '@imad/k8s-manifests';\nexport const x = manifests;\n");
    expect(errors.join('\n')).toMatch(/scope:shared/);
  });

  it("allow a lib's own tests to use the test helpers", async () => {
    const errors = await boundaryErrors('libs/config/src/probe.spec.ts', "import { uniqueName } from '@imad/testing';\nexport const x = uniqueName;\n");
    expect(errors).toEqual([]);
  });

  it('allow a service importing a shared lib', async () => {
    const errors = await boundaryErrors('apps/deployer/src/probe.ts', "import { loadConfig } from '@imad/config';\nexport const x = loadConfig;\n");
    expect(errors).toEqual([]);
  });
});
