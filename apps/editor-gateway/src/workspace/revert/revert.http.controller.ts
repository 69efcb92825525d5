import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStudent } from '../../http/current-student.decorator';
import { ZodPipe } from '../../http/zod.pipe';
import { ErrorResponses, JsonBody, JsonResponse, StateChangingRoute, StudentRoute } from '../../openapi/schema';
import type { Student } from '../../ports/session.port';
import { commitResultSchema } from '../save-commit/save-commit.schema';
import { revertBodySchema, type RevertBody } from './revert.schema';
import { RevertService } from './revert.service';

@ApiTags('workspace')
@Controller('api/workspace/revert')
export class RevertHttpController {
  constructor(@Inject(RevertService) private readonly reverts: RevertService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: "Restore the workspace to an earlier commit's files, as a new commit" })
  @StudentRoute()
  @StateChangingRoute()
  @JsonBody(revertBodySchema)
  @JsonResponse(201, 'The new commit', commitResultSchema)
  @ErrorResponses(
    [400, 'REQUEST.INVALID (field commit or baseCommit)'],
    [404, 'REPO.NOT_FOUND: the commit is not in this workspace'],
    [409, 'REPO.CONFLICT'],
    [429, 'SAVE.RATE_LIMITED (Retry-After header)'],
  )
  revert(@CurrentStudent() student: Student, @Body(new ZodPipe(revertBodySchema, 'body')) body: RevertBody) {
    return this.reverts.revert(student, body);
  }
}
