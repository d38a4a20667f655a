/**
 * Parameterised SQL on the same connections as Prisma, for the few statements of the copying hot path that run
 * once per batch of followers. Through Prisma each of them paid for serialising every array parameter and for
 * its query engine, about a tenth of the worker's CPU in the fan-out benchmark; everything else uses Prisma.
 *
 * Values come back as the driver parses them: numeric as string, integers as numbers. Hot-path statements
 * return no timestamps (pg would read `timestamp without time zone` in the process's time zone).
 */
export interface Sql {
  query<T>(text: string, values: readonly unknown[]): Promise<T[]>;
}
