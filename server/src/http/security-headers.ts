/**
 * Headers every response carries (issue 16): no MIME sniffing, never framed (clickjacking of the
 * merchant desk's 确认核销), no referrer leaking a voucher id, and HSTS when the request came over
 * TLS (directly, or per X-Forwarded-Proto from a trusted proxy, TRUST_PROXY_HOPS). Set by hand:
 * helmet's default Content-Security-Policy would have to be undone for the H5 build and /docs.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'

const HSTS_MAX_AGE_SECONDS = 180 * 24 * 3600

export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('content-security-policy', "frame-ancestors 'none'")
    .header('referrer-policy', 'no-referrer')
  if (request.protocol === 'https') void reply.header('strict-transport-security', `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`)
}
