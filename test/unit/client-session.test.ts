// The client session across restarts: each restart stops the old client and disposes the file
// watchers made for it, so restarting never leaves watchers behind (the leak of issue 10).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientSession } from '../../client/src/session';

class FakeWatcher {
  disposed = false;
  dispose(): void {
    this.disposed = true;
  }
}

class FakeClient {
  running = false;
  constructor(readonly failStop = false) {}
  start(): Promise<void> {
    this.running = true;
    return Promise.resolve();
  }
  stop(): Promise<void> {
    this.running = false;
    return this.failStop ? Promise.reject(new Error('server already gone')) : Promise.resolve();
  }
}

function harness(failStop = false) {
  const watchers: FakeWatcher[] = [];
  const clients: FakeClient[] = [];
  const session = new ClientSession((own) => {
    watchers.push(own(new FakeWatcher()), own(new FakeWatcher()));
    const client = new FakeClient(failStop);
    clients.push(client);
    return client;
  });
  const live = (): number => watchers.filter((w) => !w.disposed).length;
  return { session, watchers, clients, live };
}

test('restarting five times leaves the watchers of one client alive', async () => {
  const h = harness();
  await h.session.start();
  for (let i = 0; i < 5; i++) await h.session.start();
  assert.equal(h.watchers.length, 12, 'each client made its two watchers');
  assert.equal(h.live(), 2);
  assert.deepEqual(
    h.clients.map((c) => c.running),
    [false, false, false, false, false, true],
  );
  await h.session.stop();
  assert.equal(h.live(), 0, 'stopping the extension disposes the last ones too');
});

test('a client that fails to stop still has its watchers disposed, and the restart goes on', async () => {
  const h = harness(true);
  await h.session.start();
  await h.session.start();
  assert.equal(h.live(), 2);
  assert.equal(h.clients[1].running, true);
  await assert.rejects(h.session.stop(), /already gone/);
  assert.equal(h.live(), 0);
});
