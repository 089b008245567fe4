export const id = 759;
export const ids = [759];
export const modules = {

/***/ 3567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ stringOption),
/* harmony export */   j: () => (/* binding */ numberOption)
/* harmony export */ });
function stringOption(input, name) {
    const value = input.values[name];
    return typeof value === 'string' ? value : undefined;
}
function numberOption(input, name) {
    const value = stringOption(input, name);
    return value === undefined ? undefined : Number(value);
}


/***/ }),

/***/ 89909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ recordFiles),
/* harmony export */   H_: () => (/* binding */ passwordRecordVolume),
/* harmony export */   X2: () => (/* binding */ passwordFiles),
/* harmony export */   pT: () => (/* binding */ readClonePassword)
/* harmony export */ });
/* unused harmony export PASSWORD_RECORD_DIRECTORY */
/* harmony import */ var _docker_labels_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(20065);
/* harmony import */ var _engines_engine_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39105);


/**
 * Where dataclone keeps a clone's password so that later steps (`clone show`, reset, a CI job's
 * next step) can hand it out again: a file only root can read, on an anonymous volume of the
 * clone's container. The volume survives restarts of the container, is never part of an image
 * that `clone save` commits, and is removed with the container. Nothing of it is in the
 * container's configuration (`docker inspect`) nor in the environment of any of its processes;
 * whoever can use the Docker socket can still read it (`docker cp`), as they can read the data.
 */
const PASSWORD_RECORD_DIRECTORY = _engines_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .PASSWORD_RECORD_FILE */ .rA.slice(0, _engines_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .PASSWORD_RECORD_FILE */ .rA.lastIndexOf('/'));
/** Clones made by dataclone before the record existed kept the password in their environment. */
const LEGACY_PASSWORD_VARIABLE = 'DATACLONE_PASSWORD';
/** The anonymous volume that holds the record, labelled like the clone so that clean-ups find it. */
function passwordRecordVolume(owner) {
    return { path: PASSWORD_RECORD_DIRECTORY, labels: { [_docker_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .Labels */ .gC.owner]: owner } };
}
/**
 * The files written into a clone's server container (as it starts, see HANDOVER_VARIABLE; a
 * standby's slot servers before they start): the hand-over its start script reads and removes
 * (see PASSWORD_HANDOVER_FILE), and, in the container that is the clone, the record. The record
 * comes last: its arrival tells the start script the hand-over is complete.
 */
function passwordFiles(password, options) {
    const handover = {
        path: _engines_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .PASSWORD_HANDOVER_FILE */ .pU,
        content: `${password}\n`,
        mode: 0o444,
        // The server user, whoever it is in the image, removes the file once its server holds the password.
        directoryMode: 0o777,
    };
    return options.record ? [handover, ...recordFiles(password)] : [handover];
}
/** The record alone: for the proxy of a clone with a standby, which runs no server. */
function recordFiles(password) {
    return [{ path: _engines_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .PASSWORD_RECORD_FILE */ .rA, content: password, mode: 0o400 }];
}
/** The password of a clone, running or stopped; empty when it cannot be found. */
async function readClonePassword(host, info) {
    const recorded = await host.readFile(info.id, _engines_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .PASSWORD_RECORD_FILE */ .rA);
    return recorded ?? info.env[LEGACY_PASSWORD_VARIABLE] ?? '';
}


/***/ }),

/***/ 9511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ containerNameFor)
/* harmony export */ });
/** The Docker container name of a clone: prefixed, so clones never collide with other containers. */
function containerNameFor(cloneName) {
    return `dataclone-${cloneName}`;
}


/***/ }),

/***/ 74280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DW: () => (/* binding */ listClones),
/* harmony export */   GU: () => (/* binding */ requireCloneContainer),
/* harmony export */   Rl: () => (/* binding */ findClone),
/* harmony export */   YQ: () => (/* binding */ cloneImageId),
/* harmony export */   rx: () => (/* binding */ requireClone),
/* harmony export */   vh: () => (/* binding */ cloneFromContainer)
/* harmony export */ });
/* unused harmony exports PASSWORD_VARIABLE, DATABASES_LABEL, findCloneContainer, isClone */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _docker_labels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20065);
/* harmony import */ var _engines_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56599);
/* harmony import */ var _clone_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9511);
/* harmony import */ var _clone_password_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(89909);





/**
 * The environment variable clones made by earlier versions held their password in; clones keep it
 * in a record now (clone-password.ts), and images must not carry it.
 */
const PASSWORD_VARIABLE = 'DATACLONE_PASSWORD';
/** Labels a clone carries about the image it came from, copied at creation. */
const DATABASES_LABEL = _docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.databases;
/** The clone of that name, or undefined when there is none. */
async function findClone(host, name) {
    const info = await findCloneContainer(host, name);
    return info && cloneFromContainer(host, info, await (0,_clone_password_js__WEBPACK_IMPORTED_MODULE_3__/* .readClonePassword */ .pT)(host, info));
}
/**
 * The container of the clone of that name, without reading the clone's password (one call to
 * the Docker Engine fewer): for steps that need none, or know it already.
 */
async function findCloneContainer(host, name) {
    const info = await host.inspectContainer((0,_clone_js__WEBPACK_IMPORTED_MODULE_4__/* .containerNameFor */ .e)(name));
    if (!info || !isClone(info) || info.labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.clone] !== name)
        return undefined;
    return info;
}
/**
 * Whether a container is a clone: its clone label names it, and it has the name dataclone gives
 * that clone's container. A container of an image that carries clone labels (a saved image's
 * standby servers, a crafted image), or one whose label is empty, is not.
 */
function isClone(info) {
    const name = info.labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.clone];
    return !!name && info.name === (0,_clone_js__WEBPACK_IMPORTED_MODULE_4__/* .containerNameFor */ .e)(name);
}
/** The clone of that name; fails with an error that lists the clones there are. */
async function requireClone(host, name) {
    const info = await requireCloneContainer(host, name);
    return cloneFromContainer(host, info, await (0,_clone_password_js__WEBPACK_IMPORTED_MODULE_3__/* .readClonePassword */ .pT)(host, info));
}
/** The container of the clone of that name (see findCloneContainer); fails as requireClone does. */
async function requireCloneContainer(host, name) {
    const info = await findCloneContainer(host, name);
    if (info)
        return info;
    const names = await listCloneNames(host);
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`no clone named '${name}' on ${host.description}`, names.length
        ? `Clones there: ${names.join(', ')}.`
        : 'There are no clones there; create one with `dataclone clone create --image <image>`.');
}
/** Every clone on the host, optionally only those of one owner, oldest first. */
async function listClones(host, owner) {
    const ids = await host.findContainers({ [_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.clone]: undefined, [_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.owner]: owner });
    const clones = [];
    for (const id of ids) {
        const info = await host.inspectContainer(id);
        if (info && isClone(info))
            clones.push(cloneFromContainer(host, info, await (0,_clone_password_js__WEBPACK_IMPORTED_MODULE_3__/* .readClonePassword */ .pT)(host, info)));
    }
    // An environment's instances in the order of its file (they start in parallel), else oldest first.
    return clones.sort((a, b) => (a.environment ?? '').localeCompare(b.environment ?? '') ||
        (a.instanceIndex ?? 0) - (b.instanceIndex ?? 0) ||
        a.created.localeCompare(b.created));
}
async function listCloneNames(host) {
    return (await listClones(host)).map((clone) => clone.name);
}
function cloneFromContainer(host, info, password) {
    const labels = info.labels;
    const engine = (0,_engines_index_js__WEBPACK_IMPORTED_MODULE_2__/* .engineFor */ .E)(labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.engine] ?? 'postgres');
    const published = info.ports[engine.port];
    // A clone sets every clone label, to "" for a setting it does not have (cloneContainerLabels).
    const bindAddress = labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.bindAddress] || published?.hostIp || '127.0.0.1';
    // A stopped clone publishes nothing: its port is the one it asked for, where it starts again.
    const asked = info.portBindings[engine.port]?.hostPort || undefined;
    const port = published?.hostPort ?? asked ?? Number(labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.hostPort] || 0);
    const databases = parseNames(labels[DATABASES_LABEL]);
    const primary = labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.primaryDatabase] ?? databases[0] ?? engine.maintenanceDatabase;
    return {
        name: labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.clone] || info.name,
        containerId: info.id,
        image: labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.image] || info.image,
        imageId: cloneImageId(info),
        engine: engine.name,
        owner: labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.owner] ?? '',
        created: labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.created] ?? '',
        expires: labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.expires] || undefined,
        status: info.status,
        bindAddress,
        networking: labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.networking] === 'host' ? 'host' : 'bridge',
        ...(labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.standby] === 'true' ? { standby: true } : {}),
        ...(labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.environment]
            ? {
                environment: labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.environment],
                instance: labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.instance] || undefined,
                instanceIndex: Number(labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.instanceIndex] ?? 0),
            }
            : {}),
        connection: engine.connectionDetails({ host: host.clientAddress(bindAddress), port }, { user: labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.superuser] ?? engine.superuser, password }, databases, primary),
    };
}
/** The image ID a clone was created from, which its reset returns to. */
function cloneImageId(info) {
    return info.labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.imageId] || info.imageId;
}
function parseNames(text) {
    if (!text)
        return [];
    try {
        return JSON.parse(text).map((db) => db.name);
    }
    catch {
        return [];
    }
}


/***/ }),

