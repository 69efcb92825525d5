import { kubeStatusOf, parseEnv, testNamespaceName } from './index';

describe('parseEnv', () => {
  it('reads the kubeconfig path and bin dir printed by `kube-testenv.sh env`', () => {
    const out = 'export KUBECONFIG="/s/kube-testenv/kubeconfig"\nexport PATH="/c/kube-testenv/bin/abc:$PATH"\n';
    expect(parseEnv(out)).toEqual({ kubeconfigPath: '/s/kube-testenv/kubeconfig', binDir: '/c/kube-testenv/bin/abc' });
  });

  it('refuses output it does not understand', () => {
    expect(() => parseEnv('hello')).toThrow(/unexpected output/);
  });
});

describe('testNamespaceName', () => {
  it('makes a unique DNS label from any prefix', () => {
    const a = testNamespaceName('Kube API / Spec');
    expect(a).toMatch(/^t-kube-api-spec-[0-9a-f]{8}$/);
    expect(testNamespaceName('Kube API / Spec')).not.toBe(a);
    expect(testNamespaceName('x'.repeat(100)).length).toBeLessThanOrEqual(63);
    expect(testNamespaceName('***')).toMatch(/^t-test-/);
  });
});

describe('kubeStatusOf', () => {
  it('parses the Status text client-node keeps in ApiException.body', () => {
    const error = { code: 409, body: JSON.stringify({ kind: 'Status', reason: 'Conflict', message: 'Apply failed' }) };
    expect(kubeStatusOf(error)).toEqual({ code: 409, status: { kind: 'Status', reason: 'Conflict', message: 'Apply failed' } });
  });

  it('keeps a non-JSON body as the message and ignores errors without a code', () => {
    expect(kubeStatusOf({ code: 502, body: 'Bad Gateway' })).toEqual({ code: 502, status: { message: 'Bad Gateway' } });
    expect(kubeStatusOf(new Error('socket hang up'))).toBeUndefined();
  });
});
