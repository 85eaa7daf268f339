// Limits on failed sign-ins, per address and per account, with express-rate-limit. The counts
// live in the database so that every API process behind a load balancer sees the same ones.
import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { Request, Response } from 'express';
import { ipKeyGenerator, rateLimit, type Options, type RateLimitRequestHandler, type Store } from 'express-rate-limit';

/**
 * express-rate-limit's store on the `aanmeldteller` table: a fixed window per key, counted in
 * one statement so that two processes counting at once both count. Written here because the
 * kept PostgreSQL stores talk to `pg` themselves, which the embedded database cannot serve.
 * Keys are an HMAC under kring's secret: the table holds no address, and no guessable hash of
 * one. Time is the database's own (`now()`, timestamptz), whatever its time zone.
 */
export class Databaseteller implements Store {
  private vensterMs = 60_000;
  private laatsteOpruiming = 0;

  constructor(
    private readonly prisma: Pick<PrismaClient, '$queryRaw' | 'aanmeldteller'>,
    readonly prefix: string,
    private readonly geheim: Buffer,
  ) {}

  init(options: Options): void {
    this.vensterMs = options.windowMs;
  }

  private sleutel(key: string): string {
    return crypto.createHmac('sha256', this.geheim).update(`${this.prefix}:${key}`).digest('base64url');
  }

  async get(key: string) {
    const rij = await this.prisma.aanmeldteller.findUnique({ where: { sleutel: this.sleutel(key) } });
    return rij && rij.totOp.getTime() > Date.now() ? { totalHits: rij.aantal, resetTime: rij.totOp } : undefined;
  }

  async increment(key: string) {
    await this.opruimen();
    // The end as epoch milliseconds: a raw timestamptz comes back read as UTC, whatever its offset.
    const [rij] = await this.prisma.$queryRaw<Array<{ aantal: number; totOpMs: number }>>`
      INSERT INTO aanmeldteller (sleutel, aantal, "totOp")
      VALUES (${this.sleutel(key)}, 1, now() + make_interval(secs => ${this.vensterMs / 1000}))
      ON CONFLICT (sleutel) DO UPDATE SET
        aantal = CASE WHEN aanmeldteller."totOp" <= now() THEN 1 ELSE aanmeldteller.aantal + 1 END,
        "totOp" = CASE WHEN aanmeldteller."totOp" <= now() THEN EXCLUDED."totOp" ELSE aanmeldteller."totOp" END
      RETURNING aantal, (extract(epoch FROM "totOp") * 1000)::float8 AS "totOpMs"`;
    return { totalHits: rij!.aantal, resetTime: new Date(rij!.totOpMs) };
  }

  async decrement(key: string): Promise<void> {
    await this.prisma.aanmeldteller.updateMany({
      where: { sleutel: this.sleutel(key), aantal: { gt: 0 } },
      data: { aantal: { decrement: 1 } },
    });
  }

  async resetKey(key: string): Promise<void> {
    await this.prisma.aanmeldteller.deleteMany({ where: { sleutel: this.sleutel(key) } });
  }

  /** Windows that ended an hour ago, at most once a minute per process. */
  private async opruimen(): Promise<void> {
    if (Date.now() - this.laatsteOpruiming < 60_000) return;
    this.laatsteOpruiming = Date.now();
    await this.prisma.aanmeldteller.deleteMany({ where: { totOp: { lt: new Date(Date.now() - 3_600_000) } } });
  }
}

/** What `tel` found: within the limit, or the seconds until the key may try again. */
export type Uitkomst = { binnen: true } | { binnen: false; wachtSeconden: number };

/**
 * Counts attempts per key (an address or an account) in a window; the one past `max` and every
 * one after it in the window are over the limit.
 */
export class Aanmeldlimiet {
  private readonly limiter: RateLimitRequestHandler;

  constructor(prisma: PrismaClient, geheim: Buffer, naam: string, max: number, vensterMs: number) {
    this.limiter = rateLimit({
      windowMs: vensterMs,
      limit: max,
      store: new Databaseteller(prisma, naam, geheim),
      // No RateLimit headers: which limits count a request would tell whether an account exists.
      // The refusal itself says when to try again (Retry-After).
      standardHeaders: false,
      legacyHeaders: false,
      identifier: naam,
      keyGenerator: (_req, res) => (res.locals.aanmeldlimietSleutel as string | undefined) ?? 'onbekend',
      // The caller answers: an API problem, or a page.
      handler: (_req, res) => void (res.locals.aanmeldlimietOver = true),
      // A database that does not answer refuses the attempt rather than letting it through uncounted.
      passOnStoreError: false,
      validate: { keyGeneratorIpFallback: false },
    });
  }

  async tel(req: Request, res: Response, sleutel: string): Promise<Uitkomst> {
    res.locals.aanmeldlimietSleutel = sleutel;
    res.locals.aanmeldlimietOver = false;
    // The middleware calls next() within the limit, and only the handler above past it.
    await new Promise<void>((resolve, reject) => {
      const klaar = this.limiter(req, res, (err?: unknown) => (err ? reject(err) : resolve())) as unknown;
      void Promise.resolve(klaar).then(() => resolve(), reject);
    });
    if (!res.locals.aanmeldlimietOver) return { binnen: true };
    const info = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit;
    const reset = info?.resetTime?.getTime() ?? Date.now() + 60_000;
    return { binnen: false, wachtSeconden: Math.max(1, Math.ceil((reset - Date.now()) / 1000)) };
  }
}

/** The caller's address as a key: IPv6 by its /56, so one household cannot dodge with its prefix. */
export function adresSleutel(req: Request): string {
  return ipKeyGenerator(req.ip ?? 'onbekend');
}
