import { Controller, Delete, HttpCode, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { noQuerySchema, ZodPipe } from '../../http/zod.pipe';
import { CurrentStudent } from '../../http/current-student.decorator';
import { ErrorResponses, JsonResponse, StateChangingRoute, StudentRoute } from '../../openapi/schema';
import type { Student } from '../../ports/session.port';
import { deployAcceptedSchema } from '../deploy-accepted.schema';
import { UndeployService } from './undeploy.service';

@ApiTags('deploys')
@Controller('api/app')
export class UndeployHttpController {
  constructor(@Inject(UndeployService) private readonly undeploys: UndeployService) {}

  @Delete()
  @HttpCode(202)
  @ApiOperation({ summary: "Take the student's app offline (phase removed when done)" })
  @StudentRoute()
  @StateChangingRoute()
  @JsonResponse(202, 'Undeploy queued, or coalesced with one in flight', deployAcceptedSchema)
  @ErrorResponses([429, 'DEPLOY.RATE_LIMITED (Retry-After header)'])
  undeploy(@CurrentStudent() student: Student, @Query(new ZodPipe(noQuerySchema, 'query')) _query: unknown) {
    return this.undeploys.undeploy(student);
  }
}
