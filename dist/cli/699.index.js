export const id = 699;
export const ids = [699];
export const modules = {

/***/ 99699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  proxyStart: () => (/* binding */ proxyStart),
  proxyStop: () => (/* binding */ proxyStop),
  proxySwitch: () => (/* binding */ proxySwitch)
});

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./src/clones/create-clone.ts
var create_clone = __webpack_require__(73720);
// EXTERNAL MODULE: ./src/clones/read-clone.ts
var read_clone = __webpack_require__(74280);
// EXTERNAL MODULE: ./src/docker/labels.ts
var labels = __webpack_require__(20065);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/random.ts
var random = __webpack_require__(38640);
// EXTERNAL MODULE: ./src/engines/index.ts
var engines = __webpack_require__(56599);
;// CONCATENATED MODULE: ./src/proxy/proxy-script.ts
/**
 * The stable local port of `dataclone proxy`: a TCP forwarder on the Docker host's network that
 * sends each new connection to a clone's published port. Two ways to switch it, neither
 * restarting anything, both ending the old target's sessions: a line `<token> <host>:<port>` on
 * its control port (127.0.0.1 of the Docker host: a few milliseconds), or a new target file in
 * its container and SIGHUP (for a remote Docker host; the copy takes over 100 ms). Perl with core
 * modules only, run from the target clone's data image, which has it (Debian and Ubuntu do).
 */
const TARGET_FILE_DIRECTORY = '/tmp';
const TARGET_FILE_NAME = 'dataclone-proxy-target';
const PROXY_LISTENING = 'dataclone-proxy: listening';
/**
 * The control token reaches the proxy in a hand-over file that it reads and removes before it
 * listens: never on its command line, and not in its environment, which /proc/<pid>/environ
 * shows to the proxy's user for as long as it runs (deleting it from %ENV does not erase it
 * there). dataclone keeps its own copy in a file only root can read (PROXY_TOKEN_RECORD_FILE).
 */
