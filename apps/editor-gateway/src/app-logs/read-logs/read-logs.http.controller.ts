import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { appLogLineSchema } from '@imad/contracts';
import { z } from 'zod';
import { CurrentStudent } from '../../http/current-student.decorator';
import { ZodPipe } from '../../http/zod.pipe';
import { ErrorResponses, JsonResponse, QueryFrom, StudentRoute } from '../../openapi/schema';
import type { Student } from '../../ports/session.port';
import { ReadLogsService } from './read-logs.service';

export const readLogsQuerySchema = z.strictObject({ tail: z.coerce.number().int().min(1).max(1000).default(200) });
export const logsSchema = z.object({ lines: z.array(appLogLineSchema).meta({ description: 'Oldest first' }) });

@ApiTags('app')
@Controller('api/app/logs')
export class ReadLogsHttpController {
  constructor(@Inject(ReadLogsService) private readonly logs: ReadLogsService) {}

  @Get()
  @ApiOperation({ summary: "The last lines of the student's app output (live lines follow on /api/live)" })
  @StudentRoute()
  @QueryFrom(readLogsQuerySchema)
  @JsonResponse(200, 'Log lines, oldest first', logsSchema)
  @ErrorResponses([400, 'REQUEST.INVALID (field tail)'])
  async read(@CurrentStudent() student: Student, @Query(new ZodPipe(readLogsQuerySchema, 'query')) query: z.infer<typeof readLogsQuerySchema>) {
    return { lines: await this.logs.tail(student.appName, query.tail) };
  }
}