/***/ 99432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L6: () => (/* binding */ slotHost),
/* harmony export */   eU: () => (/* binding */ proxyCommand),
/* harmony export */   yX: () => (/* binding */ SLOT_SIGNAL)
/* harmony export */ });
/* unused harmony export PROXY_READY */
const SLOT_SIGNAL = { a: 'SIGUSR1', b: 'SIGUSR2' };
/** The host name of a slot's server on the clone's network. */
function slotHost(slot) {
    return `slot-${slot}`;
}
const PROXY_READY = 'dataclone-proxy: listening';
function proxyCommand(port) {
    return ['perl', '-e', PROXY_SCRIPT, String(port)];
}
const PROXY_SCRIPT = String.raw `
use strict;
use IO::Socket::INET;
use IO::Select;
use POSIX ":sys_wait_h";
$| = 1;
my $port = $ARGV[0];
# The target is kept in a file of the proxy's own, so that after a restart of the container (the
# Docker Engine restarted) the proxy points where it pointed before, not back at slot-a.
my $target_file = "/tmp/dataclone-proxy-target";
my $target = "slot-a";
if (open(my $saved, "<", $target_file)) { my $line = <$saved>; close($saved); $target = $1 if defined $line && $line =~ /^(slot-[ab])$/; }
my %sessions;
# A switch ends every session first: they all belong to the state being thrown away.
sub switch_to {
  my ($slot) = @_;
  kill "KILL", keys %sessions;
  $target = $slot;
  if (open(my $out, ">", "$target_file.new")) { print $out "$slot\n"; close($out); rename("$target_file.new", $target_file); }
  print "dataclone-proxy: target $slot\n";
}
$SIG{USR1} = sub { switch_to("slot-a"); };
$SIG{USR2} = sub { switch_to("slot-b"); };
$SIG{CHLD} = sub { while ((my $pid = waitpid(-1, WNOHANG)) > 0) { delete $sessions{$pid}; } };
$SIG{TERM} = sub { exit 0; };
$SIG{INT} = sub { exit 0; };
$SIG{PIPE} = "IGNORE";
my $server = IO::Socket::INET->new(LocalPort => $port, Listen => 128, ReuseAddr => 1, Proto => "tcp")
  or die "dataclone-proxy: cannot listen on $port: $!\n";
print "dataclone-proxy: listening\n";
while (1) {
  my $client = $server->accept() or next;
  my $to = $target;
  my $pid = fork();
  if (!defined $pid) { close($client); next; }
  if ($pid) { $sessions{$pid} = 1; close($client); next; }
  close($server);
  $SIG{USR1} = "IGNORE"; $SIG{USR2} = "IGNORE";
  my $backend = IO::Socket::INET->new(PeerAddr => $to, PeerPort => $port, Proto => "tcp", Timeout => 5);
  if (!$backend) { close($client); exit 0; }
  $client->autoflush(1); $backend->autoflush(1);
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


/***/ }),

/***/ 50644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ discardServer),
/* harmony export */   UD: () => (/* binding */ startServer),
/* harmony export */   _8: () => (/* binding */ waitForServer),
/* harmony export */   lI: () => (/* binding */ findStandbyServers),
/* harmony export */   lN: () => (/* binding */ standbyNetworkName)
/* harmony export */ });
/* unused harmony export serverContainerName */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _core_random_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38640);
/* harmony import */ var _docker_labels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(20065);
/* harmony import */ var _clone_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9511);
/* harmony import */ var _clone_password_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(89909);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(99432);






function standbyNetworkName(cloneName) {
    return `${(0,_clone_js__WEBPACK_IMPORTED_MODULE_5__/* .containerNameFor */ .e)(cloneName)}-standby`;
}
function serverContainerName(cloneName, slot) {
    return `${(0,_clone_js__WEBPACK_IMPORTED_MODULE_5__/* .containerNameFor */ .e)(cloneName)}-slot-${slot}`;
}
async function findStandbyServers(host, cloneName) {
    const ids = await host.findContainers({ [_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.standbyOf]: cloneName });
    const servers = (await Promise.all(ids.map((id) => host.inspectContainer(id))))
        .filter((info) => info !== undefined)
        .filter((info) => info.running)
        .map((info) => ({ ...info, slot: (info.labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.slot] === 'b' ? 'b' : 'a') }))
        .sort((a, b) => a.created.localeCompare(b.created));
    const [active, standby] = servers;
    if (!active) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`clone ${cloneName}: neither of its two servers is running`, `Remove it (dataclone clone remove ${cloneName}) and create it again.`);
    }
    return { active, standby };
}
/** Creates and starts one server in a slot; does not wait for it to be ready. */
async function startServer(host, settings, slot) {
    const start = settings.engine.cloneStart();
    const id = await host.createContainer({
        name: serverContainerName(settings.cloneName, slot),
        image: settings.image.id,
        labels: (0,_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .cloneContainerLabels */ .Aq)({
            [_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.owner]: settings.owner,
            [_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.standbyOf]: settings.cloneName,
            [_docker_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .Labels */ .gC.slot]: slot,
        }),
        entrypoint: start.entrypoint,
        cmd: [],
        user: start.user,
        env: start.env,
        tmpfs: [...settings.image.volumes, ...settings.engine.scratchDirectories],
        files: (0,_clone_password_js__WEBPACK_IMPORTED_MODULE_3__/* .passwordFiles */ .X2)(settings.password, { record: false }),
        // Back after a restart of the Docker Engine, with the proxy that keeps pointing at it.
        restartPolicy: 'unless-stopped',
        network: settings.network,
        networkAliases: [(0,_proxy_js__WEBPACK_IMPORTED_MODULE_4__/* .slotHost */ .L6)(slot)],
    });
    try {
        await host.startContainer(id);
    }
    catch (error) {
        await host.removeContainer(id);
        throw error;
    }
    return id;
}
/** Waits until a server has applied the clone's password and takes connections. */
async function waitForServer(host, engine, cloneName, id, timeoutMs) {
    const signal = AbortSignal.timeout(timeoutMs);
    if (await host.waitForLogLine(id, engine.cloneStart().readyLogLine, signal))
        return;
    const logs = await host.containerLogs(id, 20).catch(() => '');
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`clone ${cloneName}: its standby server did not start within ${timeoutMs / 1000} s`, `Its last log lines:\n${logs.trimEnd() || '(none)'}`);
}
/** Moves a server container out of its slot's name, so a new one can take it while it goes. */
async function discardServer(host, server) {
    await host.killContainer(server.id);
    await host.renameContainer(server.id, `${server.name}-discarded-${(0,_core_random_js__WEBPACK_IMPORTED_MODULE_1__/* .randomSuffix */ .V)()}`);
}


/***/ }),

/***/ 98571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);

const UNITS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** Parses a lifetime such as `90m`, `8h` or `3d` into milliseconds; `field` names it in errors. */
function parseDuration(text, field) {
    const match = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(text.trim());
    const unit = match?.[2] ? UNITS[match[2]] : undefined;
    if (!match?.[1] || unit === undefined || Number(match[1]) <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${field}: '${text}' is not a duration`, 'Write a number and a unit: s, m, h, d or w (for example 30m, 8h, 3d).');
    }
    return Math.round(Number(match[1]) * unit);
}


/***/ }),

/***/ 38640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ randomSuffix),
/* harmony export */   t: () => (/* binding */ randomPassword)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/**
 * A password of letters and digits only: safe in URLs, JDBC properties, shell words and SQL
 * string literals without quoting. 32 characters give about 190 bits.
 */
function randomPassword(length = 32) {
    let password = '';
    for (let i = 0; i < length; i++)
        password += ALPHANUMERIC[(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomInt)(ALPHANUMERIC.length)];
    return password;
}
/** A short lowercase suffix for names: `shop-4f9c2a`. */
function randomSuffix(bytes = 3) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(bytes).toString('hex');
}


/***/ }),

/***/ 39105:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BW: () => (/* binding */ LISTEN_PORT_VARIABLE),
/* harmony export */   H8: () => (/* binding */ HANDOVER_VARIABLE),
/* harmony export */   IV: () => (/* binding */ HANDOVER_AFTER_START),
/* harmony export */   M0: () => (/* binding */ NETWORK_VARIABLE),
/* harmony export */   O$: () => (/* binding */ LISTEN_ADDRESS_VARIABLE),
/* harmony export */   bf: () => (/* binding */ DATABASE_VARIABLE),
/* harmony export */   ek: () => (/* binding */ databaseConnection),
/* harmony export */   pU: () => (/* binding */ PASSWORD_HANDOVER_FILE),
/* harmony export */   rA: () => (/* binding */ PASSWORD_RECORD_FILE)
/* harmony export */ });
/**
 * Where a clone's server listens, in the clone's start script: the engine's port on every address
 * of the container's own network (bridge networking, Docker publishes the port), or a port of the
 * Docker host on the bind address (host networking). Unset, the script listens as with bridge
 * networking (a standby's servers); `clone save` clears them so an image never carries a clone's.
 */
const LISTEN_PORT_VARIABLE = 'DATACLONE_LISTEN_PORT';
const LISTEN_ADDRESS_VARIABLE = 'DATACLONE_LISTEN_ADDRESS';
/** `host` when the clone shares the Docker host's network: its loopback is then not its own. */
const NETWORK_VARIABLE = 'DATACLONE_NETWORK';
/** The database clients use first (the image's primary database): the one a start script uses too. */
const DATABASE_VARIABLE = 'DATACLONE_DATABASE';
/**
 * Where a clone's start script finds the clone's password at its first start: written through the
 * archive API as the container starts (HANDOVER_VARIABLE) or before, read with shell builtins (so never on a command line
 * or in any process's environment) and removed once the server holds the password. A start
 * without it is a restart of the same container (the Docker Engine restarted): the data in its
 * writable layer holds the clone's credentials already.
 */
const PASSWORD_HANDOVER_FILE = '/tmp/dataclone-handover/password';
/**
 * Where dataclone keeps a clone's password for the steps after its creation: a root-only file on
 * a volume of the clone's container (see clones/clone-password.ts). A start script only asks
 * whether it is there (see HANDOVER_VARIABLE), never reads it.
 */
const PASSWORD_RECORD_FILE = '/var/lib/dataclone-clone/password';
/**
 * Set to `after-start` in a clone's container when dataclone writes the hand-over while the
 * container starts, not before: one call to the Docker Engine fewer before the server starts,
 * and it overlaps with the server's own start. The record is in the same archive, after the
 * hand-over, so the start script waits for the record: once it is there the hand-over is
 * complete, or (a restart of the container, the hand-over removed long ago) was used already.
 */
const HANDOVER_VARIABLE = 'DATACLONE_HANDOVER';
const HANDOVER_AFTER_START = 'after-start';
/**
 * A database's URL and JDBC URL, every part encoded: the user and password, the host (an IPv6
 * address in brackets) and the database name as a path segment, so that no part can add to the
 * URL what it does not say (a name with `?socketFactory=...` sets no driver option).
 */
function databaseConnection(schemes, endpoint, credentials, name) {
    const auth = `${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}`;
    const server = `${urlHost(endpoint.host)}:${endpoint.port}`;
    const path = encodeURIComponent(name);
    return {
        name,
        url: `${schemes.url}://${auth}@${server}/${path}`,
        jdbcUrl: `${schemes.jdbc}://${server}/${path}`,
    };
}
function urlHost(host) {
    if (host.includes(':'))
        return `[${host.replace(/^\[|\]$/g, '')}]`;
    return encodeURIComponent(host);
}


/***/ }),

/***/ 56599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ engineFor)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _mysql_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34825);
/* harmony import */ var _postgres_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51549);



const engines = {
    postgres: _postgres_js__WEBPACK_IMPORTED_MODULE_2__/* .postgresEngine */ .QV,
    mysql: (0,_mysql_js__WEBPACK_IMPORTED_MODULE_1__/* .mysqlEngine */ .Fp)('mysql'),
    mariadb: (0,_mysql_js__WEBPACK_IMPORTED_MODULE_1__/* .mysqlEngine */ .Fp)('mariadb'),
};
/** The engine for a definition's `engine` field or an image's engine label. */
function engineFor(name) {
    const engine = engines[name];
    if (!engine) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`engine '${name}' is not supported by this version of dataclone`, `Use one of: ${Object.keys(engines).join(', ')}.`);
    }
    return engine;
}


/***/ }),

/***/ 34825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G$: () => (/* binding */ CLIENT),
  Fp: () => (/* binding */ mysqlEngine),
  Wt: () => (/* binding */ runSql),
  vf: () => (/* binding */ shell),
  lk: () => (/* binding */ sqlInput)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/engines/engine.ts
var engine = __webpack_require__(39105);
// EXTERNAL MODULE: ./src/sources/live-source.ts
var live_source = __webpack_require__(6958);
;// CONCATENATED MODULE: ./src/engines/mysql/live-source.ts

/**
 * mysqldump (mariadb-dump in MariaDB's images) of one database, or of every one, from a live
 * server, into the instance's own client. The password goes into a defaults file in the
 * stream's private folder (0600, removed when the stream ends), which the client reads:
 * MYSQL_PWD is deprecated, and a password on the command line is visible to every process.
 * The value is quoted, so # and ; are part of it, with a backslash before each backslash and
 * double quote in it, as option files read them.
 *
 * --single-transaction: a consistent snapshot of InnoDB tables without locking production;
 * --no-tablespaces: a dump by a user without the PROCESS privilege; MySQL's own GTIDs are left
 * out (--set-gtid-purged=OFF), as they mean nothing to a clone.
 */
function mysqlLiveDump(flavour) {
    const gtids = flavour === 'mysql' ? ' --set-gtid-purged=OFF' : '';
    return {
        dumpFunction(scope) {
            const what = scope === 'instance' ? '--all-databases' : '"$SOURCE_DATABASE"';
            return `dump_source() (
  umask 077
  {
    echo '[client]'
    [ -z "\${SOURCE_PASSWORD+x}" ] || printf 'password="%s"\\n' "$(printf '%s' "$SOURCE_PASSWORD" | sed 's/[\\\\"]/\\\\&/g')"
  } >"$dir/client.cnf"
  DUMP=$(command -v mariadb-dump || command -v mysqldump)
  exec "$DUMP" --defaults-file="$dir/client.cnf" --protocol=tcp --host="$SOURCE_HOST" --port="$SOURCE_PORT" --user="$SOURCE_USER" --single-transaction --routines --triggers --events --hex-blob --no-tablespaces --default-character-set=utf8mb4${gtids} ${what}
)`;
        },
        restoreFunction() {
            return `restore_target() (
  CLIENT=$(command -v mariadb || command -v mysql)
  exec ${CLIENT} --default-character-set=utf8mb4 \${TARGET_DATABASE:+--database="$TARGET_DATABASE"}
)`;
        },
    };
}

;// CONCATENATED MODULE: ./src/engines/mysql-instance-restore.ts



