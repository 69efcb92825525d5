import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { commitIdSchema, RepoDiff, repoPathSchema } from '@imad/contracts';
import { z } from 'zod';
import { CurrentStudent } from '../../http/current-student.decorator';
import { ZodPipe } from '../../http/zod.pipe';
import { ErrorResponses, JsonResponse, QueryFrom, StudentRoute } from '../../openapi/schema';
import { RPC_CLIENT, type RpcPort } from '../../ports/rpc.port';
import type { Student } from '../../ports/session.port';
import { RPC_TIMEOUT_MS } from '../rpc-timeouts';

export const diffQuerySchema = z.strictObject({
  from: commitIdSchema,
  to: commitIdSchema,
  path: repoPathSchema.optional().meta({ description: 'Only this file' }),
});

@ApiTags('workspace')
@Controller('api/workspace/diff')
export class DiffHttpController {
  constructor(@Inject(RPC_CLIENT) private readonly repo: RpcPort) {}

  @Get()
  @ApiOperation({ summary: 'Unified diff between two commits of the workspace' })
  @StudentRoute()
  @QueryFrom(diffQuerySchema)
  @JsonResponse(200, 'The diff (truncated: true when cut)', RepoDiff.response)
  @ErrorResponses([400, 'REQUEST.INVALID (field from, to or path)'], [404, 'REPO.NOT_FOUND: a commit is not in this workspace'])
  diff(@CurrentStudent() student: Student, @Query(new ZodPipe(diffQuerySchema, 'query')) query: z.infer<typeof diffQuerySchema>) {
    return this.repo.call(RepoDiff, { userId: student.userId, ...query }, { timeoutMs: RPC_TIMEOUT_MS.read });
  }
}
