import { startProxy, stopProxy, switchProxy } from '../../proxy/local-proxy.js';
import { numberOption, stringOption, type Command, type CommandInput } from '../command.js';
import { UsageError } from '../usage-error.js';

function portAndTarget(input: CommandInput, command: string, usage: string): { port: number; to: string } {
  const port = numberOption(input, 'port');
  const to = stringOption(input, 'to');
  if (port === undefined) throw new UsageError(`${command}: --port is required`, usage);
  if (!to) throw new UsageError(`${command}: --to <clone> is required`, usage);
  return { port, to };
}

export const proxySwitch: Command = {
  words: ['proxy', 'switch'],
  summary: 'Point a running proxy port at another clone, without restarting anything',
  usage: 'dataclone proxy switch --port <port> --to <clone> [--json]',
  options: { port: { type: 'string', short: 'p' }, to: { type: 'string' } },
  async run(input, { host, reporter, print, json }) {
    const { port, to } = portAndTarget(input, 'proxy switch', this.usage);
    const { target, durationMs } = await switchProxy({ host, reporter, port, to });
    if (json) print(JSON.stringify({ port, clone: target.name, durationMs }, null, 2));
    return 0;
  },
};

export const proxyStop: Command = {
  words: ['proxy', 'stop'],
  summary: 'Stop the proxy on a port',
  usage: 'dataclone proxy stop --port <port>',
  options: { port: { type: 'string', short: 'p' } },
  async run(input, { host, reporter }) {
    const port = numberOption(input, 'port');
    if (port === undefined) throw new UsageError('proxy stop: --port is required', this.usage);
    await stopProxy(host, reporter, port);
    return 0;
  },
};

export const proxyStart: Command = {
  words: ['proxy'],
  summary: 'A stable port whose connections go to a clone (switch it as you switch branches)',
  usage: 'dataclone proxy --port <port> --to <clone> [--bind-address <ip>] [--json]',
  options: {
    port: { type: 'string', short: 'p' },
    to: { type: 'string' },
    'bind-address': { type: 'string' },
  },
  async run(input, { host, reporter, print, json }) {
    const { port, to } = portAndTarget(input, 'proxy', this.usage);
    const { target, durationMs } = await startProxy({
      host,
      reporter,
      port,
      to,
      bindAddress: stringOption(input, 'bind-address'),
    });
    if (json) print(JSON.stringify({ port, clone: target.name, durationMs }, null, 2));
    return 0;
  },
};