/** Schemas every server has: never one of an image's databases. */
const SYSTEM_SCHEMAS = ['mysql', 'sys', 'information_schema', 'performance_schema'];
/** Accounts of the server itself, which nobody logs in as. */
const SYSTEM_ACCOUNTS = ['mariadb.sys', 'mysql.sys', 'mysql.session', 'mysql.infoschema'];
/**
 * A dump of every database (mysqldump --all-databases) replaces the mysql schema, and with it
 * every account, from the next FLUSH PRIVILEGES or server start on. In one session (which keeps
 * the privileges it logged in with), the restored accounts are loaded and root's two logins put
 * back as dataclone made them: no password over the socket (the build, a clone's start script),
 * and root@'%' locked until a clone sets its own password.
 */
const RESTORE_DATACLONE_LOGINS = `FLUSH PRIVILEGES;
CREATE USER IF NOT EXISTS 'root'@'localhost';
ALTER USER 'root'@'localhost' IDENTIFIED BY '' ACCOUNT UNLOCK;
GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS 'root'@'%';
ALTER USER 'root'@'%' IDENTIFIED BY '' ACCOUNT LOCK;
GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
`;
/**
 * Accounts that can log in: not dataclone's own root logins, not the server's, and not those for
 * a host name, which a server that skips name resolution (as every dataclone server does) never
 * matches, and refuses to ALTER.
 */
const NOT_DATACLONE_OR_SYSTEM = `NOT (u.User = 'root' AND u.Host IN ('localhost', '%'))
  AND u.User NOT IN (${SYSTEM_ACCOUNTS.map((user) => `'${user}'`).join(', ')})
  AND (u.Host = 'localhost' OR u.Host REGEXP '^[0-9.%_/]*$' OR u.Host REGEXP '^[0-9a-fA-F]*:[0-9a-fA-F:.%_/]*$')`;
/**
 * MariaDB keeps an account's password, plugin and lock in mysql.global_priv's JSON; its roles
 * sit in mysql.user too, and ALTER USER refuses them (they cannot log in anyway).
 */
