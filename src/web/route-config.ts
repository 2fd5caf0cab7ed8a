import 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * This route takes writes even in an archive edition (comments, signing in, moderation).
     * Every other non-GET request to an archive answers ReadOnlyEdition (see app.ts).
     */
    acceptsWrites?: boolean;
  }
}
