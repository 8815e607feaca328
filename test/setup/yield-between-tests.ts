/**
 * Give the event loop a turn after every test.
 *
 * vitest's runner goes from one test to the next through promises only, so
 * a file of synchronous tests never lets its worker read the main process's
 * answers to the reports it sends (`onTaskUpdate`). After a minute without
 * an answer the run fails with "Timeout calling onTaskUpdate" although every
 * test passed, which happens on a loaded machine when a file's tests add up
 * to more than a minute. One `setImmediate` per test lets the answers in.
 */
import {afterEach} from 'vitest'

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)))
