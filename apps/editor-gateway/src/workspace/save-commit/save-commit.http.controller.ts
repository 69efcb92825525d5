import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStudent } from '../../http/current-student.decorator';
import { ZodPipe } from '../../http/zod.pipe';
import { ErrorResponses, JsonBody, JsonResponse, StateChangingRoute, StudentRoute } from '../../openapi/schema';
import type { Student } from '../../ports/session.port';
import { commitResultSchema, saveCommitBodySchema, type SaveCommitBody } from './save-commit.schema';
import { SaveCommitService } from './save-commit.service';

@ApiTags('workspace')
@Controller('api/workspace/commits')
export class SaveCommitHttpController {
  constructor(@Inject(SaveCommitService) private readonly saves: SaveCommitService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Save: commit several file changes at once' })
  @StudentRoute()
  @StateChangingRoute()
  @JsonBody(saveCommitBodySchema)
  @JsonResponse(201, 'The new commit (or unchanged: true)', commitResultSchema)
  @ErrorResponses(
    [400, 'REQUEST.INVALID (field named), REPO.INVALID_PATH, REPO.INVALID_CHANGE'],
    [409, 'REPO.CONFLICT: details { head, files: [{ path, base?, theirs? }] }'],
    [413, 'REQUEST.TOO_LARGE / REPO.TOO_LARGE'],
    [429, 'SAVE.RATE_LIMITED (Retry-After header)'],
  )
  save(@CurrentStudent() student: Student, @Body(new ZodPipe(saveCommitBodySchema, 'body')) body: SaveCommitBody) {
    return this.saves.save(student, body);
  }
}
