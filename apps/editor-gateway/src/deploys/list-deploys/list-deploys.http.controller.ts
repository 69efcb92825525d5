import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { deployStatusSchema } from '@imad/contracts';
import { z } from 'zod';
import { CurrentStudent } from '../../http/current-student.decorator';
import { ZodPipe } from '../../http/zod.pipe';
import { ErrorResponses, JsonResponse, QueryFrom, StudentRoute } from '../../openapi/schema';
import type { Student } from '../../ports/session.port';
import { STATUS_STORE, type StatusPort } from '../../ports/status.port';

export const listDeploysQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) });

export const deploysSchema = z.object({
  current: deployStatusSchema.nullable(),
  history: z.array(deployStatusSchema).meta({ description: 'Status transitions, newest first' }),
});

@ApiTags('deploys')
@Controller('api/deploys')
export class ListDeploysHttpController {
  constructor(@Inject(STATUS_STORE) private readonly status: StatusPort) {}

  @Get()
  @ApiOperation({ summary: "The app's current deploy status and its recent transitions" })
  @StudentRoute()
  @QueryFrom(listDeploysQuerySchema)
  @JsonResponse(200, 'Current status (null before the first deploy) and history', deploysSchema)
  @ErrorResponses([400, 'REQUEST.INVALID (field limit)'])
  async list(
    @CurrentStudent() student: Student,
    @Query(new ZodPipe(listDeploysQuerySchema, 'query')) query: z.infer<typeof listDeploysQuerySchema>,
  ): Promise<z.infer<typeof deploysSchema>> {
    const [current, history] = await Promise.all([this.status.current(student.appName), this.status.history(student.appName, query.limit)]);
    return { current: current ?? null, history };
  }
}
