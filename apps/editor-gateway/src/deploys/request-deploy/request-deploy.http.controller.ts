import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStudent } from '../../http/current-student.decorator';
import { ZodPipe } from '../../http/zod.pipe';
import { ErrorResponses, JsonBody, JsonResponse, StateChangingRoute, StudentRoute } from '../../openapi/schema';
import type { Student } from '../../ports/session.port';
import { deployAcceptedSchema } from '../deploy-accepted.schema';
import { requestDeployBodySchema, type RequestDeployBody } from './request-deploy.schema';
import { RequestDeployService } from './request-deploy.service';

@ApiTags('deploys')
@Controller('api/deploys')
export class RequestDeployHttpController {
  constructor(@Inject(RequestDeployService) private readonly deploys: RequestDeployService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: "Deploy HEAD (or an earlier commit of the student's history); answers at once, status follows on /api/live" })
  @StudentRoute()
  @StateChangingRoute()
  @JsonBody(requestDeployBodySchema)
  @JsonResponse(202, 'Queued (confirmed by RabbitMQ), or coalesced with the same deploy in flight', deployAcceptedSchema)
  @ErrorResponses(
    [400, 'REQUEST.INVALID (field commit)'],
    [404, 'DEPLOY.COMMIT_NOT_FOUND (field commit), REPO.NOT_FOUND'],
    [429, 'DEPLOY.RATE_LIMITED (Retry-After header)'],
  )
  deploy(@CurrentStudent() student: Student, @Body(new ZodPipe(requestDeployBodySchema, 'body', { bodyOptional: true })) body: RequestDeployBody) {
    return this.deploys.deploy(student, body.commit);
  }
}