const MARIADB_LOGINS = `SELECT CONCAT(QUOTE(u.User), '@', QUOTE(u.Host)), MD5(g.Priv)
FROM mysql.user u JOIN mysql.global_priv g ON g.User = u.User AND g.Host = u.Host
WHERE u.is_role = 'N' AND ${NOT_DATACLONE_OR_SYSTEM}`;
const MYSQL_LOGINS = `SELECT CONCAT(QUOTE(u.User), '@', QUOTE(u.Host)), MD5(CONCAT(u.plugin, ':', u.authentication_string, ':', u.account_locked))
FROM mysql.user u WHERE ${NOT_DATACLONE_OR_SYSTEM}`;
/** MySQL's and MariaDB's side of whole-instance sources: mysqldump --all-databases / --databases. */
function mysqlInstanceRestore(flavour) {
    const liveDump = mysqlLiveDump(flavour);
    return {
        liveDump,
        async listDatabases(run) {
            const names = await query(run, 'SHOW DATABASES');
            return names.filter((name) => !SYSTEM_SCHEMAS.includes(name.toLowerCase())).sort();
        },
        async restoreInstance(run, source, label, reporter) {
            if (source.kind === 'live')
                await (0,live_source/* streamLiveSource */.KV)(run, liveDump, source, { scope: 'instance', label, reporter });
            else
                await runSql(run, undefined, sqlInput(source.path), label);
            await runSql(run, undefined, { kind: 'text', text: RESTORE_DATACLONE_LOGINS }, 'put back the root logins');
        },
        async listLogins(run) {
            const rows = await query(run, flavour === 'mariadb' ? MARIADB_LOGINS : MYSQL_LOGINS);
            return rows.map((row) => {
                const [name = '', credential = ''] = row.split('\t');
                return { name, credential };
            });
        },
        async disableLogins(run, logins) {
            if (logins.length === 0)
                return;
            await runSql(run, undefined, { kind: 'text', text: logins.map((login) => `ALTER USER ${login.name} ACCOUNT LOCK;\n`).join('') }, 'lock the logins the source brought');
        },
    };
}
async function query(run, sql) {
    const out = await run.run(shell(`${CLIENT} -N -B -e "$SQL"`), {
        env: { SQL: sql },
        label: 'query the server',
    });
    return out.split('\n').filter((line) => line !== '');
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/engines/mysql/physical-backup.ts



/** Run by the server before it takes any connection: read by --init-file, removed once it has run. */
const LOGINS_FILE = '/tmp/dataclone-backup-logins.sql';
/**
 * A MariaDB instance from a prepared mariabackup: its files unpacked into the data directory
 * (a folder streamed in as tar, or the tar itself; never copied to a temporary place first),
 * checked to be prepared and of the server's major version, and the server started on them,
 * which is all a restore of a prepared backup is: InnoDB finds a consistent instance and an
 * empty redo log, and resizes that to the clone's.
 *
 * The backup's accounts are production's, root@localhost included, with whatever password or
 * plugin it had: the server runs, before its first connection, the statements that put root's
 * two logins back as dataclone makes them (no password over the socket; root@'%' locked until
 * a clone sets its own). Every other login is locked after, as for any instance source.
 */
async function initialiseFromMariabackup(run, backup, server) {
    // The definition gives MariaDB only mariabackups; this is a backstop.
    if (backup.kind !== 'mariabackup')
        throw new Error(`MariaDB cannot restore a pg_basebackup (${backup.kind})`);
    const directory = server.dataDirectory;
    await run.run(['sh', '-c', 'mkdir -p "$1" && chown mysql: "$1" && chmod 750 "$1"', 'sh', directory], {
        user: 'root',
        label: 'prepare the data directory',
    });
    await run.unpack(backupInput(backup), directory, 'copy the backup into the data directory');
    // A folder's files arrive as root's, a tar's with the source's owners: the server's own here.
    await run.run(['sh', '-c', 'chown -R mysql: "$1"', 'sh', directory], {
        user: 'root',
        label: 'give the files to the server user',
    });
    await checkBackup(run, directory);
    await run.run([
        'sh',
        '-c',
        `cd "$1" && rm -f backup-my.cnf mariadb_backup_* xtrabackup_* && printf '%s' "$SQL" > ${LOGINS_FILE}`,
        'sh',
        directory,
    ], { env: { SQL: RESTORE_DATACLONE_LOGINS }, label: "put back dataclone's root logins" });
    await server.start([`--init-file=${LOGINS_FILE}`], 'start the server from the backup');
    await run.run(['rm', '-f', LOGINS_FILE], { label: 'tidy up' });
}
function backupInput(backup) {
    if (backup.form === 'folder')
        return { kind: 'folder-as-tar', path: backup.path };
    return { kind: 'file', path: backup.path, gunzip: backup.form === 'tar.gz' };
}
/**
 * A backup starts only once prepared (mariabackup --prepare applied its redo log), and only
 * under the major version that wrote it (10.11, 11.8): its system tables and InnoDB format are
 * that version's. mariabackup writes both facts into files beside the data (mariadb_backup_* or,
 * before 10.8, xtrabackup_*).
 */
async function checkBackup(run, directory) {
    const found = await run.run(shell(`cd "$1"
       value() {
         key=$1; shift
         for f in "$@"; do if [ -f "$f" ]; then sed -n "s/^$key *= *//p" "$f" | head -n 1; return; fi; done
       }
       echo "$(value backup_type mariadb_backup_checkpoints xtrabackup_checkpoints)"
       echo "$(value server_version mariadb_backup_info xtrabackup_info)"
       "$SERVER" --version`, directory), { label: 'compare the backup with the server version' });
    const [type = '', backupVersion = '', serverVersion = ''] = found.split('\n').map((line) => line.trim());
    if (type === '') {
        throw new errors/* DatacloneError */.YF('the physical backup is not a mariabackup backup: it has no mariadb_backup_checkpoints (or xtrabackup_checkpoints)', "Make it with mariabackup --backup --target-dir=<folder> and mariabackup --prepare --target-dir=<folder>; a tar holds that folder's content (tar -C <folder> -czf backup.tar.gz .).");
    }
    if (type !== 'log-applied') {
        throw new errors/* DatacloneError */.YF(`the mariabackup backup is not prepared (its backup_type is ${type}, not log-applied)`, "Prepare it first, with the mariabackup of the server's version: mariabackup --prepare --target-dir=<folder>, then tar that folder again.");
    }
    const backupMajor = majorVersion(backupVersion);
    const serverMajor = majorVersion(serverVersion.replace(/^.*?Ver\s+/, ''));
    if (backupMajor !== serverMajor) {
        throw new errors/* DatacloneError */.YF(`the physical backup is of MariaDB ${backupMajor || `an unknown version (${backupVersion || 'no server_version in mariadb_backup_info'})`}, and the image's server is MariaDB ${serverMajor}`, `A data directory starts only under the major version that wrote it: set version: "${backupMajor || serverMajor}" (and a matching baseImage), or restore a logical dump (mysqldump --all-databases) instead.`);
    }
}
/** 10.11 of 10.11.6-MariaDB-0+deb12u1. */
function majorVersion(version) {
    return /^(\d+\.\d+)/.exec(version)?.[1] ?? '';
}

// EXTERNAL MODULE: ./src/engines/readiness.ts
var readiness = __webpack_require__(60511);
;// CONCATENATED MODULE: ./src/engines/mysql/dumps.ts
/**
 * SQL run before each dump. MySQL's mysqldump writes `SET @@GLOBAL.GTID_PURGED=/*!80000 '+'*\/
 * '<the source's GTIDs>'` (MySQL runs with gtid_mode=ON by default since 9.x, and production
 * servers mostly do), which fails once the instance has GTIDs overlapping it: the second dump
 * from the same server, or the instance's own setup statements. The GTID history of an image
 * means nothing to its clones, so it is cleared before each dump. MariaDB's dumps carry no such
 * statement (gtid_slave_pos only with --gtid, which sets a session-independent position).
 */
function beforeDumpSql(flavour) {
    return flavour === 'mysql' ? 'RESET BINARY LOGS AND GTIDS;\n' : undefined;
}
/**
 * A query whose result is the SQL that creates the accounts named in DEFINER= clauses of the
 * restored views, routines, triggers and events that the instance lacks: the production
 * application's user, typically. Without them, such a view or trigger fails in every clone
 * ("The user specified as a definer does not exist"). They are created locked, so no one can log
 * in as them, with every privilege, so the objects they define work as they did where the dump
 * was made.
 */
const MISSING_DEFINERS_QUERY = `SELECT CONCAT(
    'CREATE USER IF NOT EXISTS ', QUOTE(d.account_user), '@', QUOTE(d.account_host), ' ACCOUNT LOCK; ',
    'GRANT ALL PRIVILEGES ON *.* TO ', QUOTE(d.account_user), '@', QUOTE(d.account_host), ';')
  FROM (
    SELECT DISTINCT
      SUBSTRING_INDEX(definer, '@', 1) AS account_user,
      SUBSTRING_INDEX(definer, '@', -1) AS account_host
    FROM (
      SELECT DEFINER AS definer FROM information_schema.VIEWS
      UNION SELECT DEFINER FROM information_schema.ROUTINES
      UNION SELECT DEFINER FROM information_schema.TRIGGERS
      UNION SELECT DEFINER FROM information_schema.EVENTS
    ) named
    WHERE definer LIKE '%@%'
  ) d
  WHERE NOT EXISTS (
    SELECT 1 FROM mysql.user u
    WHERE BINARY u.User = BINARY d.account_user AND BINARY u.Host = BINARY d.account_host
  );
`;

;// CONCATENATED MODULE: ./src/engines/mysql/server-options.ts
/**
 * The server's options, the same in the build container and in every clone: on the command line
 * after --no-defaults, because a server configured by the image's my.cnf (bind-address =
 * 127.0.0.1 in Debian's, a datadir in the VOLUME) would behave differently from one image to the
 * next. Durability is switched off: a clone is thrown away at the end of a job.
 *
 * Where MySQL and MariaDB differ, and why:
 * - tablespace minimums: MySQL refuses a system tablespace under 5 MB and a temporary one under
 *   12 MB; MariaDB takes 1 MB for both (every megabyte is in every clone that writes to it);
 * - redo log: MySQL (8.0.30 and later) sizes it with innodb_redo_log_capacity and no longer knows
 *   innodb_log_file_size (9.x refuses it); MariaDB has only innodb_log_file_size;
 * - innodb_doublewrite: an enum in MySQL 8.0.30 and later, where --skip- leaves it ON.
 * A small redo log matters most: a clone's first write to it copies the whole file into the
 * clone's writable layer. 8 MB is the smallest redo log capacity MySQL accepts.
 */

function serverOptions(flavour, paths) {
    return [
        '--no-defaults',
        `--datadir=${paths.dataDirectory}`,
        `--socket=${paths.socket}`,
        `--pid-file=${paths.pidFile}`,
        '--port=3306',
        '--bind-address=0.0.0.0',
        '--skip-name-resolve',
        '--character-set-server=utf8mb4',
        '--innodb-flush-log-at-trx-commit=0',
        '--innodb-autoextend-increment=1',
        '--innodb-buffer-pool-size=64M',
        '--performance-schema=OFF',
        '--skip-log-bin',
        '--loose-mysqlx=OFF',
        '--loose-innodb-buffer-pool-dump-at-shutdown=0',
        '--loose-innodb-buffer-pool-load-at-startup=0',
        ...(flavour === 'mysql' ? mysqlOptions(paths) : MARIADB_OPTIONS),
    ];
}
/**
 * MySQL makes its global temporary tablespace (at least 12 MB) and ten session ones (80 KB each)
 * afresh at every start: in the data directory they were 12.8 MB of every fresh clone's layer,
 * on the scratch tmpfs they are memory of the clone's, freed when it stops.
 */
function mysqlOptions(paths) {
    return [
        '--innodb-doublewrite=OFF',
        '--innodb-redo-log-capacity=8M',
        '--innodb-data-file-path=ibdata1:5M:autoextend',
        // Relative to the data directory (innodb_data_home_dir): absolute paths are refused there.
        `--innodb-temp-data-file-path=${external_node_path_default().posix.relative(paths.dataDirectory, paths.scratchDirectory)}/ibtmp1:12M:autoextend`,
        `--innodb-temp-tablespaces-dir=${paths.scratchDirectory}`,
    ];
}
const MARIADB_OPTIONS = [
    '--skip-innodb-doublewrite',
    '--innodb-log-file-size=8M',
    // The system and temporary tablespaces start at 12 MB each, copied into every clone.
    '--innodb-data-file-path=ibdata1:1M:autoextend',
    '--innodb-temp-data-file-path=ibtmp1:1M:autoextend',
];

;// CONCATENATED MODULE: ./src/engines/mysql.ts








/** Outside /var/lib/mysql, which the official images declare as a VOLUME. */
const DATA_DIRECTORY = '/var/lib/dataclone/mysql';
const SOCKET = '/tmp/dataclone-mysqld.sock';
const PID_FILE = '/tmp/dataclone-mysqld.pid';
const SERVER_LOG = '/tmp/dataclone-build.log';
/** MySQL's temporary tablespaces, made afresh at every start (see serverOptions). */
const SCRATCH_DIRECTORY = '/var/lib/dataclone/mysql-scratch';
/** MariaDB names its programs mariadb*, MySQL mysql*; older MariaDB images have only mysql*. */
const FIND_PROGRAMS = [
    'SERVER=$(command -v mariadbd || command -v mysqld)',
    'CLIENT=$(command -v mariadb || command -v mysql)',
    'ADMIN=$(command -v mariadb-admin || command -v mysqladmin)',
].join('; ');
const CLIENT = '"$CLIENT" --no-defaults --protocol=socket --socket=' + SOCKET + ' -uroot';
/** Reads SQL on standard input; stops at the first error, like psql with ON_ERROR_STOP. */
function clientCommand(database) {
    return shell(`${CLIENT} --default-character-set=utf8mb4 ${database ? `--database="$1"` : ''}`, database);
}
function shell(script, ...args) {
    return ['sh', '-c', `${FIND_PROGRAMS}; set -e; ${script}`, 'sh', ...args.filter((a) => a !== undefined)];
}
function mysqlEngine(flavour) {
    const SERVER_OPTIONS = serverOptions(flavour, {
        dataDirectory: DATA_DIRECTORY,
        socket: SOCKET,
        pidFile: PID_FILE,
        scratchDirectory: SCRATCH_DIRECTORY,
    });
    const instanceRestore = mysqlInstanceRestore(flavour);
    const scratchDirectories = flavour === 'mysql' ? [SCRATCH_DIRECTORY] : [];
    return {
        name: flavour,
        port: 3306,
        superuser: 'root',
        serverUser: 'mysql',
        maintenanceDatabase: 'mysql',
        dataDirectory: DATA_DIRECTORY,
        scratchDirectories,
        ...instanceRestore,
        ...(flavour === 'mariadb' && {
            initialiseFromBackup: (run, backup) => initialiseFromMariabackup(run, backup, {
                dataDirectory: DATA_DIRECTORY,
                start: (options, label) => startServer(run, [...SERVER_OPTIONS, ...options], label),
            }),
        }),
        async initialise(run) {
            // A clone's tmpfs over a scratch folder takes its mode, not its owner: writable by all.
            await run.run([
                'sh',
                '-c',
                'mkdir -p "$@" && chown mysql: "$@" && shift && { [ $# -eq 0 ] || chmod 1777 "$@"; }',
                'sh',
                DATA_DIRECTORY,
                ...scratchDirectories,
            ], { user: 'root', label: 'prepare the data directory' });
            await run.run(shell(`if command -v mariadb-install-db >/dev/null; then
             mariadb-install-db ${SERVER_OPTIONS.join(' ')} --auth-root-authentication-method=normal --skip-test-db >/tmp/dataclone-init.log 2>&1 || { cat /tmp/dataclone-init.log >&2; exit 1; }
           else
             "$SERVER" ${SERVER_OPTIONS.join(' ')} --initialize-insecure >/tmp/dataclone-init.log 2>&1 || { cat /tmp/dataclone-init.log >&2; exit 1; }
           fi
           rm -f /tmp/dataclone-init.log`), { label: 'initialise the instance' });
            await startServer(run, SERVER_OPTIONS, 'start the server');
            // Clients outside the container log in as root@'%', locked until a clone sets its own
            // password. Inside, root@localhost over the socket needs none, so the clone's start script
            // and cross-database views made in the image work in every clone.
            await runSql(run, undefined, {
                kind: 'text',
                text: "CREATE USER 'root'@'%' ACCOUNT LOCK;\nGRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;\n",
            }, 'create the clone login');
        },
        async createDatabase(run, name) {
            await runSql(run, undefined, { kind: 'text', text: `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4;\n` }, `create database ${name}`);
        },
        async runScript(run, script, label) {
            await runSql(run, script.database, sqlInput(script.path), label);
        },
        async restoreDatabase(run, database, reporter) {
            const label = `restore database ${database.name}`;
            const source = database.source;
            const beforeDump = beforeDumpSql(flavour);
            switch (source.kind) {
                case 'empty':
                case 'instance':
                    return;
                case 'live':
                    if (beforeDump)
                        await runSql(run, undefined, { kind: 'text', text: beforeDump }, `${label}: prepare`);
                    await (0,live_source/* streamLiveSource */.KV)(run, instanceRestore.liveDump, source, {
                        scope: 'database',
                        database: database.name,
                        label,
                        reporter,
                    });
                    return createMissingDefiners(run, `${label}: accounts its definers name`);
                case 'sql':
                case 'sql-gz':
                    if (beforeDump)
                        await runSql(run, undefined, { kind: 'text', text: beforeDump }, `${label}: prepare`);
                    // A dump that creates its own database (mysqldump --databases) switches to it with USE.
                    await runSql(run, source.createsDatabase ? undefined : database.name, sqlInput(source.path), label);
                    return createMissingDefiners(run, `${label}: accounts its definers name`);
                case 'scripts':
                    for (const file of source.files) {
                        if (beforeDump)
                            await runSql(run, undefined, { kind: 'text', text: beforeDump }, `${label}: prepare`);
                        await runSql(run, database.name, sqlInput(file), `${label}: ${external_node_path_default().basename(file)}`);
                    }
                    return createMissingDefiners(run, `${label}: accounts its definers name`);
                case 'pg-custom':
                case 'pg-directory':
                    // The definition's schema refuses pg_dump formats for this engine; this is a backstop.
                    throw new Error(`${flavour} cannot restore a pg_dump archive (${source.path})`);
            }
        },
        async connectsToItself(run) {
            const found = await run.run(shell(`${CLIENT} -N -e "SELECT count(*) FROM information_schema.TABLES WHERE ENGINE IN ('FEDERATED', 'CONNECT')"`), { label: 'look for FEDERATED and CONNECT tables' });
            return found.trim() !== '0';
        },
        async finalise(run) {
            // A slow shutdown purges old row versions and merges buffered index changes now, so a
            // clone's server has no background work that writes to (and so copies) table files.
            await runSql(run, undefined, { kind: 'text', text: 'SET GLOBAL innodb_fast_shutdown = 0;\n' }, 'prepare shutdown');
            await run.run(shell(`"$ADMIN" --no-defaults --socket=${SOCKET} -uroot shutdown
           i=0
           while [ -e ${PID_FILE} ]; do i=$((i+1)); if [ $i -gt 3000 ]; then echo "the server did not stop" >&2; exit 1; fi; sleep 0.1; done`), { label: 'stop the server cleanly' });
            // The scratch folders stay, empty, for the tmpfs of every clone to take their owner.
            const scratch = scratchDirectories.map((directory) => ` "${directory}"/*`).join('');
            await run.run(['sh', '-c', `rm -rf ${SERVER_LOG}${scratch}`], { user: 'root', label: 'tidy up' });
        },
        serverVersionCommand() {
            return shell('"$SERVER" --version');
        },
        checkpointCommand() {
            // With innodb_flush_log_at_trx_commit=0 a commit reaches the redo log file only within
            // about a second, so a snapshot taken right after lacked it (MySQL 9.7 and MariaDB 10.11
            // both lost a committed DELETE). FLUSH ENGINE LOGS writes the redo log now, but MariaDB's
            // does nothing while that setting is 0: it is 2 (write, no fsync) for the flush.
            return shell(`${CLIENT} -e "FLUSH TABLES; SET GLOBAL innodb_flush_log_at_trx_commit = 2; FLUSH ENGINE LOGS; SET GLOBAL innodb_flush_log_at_trx_commit = 0"`);
        },
        clientCommand(database, args) {
            // The socket is the same with host networking: only the TCP port is the clone's own.
            return shell(`db="$1"; shift; exec ${CLIENT} --default-character-set=utf8mb4 --database="$db" "$@"`, database, ...args);
        },
        cloneStart() {
            return {
                entrypoint: ['/bin/sh', '-c', cloneStartScript(SERVER_OPTIONS)],
                user: 'mysql',
                env: {},
                readyLogLine: SERVER_READY,
            };
        },
        async waitUntilReady(endpoint, credentials, database, signal) {
            // Loaded here, not at the top: commands that never query a MySQL server never load mysql2.
            const { default: mysql } = await Promise.all(/* import() */[__webpack_require__.e(588), __webpack_require__.e(803)]).then(__webpack_require__.t.bind(__webpack_require__, 27588, 19));
            await (0,readiness/* pollUntilReady */.D)(signal, async () => {
                const connection = await mysql.createConnection({
                    host: endpoint.host,
                    port: endpoint.port,
                    user: credentials.user,
                    password: credentials.password,
                    database,
                    connectTimeout: 2000,
                });
                connection.on('error', () => { });
                try {
                    await connection.query('SELECT 1');
                }
                finally {
                    // Not awaited: the server has answered; waiting for the socket to close costs time.
                    void connection.end().catch(() => { });
                }
            });
        },
        connectionDetails(endpoint, credentials, databases, primary) {
            const jdbcScheme = flavour === 'mariadb' ? 'jdbc:mariadb' : 'jdbc:mysql';
            // MySQL's caching_sha2_password sends a password only over TLS or RSA-encrypted with the
            // server's key: Connector/J fetches that key only when allowed to. (Clones offer TLS too,
            // with the certificate mysqld made at --initialize, which Connector/J does not verify.)
            const jdbcOptions = flavour === 'mysql' ? '?allowPublicKeyRetrieval=true' : '';
            return {
                engine: flavour,
                host: endpoint.host,
                port: endpoint.port,
                user: credentials.user,
                password: credentials.password,
                primaryDatabase: primary,
                databases: databases.map((name) => {
                    const connection = (0,engine/* databaseConnection */.ek)({ url: 'mysql', jdbc: jdbcScheme }, endpoint, credentials, name);
                    return { ...connection, jdbcUrl: connection.jdbcUrl + jdbcOptions };
                }),
                clientEnvironment: {
                    MYSQL_HOST: endpoint.host,
                    MYSQL_TCP_PORT: String(endpoint.port),
                    MYSQL_USER: credentials.user,
                    MYSQL_PWD: credentials.password,
                    MYSQL_DATABASE: primary,
                },
            };
        },
    };
}
const CLONE_READY = 'dataclone: the clone is ready';
/** What MySQL and MariaDB log once they take connections: after the init file has run. */
const SERVER_READY = 'ready for connections';
/**
 * Logins that must not work over TCP in a clone: mariadb-install-db's passwordless root for
 * 127.0.0.1 and ::1 (a clone on the host's network would let any local process in as root
 * through them) and anonymous users. Only root@'%' with the clone's password remains; root over
 * the socket (root@localhost, never matched over TCP: the server skips name resolution) needs
 * none, for the start script and cross-database views made in the image.
 */
// As printf formats: % is written %%.
const LOGINS_TO_DROP = ["'root'@'127.0.0.1'", "'root'@'::1'", "''@'localhost'", "''@'%%'"];
/**
 * A clone's PID 1: starts the server from the image's data and, at the clone's first start,
 * gives it the clone's credentials in its init file, which the server runs before it takes any
 * connection (it listens already, but answers none): from its first answer on, only root@'%' with
 * the clone's own password opens the clone over TCP. That costs no client call after the start.
 *
 * The password arrives in PASSWORD_HANDOVER_FILE, is read with `read`, a shell builtin, and
 * reaches the server through printf, another one, on its standard input (the init file), so it is
 * never on a command line nor in any environment. The file is removed once the server answers on
 * its socket, so a restart of the container (the Docker Engine restarted) finds no secret: the
 * data holds the credentials then, and the server starts as it is. Removed any earlier, a restart
 * after a crash before the init file ran would start a server whose credentials were never set.
 */
function cloneStartScript(SERVER_OPTIONS) {
    const options = `${SERVER_OPTIONS.join(' ')} --port="\${${engine/* LISTEN_PORT_VARIABLE */.BW}:-3306}" --bind-address="\${${engine/* LISTEN_ADDRESS_VARIABLE */.O$}:-0.0.0.0}"`;
    return `${FIND_PROGRAMS}
handover=${engine/* PASSWORD_HANDOVER_FILE */.pU}
# An image saved from a running clone, or a container started again, holds a server's pid file
# and socket lock; none runs here yet.
rm -f ${SOCKET} ${SOCKET}.lock ${PID_FILE}
if [ "$${engine/* HANDOVER_VARIABLE */.H8}" = ${engine/* HANDOVER_AFTER_START */.IV} ] || [ -f "$handover" ]; then
  # Written while the server starts, the hand-over may be on its way: the server reads its init
  # file once its storage engines run, and waits for it then. A restart (the record there and
  # the hand-over removed) gives it an empty one.
  {
    until [ "$${engine/* HANDOVER_VARIABLE */.H8}" != ${engine/* HANDOVER_AFTER_START */.IV} ] || [ -e ${engine/* PASSWORD_RECORD_FILE */.rA} ]; do sleep 0.01; done
    if [ -f "$handover" ]; then
      IFS= read -r password < "$handover"
      printf "DROP USER IF EXISTS ${LOGINS_TO_DROP.join(', ')};\\nALTER USER 'root'@'%%' IDENTIFIED BY '%s' ACCOUNT UNLOCK;\\n" "$password"
    fi
  } | "$SERVER" ${options} --init-file=/dev/stdin &
  server=$!
  (
    # The socket appears before the server runs its init file: waiting for it costs no process
    # per try, where each ping is a client process (tens of milliseconds of CPU while the server
    # itself starts).
    until [ -S ${SOCKET} ]; do
      kill -0 "$server" 2>/dev/null || exit 0
      sleep 0.01
    done
    until "$ADMIN" --no-defaults --socket=${SOCKET} -uroot ping >/dev/null 2>&1; do
      kill -0 "$server" 2>/dev/null || exit 0
      sleep 0.01
    done
    rm -f "$handover"
    echo "${CLONE_READY}"
  ) &
else
  "$SERVER" ${options} &
  server=$!
fi
trap '"$ADMIN" --no-defaults --socket=${SOCKET} -uroot shutdown 2>/dev/null || kill -TERM "$server"' INT TERM
wait "$server"
wait "$server"`;
}
/** Starts the build's server and waits until it answers on its socket; the log says why it would not. */
async function startServer(run, options, label) {
    await run.run(shell(`setsid "$SERVER" ${options.join(' ')} >${SERVER_LOG} 2>&1 </dev/null &
       i=0
       until "$ADMIN" --no-defaults --socket=${SOCKET} -uroot ping >/dev/null 2>&1; do
         i=$((i+1)); if [ $i -gt 3000 ]; then tail -20 ${SERVER_LOG} >&2; exit 1; fi
         if ! kill -0 $! 2>/dev/null; then tail -20 ${SERVER_LOG} >&2; exit 1; fi
         sleep 0.1
       done`), { label });
}
function sqlInput(file) {
    return { kind: 'file', path: file, gunzip: file.endsWith('.gz') };
}
async function createMissingDefiners(run, label) {
    await run.run(shell(`statements=$(printf '%s' "$SQL" | ${CLIENT} -N -r -B)
       [ -z "$statements" ] || printf '%s\\n' "$statements" | ${CLIENT}`), { env: { SQL: MISSING_DEFINERS_QUERY }, label });
}
async function runSql(run, database, input, label) {
    if (input.kind === 'text') {
        await run.run(shell(`printf '%s' "$SQL" | ${CLIENT} ${database ? '--database="$1"' : ''}`, database), {
            env: { SQL: input.text },
            label,
        });
        return;
    }
    await run.run(clientCommand(database), { input, label });
}


/***/ }),

