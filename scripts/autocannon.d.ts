/** autocannon ships no types; the load driver uses only this much of it. */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  function autocannon(options: Record<string, unknown>): EventEmitter;
  export default autocannon;
}
