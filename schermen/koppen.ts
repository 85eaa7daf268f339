// What every page of kring sends along: its own style sheets only, forms that post only
// here, nothing loaded from elsewhere or framed.
import type { RequestHandler } from 'express';

export const paginakoppen: RequestHandler = (_req, res, next) => {
  res.set(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  next();
};