/***/ 51549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dA: () => (/* binding */ DATA_DIRECTORY),
  KE: () => (/* binding */ HOST_BASED_AUTHENTICATION),
  DT: () => (/* reexport */ PSQL),
  Fz: () => (/* binding */ SERVER_LOG),
  M8: () => (/* binding */ SERVER_SETTINGS),
  QV: () => (/* binding */ postgresEngine),
  Wt: () => (/* binding */ runSql),
  Id: () => (/* binding */ withBinaries)
});

// UNUSED EXPORTS: sqlInput

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/engines/engine.ts
var engine = __webpack_require__(39105);
// EXTERNAL MODULE: ./src/sources/live-source.ts
var live_source = __webpack_require__(6958);
;// CONCATENATED MODULE: ./src/engines/postgres-client.ts
/** /tmp exists and is writable in every image; /var/run/postgresql is not created by all of them. */
const SOCKET_DIRECTORY = '/tmp';
/**
 * Debian-based images keep the server binaries outside PATH when used without their entrypoint.
 * First in PATH: /usr/bin/psql is Debian's Perl wrapper, which takes 45 ms to start the real one.
 */
const FIND_BINARIES = 'for d in /usr/lib/postgresql/*/bin; do [ -d "$d" ] && PATH="$d:$PATH"; done';
/** psql over the build's socket as postgres, stopping at the first error. */
const PSQL = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', SOCKET_DIRECTORY, '-U', 'postgres'];

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/engines/pg-dumpall-roles.ts

/** The role initdb makes, which every instance has and clones log in as. */
const BOOTSTRAP_SUPERUSER = 'postgres';
/**
 * pg_dumpall writes `CREATE ROLE x;` then `ALTER ROLE x WITH ...` for every role, the one it ran
 * as and the bootstrap superuser included, counting on the CREATE failing harmlessly for a role
 * that exists (and, with --clean, `DROP ROLE` for every role). Run with ON_ERROR_STOP, as every
 * restore here is, `CREATE ROLE postgres` stops it: initdb made postgres, and dataclone's clones
 * log in as it. So in the roles section (before the first \connect) the bootstrap superuser's
 * CREATE and DROP are left out; its ALTER ROLE still applies the dump's attributes (its
 * password is removed after the restore). Everything after passes through untouched.
 */
function rewriteBootstrapRole() {
    let pending = '';
    let inRoles = true;
    const rewriteLine = (line) => {
        if (line.startsWith('\\connect')) {
            inRoles = false;
            return line;
        }
        const role = /^(CREATE|DROP) ROLE (?:IF EXISTS )?("(?:[^"]|"")+"|[^\s;]+);$/.exec(line);
        if (role && roleName(role[2] ?? '') === BOOTSTRAP_SUPERUSER)
            return `-- dataclone: left out, ${BOOTSTRAP_SUPERUSER} is the instance's own superuser: ${line}`;
        return line;
    };
    return new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            if (!inRoles)
                return callback(null, chunk);
            const lines = (pending + chunk.toString('utf8')).split('\n');
            pending = lines.pop() ?? '';
            const out = [];
            for (const [index, line] of lines.entries()) {
                out.push(rewriteLine(line));
                if (!inRoles) {
                    // The rest of this chunk, and every chunk after, is the databases: passed on as it is.
                    const rest = [...lines.slice(index + 1), pending].join('\n');
                    pending = '';
                    return callback(null, `${out.join('\n')}\n${rest}`);
                }
            }
            callback(null, out.length > 0 ? `${out.join('\n')}\n` : '');
        },
        flush(callback) {
            callback(null, inRoles && pending ? rewriteLine(pending) : pending);
        },
    });
}
function roleName(written) {
    return written.startsWith('"') ? written.slice(1, -1).replaceAll('""', '"') : written.toLowerCase();
}

;// CONCATENATED MODULE: ./src/engines/postgres-live-source.ts

/**
 * libpq's own variables for the source, set in the dump's subshell only: psql, restoring over
 * the socket, never sees them. -w: a missing or wrong password fails at once, no prompt.
 */
const SOURCE_CONNECTION = `[ -z "\${SOURCE_PASSWORD+x}" ] || export PGPASSWORD="$SOURCE_PASSWORD"
  [ -z "\${SOURCE_SSLMODE:-}" ] || export PGSSLMODE="$SOURCE_SSLMODE"
  export PGCONNECT_TIMEOUT=10`;
/**
 * pg_dump of one database as plain SQL, without owners and privileges: it restores into an
 * instance that lacks the source's roles, owned by postgres. pg_dumpall of a whole server, its
 * roles without their passwords (a production password hash never reaches the image), and
 * pg_dumpall's `CREATE ROLE postgres` left out as for a dump file (pg-dumpall-roles.ts):
 * postgres is the instance's own superuser.
 */
const postgresLiveDump = {
    dumpFunction(scope) {
        const dump = scope === 'instance'
            ? 'pg_dumpall -w -h "$SOURCE_HOST" -p "$SOURCE_PORT" -U "$SOURCE_USER" ${SOURCE_DATABASE:+-l "$SOURCE_DATABASE"} --no-role-passwords'
            : 'pg_dump -w -h "$SOURCE_HOST" -p "$SOURCE_PORT" -U "$SOURCE_USER" -d "$SOURCE_DATABASE" --no-owner --no-privileges';
        return `dump_source() (
  ${FIND_BINARIES}
  ${SOURCE_CONNECTION}
  exec ${dump}
)`;
    },
    restoreFunction(scope) {
        const psql = `${PSQL.join(' ')} -d "\${TARGET_DATABASE:-postgres}" -f -`;
        const restore = scope === 'instance'
            ? `sed -E '/^\\\\connect/,$!s/^(CREATE|DROP) ROLE (IF EXISTS )?postgres;$/-- dataclone: left out, postgres is the instance'"'"'s own superuser: &/' | ${psql}`
            : psql;
        return `restore_target() (
  ${FIND_BINARIES}
  ${restore}
)`;
    },
};

;// CONCATENATED MODULE: ./src/engines/postgres-instance-restore.ts




