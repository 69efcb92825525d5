import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RepoHistory, repoPathSchema } from '@imad/contracts';
import { z } from 'zod';
import { CurrentStudent } from '../../http/current-student.decorator';
import { ZodPipe } from '../../http/zod.pipe';
import { ErrorResponses, JsonResponse, QueryFrom, StudentRoute } from '../../openapi/schema';
import { RPC_CLIENT, type RpcPort } from '../../ports/rpc.port';
import type { Student } from '../../ports/session.port';
import { RPC_TIMEOUT_MS } from '../rpc-timeouts';

export const historyQuerySchema = z.strictObject({
  path: repoPathSchema.optional().meta({ description: 'Only commits that touched this file' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

@ApiTags('workspace')
@Controller('api/workspace/history')
export class HistoryHttpController {
  constructor(@Inject(RPC_CLIENT) private readonly repo: RpcPort) {}

  @Get()
  @ApiOperation({ summary: 'Commits of the workspace, newest first' })
  @StudentRoute()
  @QueryFrom(historyQuerySchema)
  @JsonResponse(200, 'Commits, newest first', RepoHistory.response)
  @ErrorResponses([400, 'REQUEST.INVALID (field path or limit)'], [404, 'REPO.NOT_FOUND'])
  history(@CurrentStudent() student: Student, @Query(new ZodPipe(historyQuerySchema, 'query')) query: z.infer<typeof historyQuerySchema>) {
    return this.repo.call(RepoHistory, { userId: student.userId, ...query }, { timeoutMs: RPC_TIMEOUT_MS.read });
  }
}
