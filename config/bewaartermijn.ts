// How long a closed case is kept before it is anonymised: the default and the bounds, for
// BEWAARTERMIJN_DAGEN and a region's own period alike.
export const STANDAARD_BEWAARTERMIJN_DAGEN = 730;
export const KORTSTE_BEWAARTERMIJN_DAGEN = 30;
export const LANGSTE_BEWAARTERMIJN_DAGEN = 36_500;
