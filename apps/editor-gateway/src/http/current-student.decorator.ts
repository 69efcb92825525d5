import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Student } from '../ports/session.port';
import type { StudentRequest } from './session.guard';

/** The student the SessionGuard resolved; the only source of user and app ids in a route. */
export const CurrentStudent = createParamDecorator((_data: unknown, context: ExecutionContext): Student => {
  const student = context.switchToHttp().getRequest<StudentRequest>().student;
  // The guard runs before every /api handler; reaching here without one is a wiring bug.
  if (!student) throw new Error('CurrentStudent used on a route the SessionGuard did not cover');
  return student;
});
