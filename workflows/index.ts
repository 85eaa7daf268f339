// Everything the worker registers as a workflow type.
export { zaak } from './zaak';
export { bewaartermijn } from './bewaartermijn';