const PROXY_TOKEN_HANDOVER_FILE = '/tmp/dataclone-proxy-handover/token';
const PROXY_TOKEN_RECORD_FILE = '/var/lib/dataclone-proxy/token';
function switchableProxyCommand(bindAddress, port, target, controlPort) {
    return [
        'perl',
        '-e',
        SCRIPT,
        bindAddress,
        String(port),
        target,
        `${TARGET_FILE_DIRECTORY}/${TARGET_FILE_NAME}`,
        String(controlPort),
        PROXY_TOKEN_HANDOVER_FILE,
    ];
}
const SCRIPT = String.raw `
use strict;
use IO::Socket::INET;
use IO::Select;
use POSIX ":sys_wait_h";
$| = 1;
my ($bind, $port, $target, $file, $controlPort, $tokenFile) = @ARGV;
my $token;
if (open(my $in, "<", $tokenFile)) {
  $token = <$in>;
  close($in);
  chomp($token) if defined $token;
}
unlink($tokenFile);
my %sessions;
sub retarget {
  my ($to) = @_;
  return 0 unless defined $to && $to =~ /^[^:\s]+:\d+$/;
  $target = $to;
  kill "KILL", keys %sessions;
  print "dataclone-proxy: target $target\n";
  return 1;
}
sub reload {
  if (open(my $in, "<", $file)) {
    my $line = <$in>;
    close($in);
    chomp($line) if defined $line;
    retarget($line);
  }
}
$SIG{HUP} = \&reload;
$SIG{CHLD} = sub { while ((my $pid = waitpid(-1, WNOHANG)) > 0) { delete $sessions{$pid}; } };
$SIG{TERM} = sub { kill "KILL", keys %sessions; exit 0; };
$SIG{INT} = $SIG{TERM};
$SIG{PIPE} = "IGNORE";
my $server = IO::Socket::INET->new(LocalAddr => $bind, LocalPort => $port, Listen => 128, ReuseAddr => 1, Proto => "tcp")
  or die "dataclone-proxy: cannot listen on $bind:$port: $!\n";
my $control = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => $controlPort, Listen => 8, ReuseAddr => 1, Proto => "tcp")
  or die "dataclone-proxy: cannot listen for control on 127.0.0.1:$controlPort: $!\n";
print "dataclone-proxy: listening\n";
print "dataclone-proxy: target $target\n";
my $listeners = IO::Select->new($server, $control);
# Control connections are read without blocking, within the main loop: a line of at most
# $CONTROL_LIMIT bytes within $CONTROL_SECONDS, else the connection is closed; past
# $CONTROL_PENDING at once the oldest goes. Idle or endless control connections never hold up
# client connections.
my $CONTROL_LIMIT = 512;
my $CONTROL_SECONDS = 2;
my $CONTROL_PENDING = 16;
my %pending;
sub dropControl {
  my ($peer) = @_;
  $listeners->remove($peer);
  delete $pending{fileno($peer)};
  close($peer);
}
sub readControl {
  my ($peer) = @_;
  my $entry = $pending{fileno($peer)};
  my $read = sysread($peer, my $chunk, $CONTROL_LIMIT - length($entry->{line}));
  return if !defined($read) && $! == POSIX::EAGAIN();
  return dropControl($peer) unless $read;
  $entry->{line} .= $chunk;
  my $end = index($entry->{line}, "\n");
  if ($end < 0) {
    return dropControl($peer) if length($entry->{line}) >= $CONTROL_LIMIT;
    return;
  }
  my ($given, $to) = split(/ /, substr($entry->{line}, 0, $end), 2);
  my $ok = defined $token && length($token) && defined $given && $given eq $token && retarget($to);
  syswrite($peer, $ok ? "ok\n" : "refused\n");
  dropControl($peer);
}
while (1) {
  my $now = time();
  for my $entry (values %pending) { dropControl($entry->{socket}) if $entry->{deadline} <= $now; }
  my @ready = $listeners->can_read(%pending ? 0.25 : undef);
  my $client;
  for my $socket (@ready) {
    if ($socket == $control) {
      my $peer = $control->accept() or next;
      if (keys %pending >= $CONTROL_PENDING) {
        my ($oldest) = sort { $a->{deadline} <=> $b->{deadline} } values %pending;
        dropControl($oldest->{socket});
      }
      $peer->blocking(0);
      $pending{fileno($peer)} = { socket => $peer, line => "", deadline => time() + $CONTROL_SECONDS };
      $listeners->add($peer);
    } elsif ($socket == $server) {
      $client = $server->accept();
    } elsif ($pending{fileno($socket)}) {
      readControl($socket);
    }
  }
  next unless $client;
  my $to = $target;
  my $pid = fork();
  if (!defined $pid) { close($client); next; }
  if ($pid) { $sessions{$pid} = 1; close($client); next; }
  close($server);
  close($control);
  close($_->{socket}) for values %pending;
  $SIG{HUP} = "IGNORE";
  my ($host, $toPort) = split(/:/, $to);
  my $backend = IO::Socket::INET->new(PeerAddr => $host, PeerPort => $toPort, Proto => "tcp", Timeout => 5);
  if (!$backend) { close($client); exit 0; }
  my $select = IO::Select->new($client, $backend);
  my $buffer;
  while (my @ready = $select->can_read()) {
    for my $from (@ready) {
      my $other = $from == $client ? $backend : $client;
      my $read = sysread($from, $buffer, 65536);
      exit 0 unless $read;
      my $offset = 0;
      while ($offset < $read) {
        my $written = syswrite($other, $buffer, $read - $offset, $offset);
        exit 0 unless defined $written;
        $offset += $written;
      }
    }
  }
  exit 0;
}
`;

;// CONCATENATED MODULE: ./src/proxy/local-proxy.ts








const PROXY_LABEL = 'dataclone.proxy';
const PROXY_TARGET_LABEL = 'dataclone.proxy.first-target';
const PROXY_BIND_LABEL = 'dataclone.proxy.bind-address';
const PROXY_CONTROL_LABEL = 'dataclone.proxy.control-port';
/** The hand-over the proxy reads and removes (as the server user), and dataclone's root-only copy. */
function proxyTokenFiles(token) {
    return [
        { path: PROXY_TOKEN_HANDOVER_FILE, content: `${token}\n`, mode: 0o444, directoryMode: 0o777 },
        { path: PROXY_TOKEN_RECORD_FILE, content: token, mode: 0o400 },
    ];
}
function proxyContainerName(port) {
    return `dataclone-proxy-${port}`;
}
/** Where the proxy, on the Docker host's network, reaches a clone: its published port there. */
function targetOf(clone) {
    const address = clone.bindAddress === '0.0.0.0' || clone.bindAddress === '::' ? '127.0.0.1' : clone.bindAddress;
    return `${address}:${clone.connection.port}`;
}
/**
 * Starts `dataclone proxy`: a stable port on the Docker host whose connections go to a clone,
 * so that `localhost:<port>` can follow the branch a developer is on. Returns once a query with
 * the clone's credentials gets through it.
 */
