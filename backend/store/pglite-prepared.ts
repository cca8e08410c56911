import { type PGlite, parse, protocol, type QueryOptions, type Results } from '@electric-sql/pglite';

/**
 * PGlite runs every `query` as six exchanges with its WebAssembly PostgreSQL (parse, describe,
 * bind, describe, execute, sync), and PostgreSQL parses and plans the text each time. For the
 * statements of the webhook-to-agent path that was most of the backend's CPU: a routing or
 * completion statement cost ~1.8 ms, of which ~1.5 ms went to parsing, planning and the exchanges.
 *
 * This keeps the statements it has seen twice as named prepared statements of the one PGlite
 * session (most recently used first, at most `capacity`, closed when dropped), and runs them as
 * one exchange: bind, describe, execute, sync. A text seen once is run as PGlite runs it, so
 * statements built with varying lists (IN lists, multi-row VALUES) do not crowd out the others.
 * PostgreSQL re-plans a prepared statement by itself when a table it reads changes (DDL).
 */
export interface PreparedCache {
  /** Statements prepared now. */
  readonly size: number;
}

interface Statement {
  name: string;
  paramTypes: number[];
}

interface Internals {
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  _checkReady(): Promise<void>;
  serializers: Record<number, (value: unknown) => string>;
  parsers: Record<number, (value: string, typeId?: number) => unknown>;
}

type Query = <T>(text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<T>>;

const { serialize } = protocol;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Patches `client.query` (and the `query` of every transaction it opens) to use prepared
 * statements. Options PGlite's own path handles and this one does not (blobs, parameter types)
 * go the original way.
 */
export function usePreparedStatements(client: PGlite, capacity = 200): PreparedCache {
  const existing = caches.get(client);
  if (existing) return existing;
  const internals = client as unknown as Internals;
  const seen = new Map<string, number>(); // texts run once, bounded like the statements
  const statements = new Map<string, Statement>(); // text → statement, least recently used first
  let counter = 0;
  const exchange = (message: Uint8Array) => client.execProtocolStream(message, { syncToFs: false } as never);

  async function statementFor(text: string): Promise<Statement | null> {
    const known = statements.get(text);
    if (known) {
      statements.delete(text);
      statements.set(text, known);
      return known;
    }
    if (!seen.has(text)) {
      seen.set(text, 1);
      if (seen.size > capacity * 4) seen.delete(seen.keys().next().value as string);
      return null;
    }
    seen.delete(text);
    const name = `pd${++counter}`;
    const described = await exchange(
      concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]),
    );
    const statement = { name, paramTypes: parse.parseDescribeStatementResults(described) };
    statements.set(text, statement);
    if (statements.size > capacity) {
      const [oldText, old] = statements.entries().next().value as [string, Statement];
      statements.delete(oldText);
      await exchange(concat([serialize.close({ type: 'S', name: old.name }), serialize.sync()]));
    }
    return statement;
  }

  /** Runs `text` prepared; null when it is not (yet) worth preparing. Inside the query lock. */
  async function runPrepared<T>(
    text: string,
    params: unknown[],
    options: QueryOptions | undefined,
  ): Promise<Results<T> | null> {
    const statement = await statementFor(text);
    if (!statement) return null;
    const values = params.map((value, n) => {
      if (value === null || value === undefined) return null;
      const type = statement.paramTypes[n];
      const serializer =
        (type !== undefined && (options?.serializers?.[type] ?? internals.serializers[type])) || undefined;
      return serializer ? serializer(value) : String(value);
    });
    const messages = await exchange(
      concat([
        serialize.bind({ statement: statement.name, values: values as string[] }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]),
    );
    return parse.parseResults(messages, internals.parsers, options)[0] as Results<T>;
  }

  const plain = (options: QueryOptions | undefined) =>
    !options || (options.blob === undefined && options.paramTypes === undefined);

  /** A query inside the caller's transaction (or at the top when `root`). */
  const wrap = (original: Query, root: boolean): Query =>
    async function query<T>(text: string, params: unknown[] = [], options?: QueryOptions) {
      if (!plain(options)) return original<T>(text, params, options);
      const run = () =>
        internals._runExclusiveQuery(async () => {
          const result = await runPrepared<T>(text, params, options);
          if (result && root) await client.syncToFs();
          return result;
        });
      if (root) await internals._checkReady();
      const result = root ? await internals._runExclusiveTransaction(run) : await run();
      return result ?? original<T>(text, params, options);
    };

  const originalQuery = client.query.bind(client) as Query;
  client.query = wrap(originalQuery, true) as PGlite['query'];
  const originalTransaction = client.transaction.bind(client);
  client.transaction = ((fn: (tx: { query: Query }) => Promise<unknown>) =>
    originalTransaction((tx) => {
      const inner = tx as unknown as { query: Query };
      inner.query = wrap(inner.query.bind(inner), false);
      return fn(inner);
    })) as PGlite['transaction'];
  const cache = {
    get size() {
      return statements.size;
    },
  };
  caches.set(client, cache);
  return cache;
}

const caches = new WeakMap<PGlite, PreparedCache>();
