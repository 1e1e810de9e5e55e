/** kubectl's table layout, shared with the describe sections in @wheelhouse/printers. */
export { formatTable, streamingTable } from '@wheelhouse/printers';
