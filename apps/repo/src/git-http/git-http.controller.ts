import { All, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response } from 'express';
import { checkAppGitCredential } from '@imad/git-credentials';
import { LOGGER, type Logger } from '@imad/observability';
import { runHttpBackend } from './http-backend';

export const GIT_HTTP_OPTIONS = Symbol('GIT_HTTP_OPTIONS');

export interface GitHttpOptions {
  reposDir: string;
  readSecret: string;
}

const REPO = /^([a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?)\.git$/;

/**
 * Git smart HTTP, read-only: `git clone`/`git fetch` of `/git/<app>.git` with the app's own
 * Basic credential (user = app, password = HMAC of the app; see @imad/git-credentials).
 * Pushes are refused with 403 before anything runs, dumb-protocol paths are 404.
 */
@Controller('git')
export class GitHttpController {
  constructor(
    @Inject(GIT_HTTP_OPTIONS) private readonly options: GitHttpOptions,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get(':repo/info/refs')
  async refs(@Param('repo') repo: string, @Req() req: Request, @Res() res: Response) {
    const service = req.query.service;
    if (service === 'git-receive-pack') return refusePush(res);
    if (service !== 'git-upload-pack') return void res.status(403).type('text/plain').send('only smart HTTP clone and fetch are served\n');
    await this.serve(repo, 'info/refs', req, res);
  }

  @Post(':repo/git-upload-pack')
  async uploadPack(@Param('repo') repo: string, @Req() req: Request, @Res() res: Response) {
    await this.serve(repo, 'git-upload-pack', req, res);
  }

  @Post(':repo/git-receive-pack')
  receivePack(@Res() res: Response) {
    refusePush(res);
  }

  @All('*rest')
  other(@Res() res: Response) {
    res.status(404).type('text/plain').send('not a smart-HTTP clone or fetch URL\n');
  }

  private async serve(repo: string, endpoint: string, req: Request, res: Response): Promise<void> {
    const app = REPO.exec(repo)?.[1];
    if (!app) return void res.status(404).type('text/plain').send('no such repository\n');
    const check = checkAppGitCredential(this.options.readSecret, app, req.headers.authorization);
    if (check === 'missing' || check === 'invalid') {
      this.logger.info({ app, check }, 'git clone refused: bad credential');
      return void res.status(401).setHeader('WWW-Authenticate', 'Basic realm="imad git", charset="UTF-8"').type('text/plain').send('credentials required\n');
    }
    if (check === 'other-app') {
      this.logger.warn({ app }, 'git clone refused: credential of another app');
      return void res.status(403).type('text/plain').send('this credential is not valid for this repository\n');
    }
    const gitDir = path.join(this.options.reposDir, `${app}.git`);
    if (!(await stat(path.join(gitDir, 'HEAD')).catch(() => undefined))) return void res.status(404).type('text/plain').send('no such repository\n');
    await runHttpBackend({ projectRoot: this.options.reposDir, pathInfo: `/${app}.git/${endpoint}`, req, res, logger: this.logger });
  }
}

function refusePush(res: Response): void {
  res.status(403).type('text/plain').send('pushing is not allowed here: save from the editor\n');
}
