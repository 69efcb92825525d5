import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RepoRead } from '@imad/contracts';
import type { z } from 'zod';
import { CurrentStudent } from '../../http/current-student.decorator';
import { ZodPipe } from '../../http/zod.pipe';
import { ErrorResponses, JsonResponse, QueryFrom, StudentRoute } from '../../openapi/schema';
import { RPC_CLIENT, type RpcPort } from '../../ports/rpc.port';
import type { Student } from '../../ports/session.port';
import { RPC_TIMEOUT_MS } from '../rpc-timeouts';
import { fileBodySchema, readFileQuerySchema } from './read-file.schema';

@ApiTags('workspace')
@Controller('api/workspace/file')
export class ReadFileHttpController {
  constructor(@Inject(RPC_CLIENT) private readonly repo: RpcPort) {}

  @Get()
  @ApiOperation({ summary: 'One file of the workspace (binary files base64-encoded)' })
  @StudentRoute()
  @QueryFrom(readFileQuerySchema)
  @JsonResponse(200, 'The file', fileBodySchema)
  @ErrorResponses([400, 'REQUEST.INVALID (field path or commit)'], [404, 'REPO.NOT_FOUND: no such file or commit in this workspace'])
  async read(
    @CurrentStudent() student: Student,
    @Query(new ZodPipe(readFileQuerySchema, 'query')) query: z.infer<typeof readFileQuerySchema>,
  ): Promise<z.infer<typeof fileBodySchema>> {
    const file = await this.repo.call(RepoRead, { userId: student.userId, ...query }, { timeoutMs: RPC_TIMEOUT_MS.read });
    return { path: file.path, content: file.content, encoding: file.encoding, binary: file.binary, blobId: file.blobId, size: file.size };
  }
}
