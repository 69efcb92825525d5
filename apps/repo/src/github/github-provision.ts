import type { Logger } from '@imad/observability';
import { RepoErrors } from '../core/repo-errors';
import { fromGitHub, statusOf } from './github-errors';
import type { GitHubClient } from './octokit-factory';

export interface ProvisionedRepo {
  fullName: string;
  defaultBranch: string;
  head: string;
  cloneUrl: string;
}

export interface ProvisionOptions {
  template: { owner: string; repo: string };
  /** How long to wait for GitHub to finish creating the repository (forks are asynchronous). */
  readyTimeoutMs: number;
  pollIntervalMs: number;
  logger: Logger;
}

type RepoData = { full_name: string; default_branch: string; clone_url: string; template_repository?: { full_name: string } | null; parent?: { full_name: string } | null };

/**
 * The student's copy of the course template in their own account, named after their app.
 * Generated from the template if it is a template repository (a fresh history, no fork
 * network), forked otherwise. Idempotent: an existing copy is reused, a concurrent creation
 * (422 "name already exists") is treated as done, and in every case we wait until the
 * branch really has a commit — GitHub answers before it has finished copying.
 */
export async function provisionOnGitHub(octokit: GitHubClient, login: string, appName: string, options: ProvisionOptions): Promise<ProvisionedRepo> {
  const { owner: tOwner, repo: tRepo } = options.template;
  let repo = await findRepo(octokit, login, appName);
  if (!repo) {
    const template = await octokit.rest.repos.get({ owner: tOwner, repo: tRepo }).catch((error) => {
      throw fromGitHub(error, `read the course template ${tOwner}/${tRepo}`);
    });
    try {
      repo = template.data.is_template
        ? (await octokit.rest.repos.createUsingTemplate({ template_owner: tOwner, template_repo: tRepo, owner: login, name: appName, description: 'My web app (imad course)', private: false })).data
        : (await octokit.rest.repos.createFork({ owner: tOwner, repo: tRepo, name: appName, default_branch_only: true })).data;
      options.logger.info({ repository: repo.full_name, mode: template.data.is_template ? 'generate' : 'fork' }, 'GitHub repository creation requested');
    } catch (error) {
      if (statusOf(error) !== 422) throw fromGitHub(error, `create ${login}/${appName} from ${tOwner}/${tRepo}`);
      // Someone (a concurrent provision, or the student) made it first: use it if it is a copy of ours.
      repo = await findRepo(octokit, login, appName);
      if (!repo) throw fromGitHub(error, `create ${login}/${appName} from ${tOwner}/${tRepo}`);
    }
  }
  assertCopyOfTemplate(repo, `${tOwner}/${tRepo}`);
  const head = await waitForBranch(octokit, repo, options);
  return { fullName: repo.full_name, defaultBranch: repo.default_branch, head, cloneUrl: repo.clone_url };
}

async function findRepo(octokit: GitHubClient, owner: string, repo: string): Promise<RepoData | undefined> {
  try {
    return (await octokit.rest.repos.get({ owner, repo })).data as RepoData;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw fromGitHub(error, `look for ${owner}/${repo}`);
  }
}

/** Never adopt a student's unrelated repository that happens to have the app's name. */
function assertCopyOfTemplate(repo: RepoData, template: string): void {
  const source = repo.template_repository?.full_name ?? repo.parent?.full_name;
  if (source !== undefined && source.toLowerCase() === template.toLowerCase()) return;
  // A repository GitHub is still generating may not name its template yet; only a named, different source is refused.
  if (source === undefined && repo.template_repository === undefined && repo.parent === undefined) return;
  throw RepoErrors.githubRejected(`a repository named ${repo.full_name} already exists in your GitHub account and is not a copy of the course template; rename or delete it`, {
    repository: repo.full_name,
  });
}

async function waitForBranch(octokit: GitHubClient, repo: RepoData, options: ProvisionOptions): Promise<string> {
  const [owner, name] = repo.full_name.split('/');
  const deadline = Date.now() + options.readyTimeoutMs;
  let wait = options.pollIntervalMs;
  for (;;) {
    try {
      const { data } = await octokit.rest.git.getRef({ owner, repo: name, ref: `heads/${repo.default_branch}` });
      return data.object.sha;
    } catch (error) {
      // 404 (no branch yet) and 409 ("Git Repository is empty") both mean: still being copied.
      if (statusOf(error) !== 404 && statusOf(error) !== 409) throw fromGitHub(error, `check ${repo.full_name}`);
    }
    if (Date.now() + wait > deadline) {
      throw RepoErrors.upstreamUnavailable(`GitHub has not finished creating ${repo.full_name} yet; try again in a minute`, { repository: repo.full_name });
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 5000);
  }
}
