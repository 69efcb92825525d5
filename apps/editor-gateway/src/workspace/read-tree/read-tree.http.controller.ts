import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RepoTree } from '@imad/contracts';
import { noQuerySchema, ZodPipe } from '../../http/zod.pipe';
import { CurrentStudent } from '../../http/current-student.decorator';
import { ErrorResponses, JsonResponse, StudentRoute } from '../../openapi/schema';
import { RPC_CLIENT, type RpcPort } from '../../ports/rpc.port';
import type { Student } from '../../ports/session.port';
import { RPC_TIMEOUT_MS } from '../rpc-timeouts';

@ApiTags('workspace')
@Controller('api/workspace/tree')
export class ReadTreeHttpController {
  constructor(@Inject(RPC_CLIENT) private readonly repo: RpcPort) {}

  @Get()
  @ApiOperation({ summary: "Every file in the student's workspace at HEAD" })
  @StudentRoute()
  @JsonResponse(200, 'HEAD and the files', RepoTree.response)
  @ErrorResponses([404, 'REPO.NOT_FOUND: no workspace yet'], [503, 'REPO.NOT_READY: the workspace is still being created'])
  tree(@CurrentStudent() student: Student, @Query(new ZodPipe(noQuerySchema, 'query')) _query: unknown) {
    return this.repo.call(RepoTree, { userId: student.userId }, { timeoutMs: RPC_TIMEOUT_MS.read });
  }
}
