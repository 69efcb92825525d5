/**
 * The init containers' scripts. The credential arrives as a git config value through
 * the environment (GIT_CONFIG_COUNT/KEY/VALUE, git ≥ 2.31) from a Secret, so it is never
 * on a command line nor in the Deployment's spec.
 */
export const CLONE_SCRIPT = [
  'set -eu',
  'cd /workspace',
  'git init -q app && cd app',
  // A shallow fetch of one commit needs the server to allow it (protocol v2 does for
  // reachable commits); fall back to fetching everything.
  'git fetch -q --depth 1 "$CLONE_URL" "$COMMIT" 2>/dev/null || git fetch -q "$CLONE_URL"',
  'git -c advice.detachedHead=false checkout -q "$COMMIT"',
  'rm -rf .git',
  'echo "checked out $COMMIT"',
].join('\n');

/** Installs dependencies only when package.json declares some (the template has none). */
export const INSTALL_SCRIPT = [
  'set -eu',
  'cd /workspace/app',
  `if [ -f package.json ] && node -e "const p=require('./package.json');process.exit(Object.keys(p.dependencies||{}).length?0:1)"; then`,
  '  npm install --omit=dev --no-audit --no-fund --ignore-scripts',
  'else echo "no dependencies to install"; fi',
].join('\n');
