/**
 * OAuth scopes imad asks GitHub for: `public_repo`, nothing else.
 *
 * - `repo` acts for the student to create their copy of the course template
 *   (`POST /repos/{template_owner}/{template_repo}/generate`) and to commit to it (git data
 *   API). For an OAuth app, writing to a user's *public* repositories takes `public_repo`;
 *   student repositories are public (the apps they hold are public web sites, and the
 *   template is public).
 * - Reading who signed in (`GET /user`) needs no scope; we do not need an e-mail address.
 * - Not asked for: `repo` (every private repository, read and write), `user`/`user:email`,
 *   `delete_repo`, and `workflow` — which GitHub requires to create or change files under
 *   `.github/workflows/`; add it here only if a course template ships workflows.
 *
 * Students can see exactly this on GitHub's consent screen; asking for less is what makes
 * them (and their universities) willing to press "Authorize".
 */
export const GITHUB_SCOPES = ['public_repo'] as const;

/** `repo` includes `public_repo`; anything else granted is ignored. */
export function hasRequiredScopes(granted: string[]): boolean {
  return granted.includes('public_repo') || granted.includes('repo');
}