/** PostgreSQL's side of whole-instance sources: pg_dumpall scripts, and what they bring. */
const postgresInstanceRestore = {
    liveDump: postgresLiveDump,
    async listDatabases(shell) {
        const names = await query(shell, 'SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname');
        // postgres is in every instance; it is one of the image's databases only if a dump filled it.
        const postgresHolds = await query(shell, "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' LIMIT 1");
        return names.filter((name) => name !== 'postgres' || postgresHolds.length > 0);
    },
    async restoreInstance(shell, source, label, reporter) {
        if (source.kind === 'live')
            return (0,live_source/* streamLiveSource */.KV)(shell, postgresLiveDump, source, { scope: 'instance', label, reporter });
        const input = {
            kind: 'file',
            path: source.path,
            gunzip: source.kind === 'sql-gz',
            rewrite: rewriteBootstrapRole,
        };
        await runSql(shell, 'postgres', input, label);
    },
    async listLogins(shell) {
        const rows = await query(shell, "SELECT rolname || E'\\t' || md5(rolpassword) FROM pg_authid WHERE rolpassword IS NOT NULL ORDER BY rolname");
        return rows.map((row) => {
            const [name = '', credential = ''] = row.split('\t');
            return { name, credential };
        });
    },
    async disableLogins(shell, logins) {
        if (logins.length === 0)
            return;
        // Without a password a role logs in only over the container's own socket (trusted), never
        // from outside: a clone accepts no password from production, for postgres neither.
        const names = logins.map((login) => `'${login.name.replaceAll("'", "''")}'`).join(', ');
        const sql = `DO $$DECLARE r record; BEGIN
  FOR r IN SELECT rolname FROM pg_authid WHERE rolname IN (${names}) LOOP
    EXECUTE format('ALTER ROLE %I PASSWORD NULL', r.rolname);
  END LOOP;
END$$`;
        await shell.run(withBinaries([...PSQL, '-d', 'postgres', '-c', sql]), {
            label: 'remove the passwords the source brought',
        });
    },
};
async function query(shell, sql) {
    const out = await shell.run(withBinaries([...PSQL, '-d', 'postgres', '-tAc', sql]), {
        label: 'query the server',
    });
    return out.split('\n').filter((line) => line !== '');
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
;// CONCATENATED MODULE: ./src/engines/postgres-base-backup.ts


/**
 * A PostgreSQL instance from pg_basebackup output: its files unpacked into the data directory
 * (streamed in, never copied to a temporary place first), the backup's own configuration and
 * replica settings replaced by the clone's, and the server started, which replays the WAL the
 * backup carries (crash recovery) instead of every row and index of a logical restore.
 */
async function initialiseFromBaseBackup(shell, backup) {
    await shell.run(['sh', '-c', 'mkdir -p "$1" && chown postgres: "$1" && chmod 700 "$1"', 'sh', DATA_DIRECTORY], { user: 'root', label: 'prepare the data directory' });
    for (const { input, into, label } of unpackSteps(backup))
        await shell.unpack(input, into, label);
    // The archive's owners are the source server's (or, for a folder, root): the server's own here.
    await shell.run(['sh', '-c', 'chown -R postgres: "$1" && chmod 700 "$1"', 'sh', DATA_DIRECTORY], {
        user: 'root',
        label: 'give the files to the server user',
    });
    await checkMajorVersion(shell);
    await shell.run(['sh', '-c', REPLACE_CONFIGURATION, 'sh', DATA_DIRECTORY], {
        env: { SETTINGS: SERVER_SETTINGS.join('\n'), HBA: HOST_BASED_AUTHENTICATION.join('\n') },
        label: "replace the backup's configuration with the clone's",
    });
    await startWithRecovery(shell);
    await checkSuperuser(shell);
}
/**
 * Clones log in as postgres, the role initdb makes unless told otherwise. A server set up with
 * another bootstrap superuser (initdb -U admin) has no such role, and nothing in its files says
 * what its superuser is called, so the build stops here rather than make clones nobody can use.
 */
async function checkSuperuser(shell) {
    const found = await shell.run(withBinaries([
        'sh',
        '-c',
        `${PSQL.join(' ')} -d postgres -tAc "SELECT rolsuper FROM pg_roles WHERE rolname = 'postgres'" 2>&1 || true`,
    ]), { label: 'look for the postgres superuser' });
    if (found.trim() === 't')
        return;
    throw new errors/* DatacloneError */.YF('the physical backup has no superuser role postgres, which clones log in as', 'On the source server, create it before taking the backup (CREATE ROLE postgres SUPERUSER LOGIN;), or restore a pg_dumpall dump instead (instance: { source: all.sql }): dataclone creates postgres before that restore.');
}
/**
 * What a backup of a replica or a tuned server leaves behind and a clone must not use: signal
 * files that would make it a standby, primary_conninfo and restore_command (ALTER SYSTEM, in
 * postgresql.auto.conf), and a postgresql.conf that may preload libraries, require TLS files or
 * live elsewhere entirely (Debian keeps it in /etc). The clone's own settings win: the files
 * are written anew, as a build's initdb would leave them.
 */
const REPLACE_CONFIGURATION = `set -e
cd "$1"
rm -f standby.signal recovery.signal postmaster.pid postmaster.opts
printf '%s\\n' "$SETTINGS" > postgresql.conf
: > postgresql.auto.conf
printf '%s\\n' "$HBA" > pg_hba.conf
: > pg_ident.conf
chmod 600 postgresql.conf postgresql.auto.conf pg_hba.conf pg_ident.conf`;
function unpackSteps(backup) {
    // The definition gives PostgreSQL only its own backups; this is a backstop.
    if (backup.kind === 'mariabackup')
        throw new Error(`PostgreSQL cannot restore a mariabackup (${backup.path})`);
    if (backup.kind === 'pg-basebackup-plain') {
        return [
            {
                input: { kind: 'folder-as-tar', path: backup.path },
                into: DATA_DIRECTORY,
                label: 'copy the base backup into the data directory',
            },
        ];
    }
    const tarFile = (path) => ({ kind: 'file', path, gunzip: /\.t?gz$/i.test(path) });
    return [
        { input: tarFile(backup.base), into: DATA_DIRECTORY, label: 'unpack the base backup' },
        ...(backup.wal
            ? [{ input: tarFile(backup.wal), into: `${DATA_DIRECTORY}/pg_wal`, label: "unpack the backup's WAL" }]
            : []),
    ];
}
/** A data directory starts only under the major version that wrote it. */
async function checkMajorVersion(shell) {
    const found = await shell.run(withBinaries([
        'sh',
        '-c',
        'cat "$1/PG_VERSION" 2>/dev/null || echo none; postgres -V | sed -E "s/.* ([0-9]+)[.0-9]*.*/\\1/"',
        'sh',
        DATA_DIRECTORY,
    ]), { label: 'compare the backup with the server version' });
    const [backupVersion = '', serverVersion = ''] = found
        .trim()
        .split('\n')
        .map((line) => line.trim());
    if (backupVersion === 'none') {
        throw new errors/* DatacloneError */.YF('the physical backup has no PG_VERSION file: it is not a pg_basebackup of a data directory', 'Make it with pg_basebackup -D <folder> -Fp (or -Ft) -X stream, and point instance.backup at its folder.');
    }
    if (backupVersion !== serverVersion) {
        throw new errors/* DatacloneError */.YF(`the physical backup is of PostgreSQL ${backupVersion}, and the image's server is PostgreSQL ${serverVersion}`, `A data directory starts only under the major version that wrote it: set version: "${backupVersion}" (and a matching baseImage), or restore a logical dump (pg_dumpall) instead.`);
    }
}
/** Starts the server, which recovers from the backup's WAL first; the log says why it would not. */
async function startWithRecovery(shell) {
    await shell
        .run(withBinaries([
        'sh',
        '-c',
        `pg_ctl -D "$1" -l ${SERVER_LOG} -w -t 3600 start >/dev/null || { tail -n 15 ${SERVER_LOG} >&2; exit 1; }`,
        'sh',
        DATA_DIRECTORY,
    ]), { label: 'start the server from the backup (crash recovery)' })
        .catch((error) => {
        const text = error instanceof Error ? error.message : String(error);
        if (/checkpoint record|could not locate|No such file or directory.*pg_wal|invalid checkpoint/i.test(text)) {
            throw new errors/* DatacloneError */.YF(`${text}\nthe base backup's WAL is missing or incomplete: the server cannot recover it to a consistent state`, 'Make the backup with -X stream (pg_wal.tar beside base.tar, or pg_wal/ in a plain backup) or -X fetch, and keep every file it wrote.', { cause: error });
        }
        throw error;
    });
}

// EXTERNAL MODULE: ./src/engines/readiness.ts
var readiness = __webpack_require__(60511);
;// CONCATENATED MODULE: ./src/engines/postgres.ts









const DATA_DIRECTORY = '/var/lib/dataclone/pgdata';
const RESTORE_DIRECTORY = '/tmp/dataclone-restore';
const SERVER_LOG = '/tmp/dataclone-build.log';
/**
 * Settings for throwaway test instances: durability buys nothing in a clone that is removed at
 * the end of a job, and costs time in every build, migration and test.
 */
const SERVER_SETTINGS = [
    "listen_addresses = '*'",
    `unix_socket_directories = '${SOCKET_DIRECTORY}'`,
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
];
/**
 * Clients outside the container need the clone's password. Inside it, the unix socket and the
 * container's own loopback are trusted, so cross-database links (postgres_fdw, dblink) made in
 * the image work in every clone without storing a password that changes per clone.
 */
const HOST_BASED_AUTHENTICATION = [
    'local all all trust',
    'host all all 127.0.0.1/32 trust',
    'host all all ::1/128 trust',
    'host all all all scram-sha-256',
];
const postgresEngine = {
    name: 'postgres',
    port: 5432,
    superuser: 'postgres',
    serverUser: 'postgres',
    maintenanceDatabase: 'postgres',
    dataDirectory: DATA_DIRECTORY,
    scratchDirectories: [],
    ...postgresInstanceRestore,
    initialiseFromBackup: (shell, backup) => initialiseFromBaseBackup(shell, backup),
    serverVersionCommand() {
        return withBinaries(['postgres', '--version']);
    },
    async initialise(shell) {
        await shell.run(['sh', '-c', 'mkdir -p "$1" && chown postgres: "$1"', 'sh', '/var/lib/dataclone'], {
            user: 'root',
            label: 'prepare the data directory',
        });
        await shell.run(withBinaries([
            'initdb',
            '-D',
            DATA_DIRECTORY,
            '-U',
            'postgres',
            '--auth=trust',
            '--encoding=UTF8',
            '--locale=C.UTF-8',
            '--no-sync',
            // A clone's first write to a WAL segment copies the whole file into its writable layer:
            // 1 MB segments instead of 16 MB make that copy, paid by every clone at start, 16x cheaper.
            '--wal-segsize=1',
        ]), { label: 'initialise the instance (initdb)' });
        await shell.run([
            'sh',
            '-c',
            'printf "%s\\n" "$SETTINGS" >> "$1/postgresql.conf" && printf "%s\\n" "$HBA" > "$1/pg_hba.conf"',
            'sh',
            DATA_DIRECTORY,
        ], {
            env: { SETTINGS: SERVER_SETTINGS.join('\n'), HBA: HOST_BASED_AUTHENTICATION.join('\n') },
            label: 'configure the instance',
        });
        await shell.run(
        // The build's server removes WAL segments it is done with instead of keeping them under
        // new names for reuse: the segments of the restore (and of masking's old rows) are gone
        // from the image once finalise's checkpoint is past them. Not in postgresql.conf: clones recycle.
        withBinaries([
            'pg_ctl',
            '-D',
            DATA_DIRECTORY,
            '-l',
            SERVER_LOG,
            '-o',
            '-c wal_recycle=off',
            '-w',
            '-t',
            '300',
            'start',
        ]), {
            label: 'start the server',
        });
    },
    async createDatabase(shell, name) {
        await shell.run(withBinaries([...PSQL, '-d', 'postgres', '-c', `CREATE DATABASE "${name}"`]), {
            label: `create database ${name}`,
        });
    },
    async runScript(shell, script, label) {
        await runSql(shell, script.database ?? 'postgres', sqlInput(script.path), label);
    },
    async restoreDatabase(shell, database, reporter) {
        const label = `restore database ${database.name}`;
        const source = database.source;
        switch (source.kind) {
            case 'empty':
            case 'instance':
                return;
            case 'live':
                return (0,live_source/* streamLiveSource */.KV)(shell, postgresLiveDump, source, {
                    scope: 'database',
                    database: database.name,
                    label,
                    reporter,
                });
            case 'sql':
            case 'sql-gz':
                // A dump that creates its own database (pg_dump --create) connects to it with \connect.
                return runSql(shell, source.createsDatabase ? 'postgres' : database.name, sqlInput(source.path), label);
            case 'scripts':
                for (const file of source.files) {
                    await runSql(shell, database.name, sqlInput(file), `${label}: ${external_node_path_default().basename(file)}`);
                }
                return;
            case 'pg-custom':
                await shell.run(withBinaries(pgRestore(database.name, [])), {
                    input: { kind: 'file', path: source.path },
                    label,
                });
                return;
            case 'pg-directory':
                // Parallel restore needs a seekable archive, so the folder is unpacked in the container
                // first; it is removed again before the image is committed.
                await shell.run([
                    'sh',
                    '-c',
                    `${FIND_BINARIES}; set -e; rm -rf "$1"; mkdir -p "$1"; tar -x -C "$1"; shift; "$@" -j 2 "${RESTORE_DIRECTORY}"; rm -rf "${RESTORE_DIRECTORY}"`,
                    'sh',
                    RESTORE_DIRECTORY,
                    ...pgRestore(database.name, []),
                ], { input: { kind: 'folder-as-tar', path: source.path }, label });
                return;
        }
    },
    async connectsToItself(shell, databases) {
        for (const database of ['postgres', ...databases]) {
            const found = await shell.run(withBinaries([
                ...PSQL,
                '-d',
                database,
                '-tAc',
                "SELECT count(*) FROM pg_extension WHERE extname IN ('postgres_fdw', 'dblink')",
            ]), { label: `look for postgres_fdw and dblink in ${database}` });
            if (found.trim() !== '0')
                return true;
        }
        return false;
    },
    async finalise(shell) {
        // Frozen rows with hint bits set mean a clone's first reads do not dirty pages, so reading a
        // table never copies its files into the clone's writable layer.
        await shell.run(withBinaries([
            'vacuumdb',
            '-h',
            SOCKET_DIRECTORY,
            '-U',
            'postgres',
            '--all',
            '--freeze',
            '--analyze',
            '-q',
        ]), {
            // A parallel vacuum of a table with two or more large indexes asks for a shared memory
            // segment as large as maintenance_work_mem (64 MB), which Docker's 64 MB /dev/shm
            // cannot hold: the build failed with "could not resize shared memory segment".
            env: { PGOPTIONS: '-c max_parallel_maintenance_workers=0' },
            label: 'freeze and analyse every database (vacuumdb)',
        });
        // The shutdown checkpoint then lands at the start of a fresh WAL segment. Ending more than
        // three quarters into one instead makes every clone's server create the next segment at
        // start (1 MB more in each clone's writable layer).
        await shell.run(withBinaries([...PSQL, '-d', 'postgres', '-c', 'SELECT pg_switch_wal()', '-c', 'CHECKPOINT']), {
            label: 'start a fresh WAL segment',
        });
        await shell.run(withBinaries(['pg_ctl', '-D', DATA_DIRECTORY, '-m', 'fast', '-w', '-t', '300', 'stop']), {
            label: 'stop the server cleanly',
        });
        await shell.run(['sh', '-c', `rm -rf ${SERVER_LOG} ${RESTORE_DIRECTORY}`], {
            user: 'root',
            label: 'tidy up',
        });
    },
    checkpointCommand() {
        // The clone's server listens on its own port (host networking), and so does its socket.
        return [
            'sh',
            '-c',
            `${FIND_BINARIES}; exec ${PSQL.join(' ')} -p "\${${engine/* LISTEN_PORT_VARIABLE */.BW}:-5432}" -d postgres -c CHECKPOINT`,
        ];
    },
    clientCommand(database, args) {
        // The socket's name carries the port, which is the clone's own with host networking.
        return [
            'sh',
            '-c',
            `${FIND_BINARIES}; db="$1"; shift; exec psql -h ${SOCKET_DIRECTORY} -p "\${${engine/* LISTEN_PORT_VARIABLE */.BW}:-5432}" -U postgres -d "$db" "$@"`,
            'sh',
            database,
            ...args,
        ];
    },
    cloneStart() {
        return {
            entrypoint: ['/bin/sh', '-c', CLONE_START_SCRIPT],
            user: 'postgres',
            env: {},
            readyLogLine: CLONE_READY,
        };
    },
    async waitUntilReady(endpoint, credentials, database, signal) {
        // Loaded here, not at the top: commands that never query a PostgreSQL server never load pg.
        const { default: pg } = await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 83849));
        await (0,readiness/* pollUntilReady */.D)(signal, async () => {
            const client = new pg.Client({
                host: endpoint.host,
                port: endpoint.port,
                user: credentials.user,
                password: credentials.password,
                database,
                connectionTimeoutMillis: 2000,
            });
            // An error event after a failed connect would otherwise crash the process.
            client.on('error', () => { });
            try {
                await client.connect();
                await client.query('SELECT 1');
            }
            finally {
                // Not awaited: the server has answered; waiting for the socket to close costs 10 ms.
                void client.end().catch(() => { });
            }
        });
    },
    connectionDetails(endpoint, credentials, databases, primary) {
        return {
            engine: 'postgres',
            host: endpoint.host,
            port: endpoint.port,
            user: credentials.user,
            password: credentials.password,
            primaryDatabase: primary,
            databases: databases.map((name) => (0,engine/* databaseConnection */.ek)({ url: 'postgresql', jdbc: 'jdbc:postgresql' }, endpoint, credentials, name)),
            clientEnvironment: {
                PGHOST: endpoint.host,
                PGPORT: String(endpoint.port),
                PGUSER: credentials.user,
                PGPASSWORD: credentials.password,
                PGDATABASE: primary,
            },
        };
    },
};
/**
 * A clone's PID 1: starts the server from the image's data and, at the clone's first start, sets
 * the clone's own password before any TCP login can succeed, then waits.
 *
 * The image's data may hold a password that works (a saved clone's), and its pg_hba trusts the
 * container's loopback (for the build, and for postgres_fdw or dblink links of the server to
 * itself): so until the password is set, pg_hba rejects every TCP login, and it is set over the
 * socket. Then the rules clients need are put in place and the server reloads them (one signal).
 * That costs two small file writes and a signal. The other ways cost more: setting the password
 * in a single-user run before the server starts took 80-250 ms (median 160) where the psql call
 * over the socket takes 20-110 ms (median 30; 2 cores, under load), and a socket-only first
 * start followed by a restart to listen on TCP pays a whole second server start.
 *
 * The password arrives in PASSWORD_HANDOVER_FILE, is read with `read`, a shell builtin, reaches
 * psql through printf, another one, so it is never on a command line nor in any environment, and
 * the file is removed once the password is set. A start without it (a restart of the container)
 * finds the password set already and takes TCP logins at once.
 */
