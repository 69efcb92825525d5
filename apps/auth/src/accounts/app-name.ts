import { randomBytes } from 'node:crypto';
import { appNameSchema } from '@imad/contracts';

const MAX = 40; // appNameSchema: prefixed Kubernetes names must stay within 63 characters

/** Names that would shadow the platform's own hosts or mislead visitors; never given to a student. */
export const RESERVED_APP_NAMES = new Set([
  'www', 'api', 'admin', 'administrator', 'auth', 'login', 'logout', 'signin', 'signup', 'register', 'account', 'accounts',
  'app', 'apps', 'ide', 'editor', 'gateway', 'deployer', 'repo', 'git', 'static', 'assets', 'cdn', 'media', 'files',
  'mail', 'email', 'smtp', 'imap', 'pop', 'mx', 'ns', 'ns1', 'ns2', 'dns', 'ftp', 'ssh', 'vpn', 'proxy', 'router',
  'status', 'health', 'metrics', 'grafana', 'prometheus', 'kubernetes', 'k8s', 'dashboard', 'console', 'internal',
  'docs', 'help', 'support', 'blog', 'about', 'security', 'abuse', 'postmaster', 'hostmaster', 'webmaster',
  'root', 'system', 'localhost', 'imad', 'dev', 'test', 'staging', 'prod', 'null', 'undefined',
]);

/** The login as a DNS label: lower case, a-z 0-9 and single hyphens, no hyphen at either end. */
export function appNameBase(login: string): string {
  const base = login
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'app';
}

function fit(base: string, suffix: string): string {
  const head = base.slice(0, MAX - suffix.length).replace(/-+$/, '');
  return `${head || 'app'}${suffix}`;
}

/**
 * Names to try, in order, when an account is created: the login itself, then `-2` … `-9`,
 * then random suffixes. The account store claims the first free one atomically and keeps
 * it for good, so a student's app URL never changes.
 */
export function appNameCandidates(login: string): string[] {
  const base = appNameBase(login);
  const numbered = ['', ...Array.from({ length: 8 }, (_, i) => `-${i + 2}`)].map((s) => fit(base, s));
  const random = Array.from({ length: 3 }, () => fit(base, `-${randomBytes(3).toString('hex')}`));
  return [...new Set([...numbered, ...random])].filter((name) => !RESERVED_APP_NAMES.has(name) && appNameSchema.safeParse(name).success);
}
