/**
 * V8 options every server process starts with: `npm start` (one process or each worker) and
 * bench:load, which measures what `npm start` serves.
 *
 * --max-semi-space-size=32 (MB; Node's default is 16): the young generation, where a request's
 * short-lived objects are born. A view of the funder's list allocates about 4 MB, so at 20
 * concurrent views the default young generation filled every few dozen milliseconds, while
 * those views were still in flight: their objects were copied by each collection and then moved
 * to the old generation, to be collected again there. Twice the room lets most of them die
 * young. The cost is at most 48 MB more memory per process. Measured in
 * docs/decisions/013-throughput.md (round seven).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32']
