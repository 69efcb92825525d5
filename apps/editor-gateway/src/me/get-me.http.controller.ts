import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { appUrl, type Config } from '../config';
import { APP_CONFIG } from '../config.token';
import { noQuerySchema, ZodPipe } from '../http/zod.pipe';
import { CurrentStudent } from '../http/current-student.decorator';
import { JsonResponse, StudentRoute } from '../openapi/schema';
import type { Student } from '../ports/session.port';

export const meSchema = z.object({ userId: z.string(), login: z.string(), appName: z.string(), appUrl: z.string().url() });

@ApiTags('me')
@Controller('api/me')
export class GetMeHttpController {
  constructor(@Inject(APP_CONFIG) private readonly config: Config) {}

  @Get()
  @ApiOperation({ summary: 'Who is signed in, their app and its link' })
  @StudentRoute()
  @JsonResponse(200, 'The signed-in student', meSchema)
  me(@CurrentStudent() student: Student, @Query(new ZodPipe(noQuerySchema, 'query')) _query: unknown): z.infer<typeof meSchema> {
    return { userId: student.userId, login: student.login, appName: student.appName, appUrl: appUrl(this.config, student.appName) };
  }
}