const CLONE_READY = 'dataclone: the clone is ready';
const CLONE_HBA_FILE = '/tmp/dataclone-clone-hba.conf';
const CLONE_START_SCRIPT = `${FIND_BINARIES}
port="\${${engine/* LISTEN_PORT_VARIABLE */.BW}:-5432}"
listen="\${${engine/* LISTEN_ADDRESS_VARIABLE */.O$}:-*}"
pidfile=${DATA_DIRECTORY}/postmaster.pid
handover=${engine/* PASSWORD_HANDOVER_FILE */.pU}
hba=${CLONE_HBA_FILE}
# An image saved from a running clone, or a container started again, holds a server's lock files;
# no server runs here yet.
rm -f "$pidfile" ${SOCKET_DIRECTORY}/.s.PGSQL.*
# $1: how TCP logins from elsewhere are treated. The container's own loopback is trusted only
# when it is the container's own: with host networking, it is the Docker host's.
write_hba() {
  if [ "$${engine/* NETWORK_VARIABLE */.M0}" = host ]; then
    printf '%s\\n' 'local all all trust' "host all all all $1" > "$hba"
  else
    printf '%s\\n' 'local all all trust' 'host all all 127.0.0.1/32 trust' 'host all all ::1/128 trust' "host all all all $1" > "$hba"
  fi
}
# Written while the server starts, the hand-over may be on its way: until it is known, this
# start is taken for a first one.
first=
if [ "$${engine/* HANDOVER_VARIABLE */.H8}" = ${engine/* HANDOVER_AFTER_START */.IV} ] || [ -f "$handover" ]; then
  first=yes
  write_hba reject
else
  write_hba scram-sha-256
fi
# New WAL segments as sparse files: no zeros written, no disk taken until WAL fills them.
postgres -D ${DATA_DIRECTORY} -c wal_init_zero=off -c port="$port" -c listen_addresses="$listen" -c hba_file="$hba" &
server=$!
trap 'kill -INT "$server" 2>/dev/null' INT TERM
alive() { kill -0 "$server" 2>/dev/null || { wait "$server"; exit $?; }; }
# The eighth line of postmaster.pid says "ready" once the server accepts connections (what
# pg_ctl -w reads): read with shell builtins, it costs no process per try, where psql costs 50 ms.
ready() {
  [ -f "$pidfile" ] || return 1
  n=0
  while read -r line; do n=$((n + 1)); [ "$n" -eq 8 ] && { [ "$line" = ready ]; return; }; done < "$pidfile"
  return 1
}
until ready; do alive; sleep 0.01; done
if [ "$${engine/* HANDOVER_VARIABLE */.H8}" = ${engine/* HANDOVER_AFTER_START */.IV} ]; then
  until [ -e ${engine/* PASSWORD_RECORD_FILE */.rA} ]; do alive; sleep 0.01; done
fi
if [ -n "$first" ]; then
  if [ -f "$handover" ]; then
    IFS= read -r password < "$handover"
    # Over a connection to the database the clients use first: the server reads a database's
    # catalogs at its first connection (opening them read-write, which copies them into the
    # clone's layer), so one database read instead of two.
    until printf "ALTER ROLE postgres PASSWORD '%s';\\n" "$password" | ${PSQL.join(' ')} -p "$port" -d "\${${engine/* DATABASE_VARIABLE */.bf}:-postgres}" >/dev/null 2>&1; do
      alive
      sleep 0.01
    done
    unset password
    rm -f "$handover"
  fi
  # The postmaster reads pg_hba again at SIGHUP, before it starts the next connection's backend;
  # a backend started before (a login tried in the window) keeps the rules that reject it.
  write_hba scram-sha-256
  kill -HUP "$server"
fi
echo "${CLONE_READY}"
wait "$server"
wait "$server"`;
function withBinaries(command) {
    return ['sh', '-c', `${FIND_BINARIES}; exec "$@"`, 'sh', ...command];
}
function pgRestore(database, extra) {
    return [
        'pg_restore',
        '-h',
        SOCKET_DIRECTORY,
        '-U',
        'postgres',
        '-d',
        database,
        '--exit-on-error',
        ...extra,
    ];
}
function sqlInput(path) {
    return { kind: 'file', path, gunzip: path.endsWith('.gz') };
}
async function runSql(shell, database, input, label) {
    await shell.run(withBinaries([...PSQL, '-d', database, '-f', '-']), { input, label });
}


/***/ }),

/***/ 60511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ pollUntilReady),
/* harmony export */   S: () => (/* binding */ ReadinessTimeout)
/* harmony export */ });
/**
 * Calls `attempt` until it succeeds or `signal` aborts, pausing briefly between tries. A server
 * that is still starting refuses connections, resets them or rejects logins, so every error is
 * a reason to try again; the last one explains a timeout.
 */
const POLL_INTERVAL_MS = 10;
async function pollUntilReady(signal, attempt) {
    let lastError;
    while (!signal.aborted) {
        try {
            await attempt();
            return;
        }
        catch (error) {
            lastError = error;
        }
        // A refused connection to a local port costs well under a millisecond, so polling often is
        // cheap, and every pause is time added to clone create and reset.
        await sleep(POLL_INTERVAL_MS, signal);
    }
    throw new ReadinessTimeout(lastError);
}
class ReadinessTimeout extends Error {
    lastError;
    constructor(lastError) {
        super(lastError instanceof Error ? lastError.message : String(lastError ?? 'no attempt was made'));
        this.lastError = lastError;
    }
}
function sleep(ms, signal) {
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
    });
}


