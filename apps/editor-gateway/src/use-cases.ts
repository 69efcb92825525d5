import type { Provider, Type } from '@nestjs/common';
import { ReadLogsHttpController } from './app-logs/read-logs/read-logs.http.controller';
import { ReadLogsService } from './app-logs/read-logs/read-logs.service';
import { DeployEnqueuer } from './deploys/deploy-enqueuer';
import { ListDeploysHttpController } from './deploys/list-deploys/list-deploys.http.controller';
import { RequestDeployHttpController } from './deploys/request-deploy/request-deploy.http.controller';
import { RequestDeployService } from './deploys/request-deploy/request-deploy.service';
import { UndeployHttpController } from './deploys/undeploy/undeploy.http.controller';
import { UndeployService } from './deploys/undeploy/undeploy.service';
import { LiveServer } from './live/live.server';
import { GetMeHttpController } from './me/get-me.http.controller';
import { SaveBudget } from './rate-limit/save-budget';
import { DiffHttpController } from './workspace/diff/diff.http.controller';
import { HistoryHttpController } from './workspace/history/history.http.controller';
import { ReadFileHttpController } from './workspace/read-file/read-file.http.controller';
import { ReadTreeHttpController } from './workspace/read-tree/read-tree.http.controller';
import { RevertHttpController } from './workspace/revert/revert.http.controller';
import { RevertService } from './workspace/revert/revert.service';
import { SaveCommitHttpController } from './workspace/save-commit/save-commit.http.controller';
import { SaveCommitService } from './workspace/save-commit/save-commit.service';

/** One controller per route (thin: validate, hand on), grouped by use case folder. */
export const controllers: Type<unknown>[] = [
  GetMeHttpController,
  ReadTreeHttpController,
  ReadFileHttpController,
  SaveCommitHttpController,
  HistoryHttpController,
  DiffHttpController,
  RevertHttpController,
  RequestDeployHttpController,
  ListDeploysHttpController,
  UndeployHttpController,
  ReadLogsHttpController,
];

/** The use cases behind them, and the live socket server. */
export const useCaseProviders: Provider[] = [
  SaveBudget,
  SaveCommitService,
  RevertService,
  DeployEnqueuer,
  RequestDeployService,
  UndeployService,
  ReadLogsService,
  LiveServer,
];
