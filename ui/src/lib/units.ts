// Units of measure (واحد سنجش), in the order a unit select lists them: counted
// units first, then weight, length, area and volume. Names are in i18n `units`.
import type { Unit } from "./bindings/Unit";

export const UNITS = [
  "piece",
  "pair",
  "set",
  "carton",
  "kilogram",
  "ton",
  "meter",
  "square_meter",
  "litre",
] as const satisfies readonly Unit[];

// Fails to compile when bindings/Unit.ts gains a unit that UNITS lacks.
type Missing = Exclude<Unit, (typeof UNITS)[number]>;
const everyUnitListed: Missing extends never ? true : Missing = true;
void everyUnitListed;