/***/ }),

/***/ 12481:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BR: () => (/* binding */ dockerBuildShell),
/* harmony export */   JI: () => (/* binding */ BuildStepError),
/* harmony export */   xq: () => (/* binding */ missingObjectHint)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var tar_fs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(35645);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(74296);






/** A build step that exited non-zero: says which step, and what the server or tool printed. */
class BuildStepError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DatacloneError */ .YF {
    step;
    exitCode;
    stderr;
    constructor(step, exitCode, stderr) {
        super(`image build failed at step "${step}" (exit code ${exitCode}):\n${indent(lastLines(stderr, 20)) || '  (no output)'}`, `${missingObjectHint(stderr) ?? 'Fix the source or script named above and build again'}; nothing was tagged and the build container was removed.`);
        this.step = step;
        this.exitCode = exitCode;
        this.stderr = stderr;
    }
}
/**
 * What to do when a dump needs a role or an extension the instance does not have, or creates
 * its own database further down than dataclone looks for it.
 */
function missingObjectHint(stderr) {
    if (/cannot drop the currently open database/.test(stderr))
        return 'The script drops and creates its own database: set createsDatabase: true on its entry, so that it runs in the maintenance database';
    const role = /role "([^"]+)" does not exist/.exec(stderr)?.[1];
    if (role)
        return `The dump needs role ${role}: create it in a setup script (CREATE ROLE ${role};), listed under setup`;
    const extension = /extension "([^"]+)" is not available/.exec(stderr)?.[1];
    if (extension)
        return `The base image has no extension ${extension}: set baseImage to an image that has it installed (one built FROM the official image that installs it)`;
    return undefined;
}
/**
 * psql names what it reads on standard input `<stdin>`, and mysql says only "at line N": the
 * file the build streamed in is what the user can open.
 */
function nameTheInput(stderr, input) {
    if (input?.kind !== 'file')
        return stderr;
    return stderr
        .replaceAll('psql:<stdin>:', `psql:${input.path}:`)
        .replace(/^(ERROR \d+ \([^)]*\) at line \d+)(?=:)/gm, `$1 of ${input.path}`);
}
/** Runs an engine's build commands in the build container, streaming inputs from this machine. */
function dockerBuildShell(host, containerId, serverUser, reporter) {
    return {
        async run(command, options) {
            const label = options?.label ?? command.join(' ');
            reporter.debug(`build step: ${label}`);
            const stdin = options?.input ? await openInput(options.input, label, reporter) : undefined;
            let inputError;
            stdin?.on('error', (error) => (inputError = error));
            const result = await host.exec(containerId, command, {
                user: options?.user === 'root' ? 'root' : serverUser,
                env: options?.env,
                stdin,
                onStderrLine: options?.onStderrLine,
            });
            if (inputError)
                throw inputErrorFor(inputError, options?.input, label);
            if (result.exitCode !== 0)
                throw new BuildStepError(label, result.exitCode, nameTheInput(result.stderr, options?.input));
            return result.stdout;
        },
        async unpack(input, directory, label) {
            reporter.debug(`build step: ${label}`);
            // The daemon reads gzip itself: the file goes over as it is on disk.
            const archive = await openInput(input.kind === 'file' ? { ...input, gunzip: false } : input, label, reporter);
            let inputError;
            archive.on('error', (error) => (inputError = error));
            try {
                await host.putArchive(containerId, directory, archive);
            }
            catch (error) {
                throw inputErrorFor(inputError ?? error, input, label);
            }
            if (inputError)
                throw inputErrorFor(inputError, input, label);
        },
    };
}
async function openInput(input, label, reporter) {
    if (input.kind === 'folder-as-tar')
        return tar_fs__WEBPACK_IMPORTED_MODULE_4__.pack(input.path);
    if (input.kind === 'text')
        return node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.from([Buffer.from(input.text)]);
    const total = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(input.path)).size;
    const file = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(input.path);
    const counted = countBytes(label, total, reporter);
    // A pipeline, not pipe(): a read error (or a corrupt gzip) reaches the last stream, which the
    // exec reads, and destroying that stream, once the command has ended, closes the file too.
    // Errors are seen on the last stream; the callback has nothing to add.
    const stages = [counted];
    if (input.gunzip)
        stages.push((0,node_zlib__WEBPACK_IMPORTED_MODULE_3__.createGunzip)());
    if (input.rewrite)
        stages.push(input.rewrite());
    return (0,node_stream__WEBPACK_IMPORTED_MODULE_2__.pipeline)([file, ...stages], () => { });
}
/** Reports how much of a source has been read, as bytes of the file on disk. */
function countBytes(task, total, reporter) {
    let done = 0;
    return new node_stream__WEBPACK_IMPORTED_MODULE_2__.Transform({
        transform(chunk, _encoding, callback) {
            done += chunk.length;
            reporter.progress({ task, done, total, unit: 'bytes' });
            callback(null, chunk);
        },
    });
}
function inputErrorFor(error, input, label) {
    const path = input && 'path' in input ? input.path : '(input)';
    const reason = error instanceof Error ? error.message : String(error);
    const gzip = input?.kind === 'file' && input.gunzip;
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DatacloneError */ .YF(`image build failed at step "${label}": could not read ${path}: ${reason}`, gzip
        ? 'The file is not a valid gzip archive (truncated or corrupt): recreate it, e.g. pg_dump ... | gzip > file.sql.gz.'
        : 'Check that the file is readable and complete.', { cause: error });
}
function lastLines(text, count) {
    return text.trimEnd().split('\n').slice(-count).join('\n');
}
function indent(text) {
    return text ? text.replace(/^/gm, '  ') : '';
}


/***/ }),

/***/ 6958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HF: () => (/* binding */ checkLiveCredentials),
/* harmony export */   KV: () => (/* binding */ streamLiveSource)
/* harmony export */ });
/* unused harmony export readCredentials */
/* harmony import */ var _core_bytes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79596);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _images_build_shell_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12481);



/**
 * Dumps a live server inside the build container with the base image's own client, so that the
 * client matches the server's major version, straight into the restore: `dump | dd | restore`,
 * no temporary copy, dd counting the bytes for progress. The credentials are read from the
 * environment variables the definition names, now, and reach the container in the exec's
 * environment: never on a command line, never in the image (the commit sees no exec's
 * environment, and $dir is removed when the stream ends).
 */
async function streamLiveSource(shell, client, source, target) {
    const { reporter, label } = target;
    const credentials = readCredentials(source);
    if (credentials.password !== undefined)
        reporter.maskSecret(credentials.password);
    const started = performance.now();
    let bytes = 0;
    const out = await shell.run(['sh', '-c', streamScript(client, target.scope)], {
        env: {
            SOURCE_HOST: source.host,
            SOURCE_PORT: String(source.port),
            SOURCE_USER: credentials.user,
            ...(source.database !== undefined && { SOURCE_DATABASE: source.database }),
            ...(source.sslmode !== undefined && { SOURCE_SSLMODE: source.sslmode }),
            ...(credentials.password !== undefined && { SOURCE_PASSWORD: credentials.password }),
            ...(target.database !== undefined && { TARGET_DATABASE: target.database }),
        },
        label,
        onStderrLine: (line) => {
            const copied = /^(\d+) bytes/.exec(line);
            if (!copied)
                return;
            bytes = Number(copied[1]);
            reporter.progress({ task: label, done: bytes, unit: 'bytes' });
        },
    });
    const outcome = readOutcome(out);
    const scrub = (text) => credentials.password ? text.replaceAll(credentials.password, '***') : text;
    if (outcome.dumpFailed) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${source.field}: could not dump ${source.url} (host ${source.host}, port ${source.port}) as user '${credentials.user}':\n${indent(scrub(outcome.dumpErrors))}`, `Check that the build container reaches ${source.host}:${source.port} (image build --network joins it to a Docker network), and that the user${source.userEnv ? ` in ${source.userEnv}` : ''}${source.passwordEnv ? ` and the password in ${source.passwordEnv}` : ''} may read ${target.scope === 'instance' ? 'the whole server' : `database ${source.database}`}; nothing was tagged.`);
    }
    if (outcome.restoreFailed) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`image build failed at step "${label}": the dump of ${source.url} did not restore:\n${indent(scrub(outcome.restoreErrors))}`, `${(0,_images_build_shell_js__WEBPACK_IMPORTED_MODULE_1__/* .missingObjectHint */ .xq)(outcome.restoreErrors) ?? 'Fix what the restore names and build again'}; nothing was tagged.`);
    }
    reporter.info(`Dumped ${(0,_core_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(bytes)} from ${source.url} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
/**
 * Reads the credentials of every live source of the definition: a variable that is not set
 * fails the build before it starts a container, not half way through.
 */
function checkLiveCredentials(definition) {
    const sources = [definition.instance?.source, ...definition.databases.map((db) => db.source)];
    for (const source of sources)
        if (source?.kind === 'live')
            readCredentials(source);
}
/** The user and password, from the URL and the environment variables the definition names. */
function readCredentials(source, env = process.env) {
    const variable = (name, field) => {
        const value = env[name];
        if (value === undefined || value === '') {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${source.field}.${field}: the environment variable ${name} is not set, so the build cannot log in to ${source.url}`, `Set ${name} in the environment of the build (a CI secret: GitHub secrets, an Azure secret variable).`);
        }
        if (/[\r\n\0]/.test(value)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DatacloneError */ .YF(`${source.field}.${field}: the environment variable ${name} holds a line break or NUL, which no client takes`, `Set ${name} to the ${field === 'userEnv' ? 'user' : 'password'} alone.`);
        }
        return value;
    };
    const user = source.user ?? variable(source.userEnv ?? '', 'userEnv');
    if (source.passwordEnv === undefined)
        return { user };
    return { user, password: variable(source.passwordEnv, 'passwordEnv') };
}
/**
 * The dump's and the restore's exit status and standard error each go to a file of their own,
 * reported on standard output once both have ended: a dump that cannot connect writes nothing,
 * and a restore of nothing succeeds, so only the dump's own status tells that it failed.
 * Standard error carries dd's progress alone.
 */
function streamScript(client, scope) {
    return `dir=$(mktemp -d /tmp/dataclone-live.XXXXXX) || exit 1
trap 'rm -rf "$dir"' EXIT
${client.dumpFunction(scope)}
${client.restoreFunction(scope)}
{ dump_source 2>"$dir/dump.err"; echo $? >"$dir/dump.status"; } |
  dd bs=1M iflag=fullblock status=progress |
  { restore_target >/dev/null 2>"$dir/restore.err"; echo $? >"$dir/restore.status"; }
echo "dump $(cat "$dir/dump.status")"
echo "restore $(cat "$dir/restore.status")"
echo "${DUMP_ERRORS}"
tail -n 20 "$dir/dump.err"
echo "${RESTORE_ERRORS}"
tail -n 20 "$dir/restore.err"`;
}
const DUMP_ERRORS = '--- dataclone: dump errors';
const RESTORE_ERRORS = '--- dataclone: restore errors';
/**
 * A dump that failed by itself (not broken off because the restore stopped reading) is the
 * cause, whatever the restore then did; otherwise a restore that failed is.
 */
function readOutcome(out) {
    const status = (name) => new RegExp(`^${name} (\\d+)$`, 'm').exec(out)?.[1];
    const dumpErrors = between(out, DUMP_ERRORS, RESTORE_ERRORS).trim();
    const restoreErrors = between(out, RESTORE_ERRORS).trim();
    const restoreFailed = status('restore') !== '0';
    // 141: killed by SIGPIPE; pg_dump and mysqldump may instead say so and exit 1.
    const brokenOff = restoreFailed && (status('dump') === '141' || /broken pipe|Got errno 32/i.test(dumpErrors));
    const dumpFailed = status('dump') !== '0' && !brokenOff;
    return {
        dumpFailed,
        restoreFailed,
        dumpErrors: dumpErrors || '(no output)',
        restoreErrors: restoreErrors || '(no output)',
    };
}
function between(text, start, end) {
    const from = text.indexOf(start);
    if (from < 0)
        return '';
    const to = end === undefined ? text.length : text.indexOf(end, from);
    return text.slice(from + start.length, to < 0 ? text.length : to);
}
function indent(text) {
    return text.replace(/^/gm, '  ');
}


/***/ })

};
