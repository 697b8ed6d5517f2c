// One language client at a time, with the resources made for it (file watchers): a restart stops
// the old client and disposes what belonged to it before the next one starts. The language client
// does not dispose the watchers handed to it in `synchronize.fileEvents`, so each restart used to
// leave two live watchers behind. Free of `vscode` imports so it can be tested in plain Node.

export interface Disposable {
  dispose(): unknown;
}

export interface Startable {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** `create` makes a client; what it passes to `own` is disposed when that client is stopped. */
export type ClientFactory<C extends Startable> = (own: <D extends Disposable>(resource: D) => D) => C;

export class ClientSession<C extends Startable> implements Disposable {
  private current?: { client: C; owned: Disposable[] };

  constructor(
    private readonly create: ClientFactory<C>,
    private readonly onStarted: (client: C) => void = () => undefined,
  ) {}

  get client(): C | undefined {
    return this.current?.client;
  }

  async start(): Promise<void> {
    // A client whose server already died may fail to stop; the new one starts all the same.
    await this.stop().catch(() => undefined);
    const owned: Disposable[] = [];
    const client = this.create((resource) => {
      owned.push(resource);
      return resource;
    });
    this.current = { client, owned };
    this.onStarted(client);
    await client.start();
  }

  /** Stops the client and disposes its resources, even when stopping fails (a server that already died). */
  async stop(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    try {
      await current.client.stop();
    } finally {
      for (const r of current.owned) r.dispose();
    }
  }

  dispose(): void {
    void this.stop();
  }
}