async function startProxy(options) {
    const started = performance.now();
    const { host, port } = options;
    if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new errors/* DatacloneError */.YF(`--port: '${port}' is not a port number`, 'Give a number from 1 to 65535.');
    const clone = await (0,read_clone/* requireClone */.rx)(host, options.to);
    const engine = (0,engines/* engineFor */.E)(clone.engine);
    if (await host.inspectContainer(proxyContainerName(port))) {
        throw new errors/* DatacloneError */.YF(`a dataclone proxy already listens on port ${port}`, `Switch it (dataclone proxy switch --port ${port} --to ${clone.name}) or stop it (dataclone proxy stop --port ${port}).`);
    }
    const bindAddress = options.bindAddress ?? '127.0.0.1';
    const controlPort = isLocal(host) ? await freeLocalPort() : 40_000 + Math.floor(Math.random() * 20_000);
    const id = await host.createContainer({
        name: proxyContainerName(port),
        image: clone.imageId,
        labels: {
            [labels/* Labels */.gC.owner]: options.owner ?? (0,create_clone/* defaultOwner */.XB)(),
            [PROXY_LABEL]: String(port),
            [PROXY_TARGET_LABEL]: clone.name,
            [PROXY_BIND_LABEL]: bindAddress,
            [PROXY_CONTROL_LABEL]: String(controlPort),
        },
        entrypoint: switchableProxyCommand(bindAddress, port, targetOf(clone), controlPort),
        cmd: [],
        user: engine.serverUser,
        files: proxyTokenFiles((0,random/* randomPassword */.t)()),
        network: 'host',
    });
    try {
        await host.startContainer(id);
        const listening = await host.waitForLogLine(id, PROXY_LISTENING, AbortSignal.timeout(10_000));
        if (!listening) {
            const logs = await host.containerLogs(id, 10).catch(() => '');
            throw new errors/* DatacloneError */.YF(`the proxy did not start on ${bindAddress}:${port}`, `Is the port free on the Docker host? Its log:\n${logs.trimEnd() || '(none)'}`);
        }
        await throughProxy(options, clone);
    }
    catch (error) {
        await host.removeContainer(id);
        throw error;
    }
    const durationMs = Math.round(performance.now() - started);
    options.reporter.info(`Port ${port} now leads to clone ${clone.name} (${durationMs} ms)`);
    return { target: clone, durationMs };
}
/**
 * Points a running proxy at another clone: the new target is copied into the proxy's container
 * and one signal makes it read it, ending the old target's sessions. Nothing restarts; returns
 * once a query with the new clone's credentials gets through.
 */
