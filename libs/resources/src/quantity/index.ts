export { type Quantity, type QuantityFormat, QUANTITY_FORMAT_ERROR } from './quantity.js';
export { parseQuantity, quantityFromNanos, isQuantity } from './parse-quantity.js';
export { quantityToMillis, quantityToBytes, compareQuantities } from './convert-quantity.js';
export { formatQuantity, canonicalQuantity } from './format-quantity.js';
