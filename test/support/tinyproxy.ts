/**
 * A real HTTP proxy for tests: Debian's tinyproxy on 127.0.0.1 with a random port and a temp
 * config, logging every request line it forwards. Tests read the log to see which requests went
 * through it; tinyproxy writes a request's line before it connects upstream, so by the time the
 * client has its answer the line is in the log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestProxy {
  /** `http://127.0.0.1:PORT`: the value of HTTP_PROXY / HTTPS_PROXY. */
  url: string;
  /** The request lines the proxy saw so far: `GET http://127.0.0.1:1234/v2/ HTTP/1.1`. */
  requests(): Promise<string[]>;
  stop(): Promise<void>;
}

const PORT_ATTEMPTS = 5;

export async function startTinyproxy(): Promise<TestProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'scg-tinyproxy-'));
  const logFile = join(dir, 'tinyproxy.log');
  try {
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const config = [
        `Port ${port}`,
        'Listen 127.0.0.1',
        'Timeout 60',
        `LogFile "${logFile}"`,
        'LogLevel Connect',
        'MaxClients 50',
        'Allow 127.0.0.1',
        'DisableViaHeader Yes',
        // No ConnectPort lines: CONNECT to any port (the tests' servers are on random ones).
      ].join('\n');
      await writeFile(join(dir, 'tinyproxy.conf'), `${config}\n`);
      const child = spawn('tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
      const ready = await listening(port, child);
      if (ready) {
        return {
          url: `http://127.0.0.1:${port}`,
          requests: async () => {
            const text = await readFile(logFile, 'utf8').catch(() => '');
            return [...text.matchAll(/Request \(file descriptor \d+\): (.*)$/gm)].map((match) => match[1]!);
          },
          stop: async () => {
            await stopProcess(child);
            await rm(dir, { recursive: true, force: true });
          },
        };
      }
      // Another process took the port between our probe and tinyproxy's bind: pick another.
      if (attempt === PORT_ATTEMPTS) throw new Error('tinyproxy did not start (is it installed?)');
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Resolves true once the port accepts connections, false if tinyproxy exits first. */
function listening(port: number, child: ChildProcess): Promise<boolean> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: boolean) => {
      if (!done) {
        done = true;
        resolve(value);
      }
    };
    child.once('exit', () => finish(false));
    child.once('error', () => finish(false));
    const probe = () => {
      if (done) return;
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        finish(true);
      });
      socket.once('error', () => {
        socket.destroy();
        setTimeout(probe, 20);
      });
    };
    probe();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}
