import type { FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden } from '../../domain/errors.ts';
import { can, type Permission } from '../../domain/permissions.ts';
import type { UserRecord } from '../../services/auth-service.ts';
import { currentUser } from '../session.ts';
import type { SiteContext } from '../site-context.ts';
import { loginUrl } from '../urls.ts';
import type { WebDeps } from '../web-deps.ts';
import { seeOther } from './send-staff-page.ts';

/**
 * The signed-in user if they hold the permission. Anonymous: null, with a 303 to the sign-in page
 * already on its way (coming back here afterwards). Signed in without it: Forbidden (403). The
 * permission table in domain/permissions.ts decides; routes only name the permission.
 */
export async function staffWith(
  request: FastifyRequest, reply: FastifyReply, deps: WebDeps, ctx: SiteContext, permission: Permission, comeBackTo: string,
): Promise<UserRecord | null> {
  const user = await currentUser(request, deps);
  if (!user) {
    seeOther(reply, loginUrl(ctx, comeBackTo));
    return null;
  }
  if (!can(user.role, permission)) throw new Forbidden();
  return user;
}