async function switchProxy(options) {
    const started = performance.now();
    const { host, port } = options;
    const proxy = await host.inspectContainer(proxyContainerName(port));
    if (!proxy?.running) {
        throw new errors/* DatacloneError */.YF(`no dataclone proxy runs on port ${port}`, `Start one: dataclone proxy --port ${port} --to ${options.to}.`);
    }
    const clone = await (0,read_clone/* requireClone */.rx)(host, options.to);
    if (clone.status !== 'running') {
        throw new errors/* DatacloneError */.YF(`clone ${clone.name} is ${clone.status}, so port ${port} cannot lead to it`, `Reset it (dataclone clone reset ${clone.name}) or choose another clone.`);
    }
    const controlPort = Number(proxy.labels[PROXY_CONTROL_LABEL]);
    const token = (await host.readFile(proxy.id, PROXY_TOKEN_RECORD_FILE)) ?? '';
    const switched = isLocal(host) && controlPort > 0 && (await sendControl(controlPort, `${token} ${targetOf(clone)}`));
    if (!switched) {
        // A remote Docker host's loopback is out of reach: a new target file and a signal instead.
        await host.putFile(proxy.id, TARGET_FILE_DIRECTORY, TARGET_FILE_NAME, `${targetOf(clone)}\n`);
        await host.signalContainer(proxy.id, 'SIGHUP');
    }
    await throughProxy({ ...options, bindAddress: proxy.labels[PROXY_BIND_LABEL] }, clone);
    const durationMs = Math.round(performance.now() - started);
    options.reporter.info(`Port ${port} now leads to clone ${clone.name} (switched in ${durationMs} ms)`);
    return { target: clone, durationMs };
}
async function stopProxy(host, reporter, port) {
    const proxy = await host.inspectContainer(proxyContainerName(port));
    if (!proxy)
        throw new errors/* DatacloneError */.YF(`no dataclone proxy runs on port ${port}`);
    await host.removeContainer(proxy.id);
    reporter.info(`Stopped the proxy on port ${port}`);
}
/** The Docker host is this machine (its loopback is ours). */
function isLocal(host) {
    const remote = host.remoteName();
    return remote === undefined || remote === 'localhost' || remote.startsWith('127.');
}
/** Sends one control line to the proxy; true when it answered ok. */
function sendControl(port, line) {
    return new Promise((resolve) => {
        const socket = (0,external_node_net_.connect)({ host: '127.0.0.1', port }, () => socket.write(`${line}\n`));
        let answer = '';
        socket.setTimeout(2000, () => socket.destroy());
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('error', () => resolve(false));
        socket.on('close', () => resolve(answer.startsWith('ok')));
    });
}
function freeLocalPort() {
    return new Promise((resolve, reject) => {
        const server = (0,external_node_net_.createServer)();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
        });
    });
}
async function throughProxy(options, clone) {
    const engine = (0,engines/* engineFor */.E)(clone.engine);
    const address = options.host.clientAddress(options.bindAddress ?? '127.0.0.1');
    try {
        await engine.waitUntilReady({ host: address, port: options.port }, { user: clone.connection.user, password: clone.connection.password }, clone.connection.primaryDatabase, AbortSignal.timeout(10_000));
    }
    catch (error) {
        throw new errors/* DatacloneError */.YF(`port ${options.port} does not lead to clone ${clone.name}: ${error instanceof Error ? error.message : String(error)}`, `Check the clone answers on its own port (dataclone clone show ${clone.name}).`, { cause: error });
    }
}

// EXTERNAL MODULE: ./src/cli/command.ts
var cli_command = __webpack_require__(3567);
// EXTERNAL MODULE: ./src/cli/usage-error.ts
var usage_error = __webpack_require__(14226);
;// CONCATENATED MODULE: ./src/cli/commands/proxy-commands.ts



function portAndTarget(input, command, usage) {
    const port = (0,cli_command/* numberOption */.j)(input, 'port');
    const to = (0,cli_command/* stringOption */.P)(input, 'to');
    if (port === undefined)
        throw new usage_error/* UsageError */.e(`${command}: --port is required`, usage);
    if (!to)
        throw new usage_error/* UsageError */.e(`${command}: --to <clone> is required`, usage);
    return { port, to };
}
const proxySwitch = {
    words: ['proxy', 'switch'],
    summary: 'Point a running proxy port at another clone, without restarting anything',
    usage: 'dataclone proxy switch --port <port> --to <clone> [--json]',
    options: { port: { type: 'string', short: 'p' }, to: { type: 'string' } },
    async run(input, { host, reporter, print, json }) {
        const { port, to } = portAndTarget(input, 'proxy switch', this.usage);
        const { target, durationMs } = await switchProxy({ host, reporter, port, to });
        if (json)
            print(JSON.stringify({ port, clone: target.name, durationMs }, null, 2));
        return 0;
    },
};
const proxyStop = {
    words: ['proxy', 'stop'],
    summary: 'Stop the proxy on a port',
    usage: 'dataclone proxy stop --port <port>',
    options: { port: { type: 'string', short: 'p' } },
    async run(input, { host, reporter }) {
        const port = (0,cli_command/* numberOption */.j)(input, 'port');
        if (port === undefined)
            throw new usage_error/* UsageError */.e('proxy stop: --port is required', this.usage);
        await stopProxy(host, reporter, port);
        return 0;
    },
};
const proxyStart = {
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
            bindAddress: (0,cli_command/* stringOption */.P)(input, 'bind-address'),
        });
        if (json)
            print(JSON.stringify({ port, clone: target.name, durationMs }, null, 2));
        return 0;
    },
};


/***/ })

};
