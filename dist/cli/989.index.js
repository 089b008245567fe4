export const id = 989;
export const ids = [989];
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
const PASSWORD_RECORD_DIRECTORY = '/var/lib/dataclone-clone';
const PASSWORD_RECORD_FILE = `${PASSWORD_RECORD_DIRECTORY}/password`;
/** Clones made by dataclone before the record existed kept the password in their environment. */
const LEGACY_PASSWORD_VARIABLE = 'DATACLONE_PASSWORD';
/** The anonymous volume that holds the record, labelled like the clone so that clean-ups find it. */
function passwordRecordVolume(owner) {
    return { path: PASSWORD_RECORD_DIRECTORY, labels: { [_docker_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .Labels */ .gC.owner]: owner } };
}
/**
 * The files written into a clone's server container before it starts: the hand-over its start
 * script reads and removes (see PASSWORD_HANDOVER_FILE), and, in the container that is the clone
 * (not a standby's slot servers), the record.
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
    return [{ path: PASSWORD_RECORD_FILE, content: password, mode: 0o400 }];
}
/** The password of a clone, running or stopped; empty when it cannot be found. */
async function readClonePassword(host, info) {
    const recorded = await host.readFile(info.id, PASSWORD_RECORD_FILE);
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
/* harmony export */   Rl: () => (/* binding */ findClone),
/* harmony export */   rx: () => (/* binding */ requireClone),
/* harmony export */   vh: () => (/* binding */ cloneFromContainer)
/* harmony export */ });
/* unused harmony exports PASSWORD_VARIABLE, DATABASES_LABEL, isClone */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _docker_labels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20065);
/* harmony import */ var _engines_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4913);
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
    const info = await host.inspectContainer((0,_clone_js__WEBPACK_IMPORTED_MODULE_4__/* .containerNameFor */ .e)(name));
    if (!info || !isClone(info) || info.labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.clone] !== name)
        return undefined;
    return cloneFromContainer(host, info, await (0,_clone_password_js__WEBPACK_IMPORTED_MODULE_3__/* .readClonePassword */ .pT)(host, info));
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
    const clone = await findClone(host, name);
    if (clone)
        return clone;
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
        imageId: labels[_docker_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .Labels */ .gC.imageId] || info.imageId,
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
        tmpfs: settings.image.volumes,
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
/* harmony export */   M0: () => (/* binding */ NETWORK_VARIABLE),
/* harmony export */   O$: () => (/* binding */ LISTEN_ADDRESS_VARIABLE),
/* harmony export */   bf: () => (/* binding */ DATABASE_VARIABLE),
/* harmony export */   ek: () => (/* binding */ databaseConnection),
/* harmony export */   pU: () => (/* binding */ PASSWORD_HANDOVER_FILE)
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
 * archive API before the container starts, read with shell builtins (so never on a command line
 * or in any process's environment) and removed once the server holds the password. A start
 * without it is a restart of the same container (the Docker Engine restarted): the data in its
 * writable layer holds the clone's credentials already.
 */
const PASSWORD_HANDOVER_FILE = '/tmp/dataclone-handover/password';
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

/***/ 4913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ engineFor)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/engines/engine.ts
var engine = __webpack_require__(39105);
// EXTERNAL MODULE: ./src/engines/readiness.ts
var readiness = __webpack_require__(60511);
;// CONCATENATED MODULE: ./src/engines/mysql.ts



/** Outside /var/lib/mysql, which the official images declare as a VOLUME. */
const DATA_DIRECTORY = '/var/lib/dataclone/mysql';
const SOCKET = '/tmp/dataclone-mysqld.sock';
const PID_FILE = '/tmp/dataclone-mysqld.pid';
const SERVER_LOG = '/tmp/dataclone-build.log';
/** MariaDB names its programs mariadb*, MySQL mysql*; older MariaDB images have only mysql*. */
const FIND_PROGRAMS = [
    'SERVER=$(command -v mariadbd || command -v mysqld)',
    'CLIENT=$(command -v mariadb || command -v mysql)',
    'ADMIN=$(command -v mariadb-admin || command -v mysqladmin)',
].join('; ');
/**
 * Options on the command line, after --no-defaults: a server configured by the image's my.cnf
 * (bind-address = 127.0.0.1 in Debian's, a datadir in the VOLUME) would behave differently from
 * one image to the next. Durability is switched off: a clone is thrown away at the end of a job.
 * A small redo log matters most: a clone's first write to it copies the whole file into the
 * clone's writable layer.
 */
const SERVER_OPTIONS = [
    '--no-defaults',
    `--datadir=${DATA_DIRECTORY}`,
    `--socket=${SOCKET}`,
    `--pid-file=${PID_FILE}`,
    '--port=3306',
    '--bind-address=0.0.0.0',
    '--skip-name-resolve',
    '--character-set-server=utf8mb4',
    '--innodb-flush-log-at-trx-commit=0',
    '--skip-innodb-doublewrite',
    '--innodb-log-file-size=8M',
    // The system and temporary tablespaces start at 12 MB each, copied into every clone.
    '--innodb-data-file-path=ibdata1:1M:autoextend',
    '--innodb-temp-data-file-path=ibtmp1:1M:autoextend',
    '--innodb-autoextend-increment=1',
    '--innodb-buffer-pool-size=64M',
    '--performance-schema=OFF',
    '--skip-log-bin',
    '--loose-innodb-redo-log-capacity=8M',
    '--loose-mysqlx=OFF',
    '--loose-innodb-buffer-pool-dump-at-shutdown=0',
    '--loose-innodb-buffer-pool-load-at-startup=0',
];
const CLIENT = '"$CLIENT" --no-defaults --protocol=socket --socket=' + SOCKET + ' -uroot';
/** Reads SQL on standard input; stops at the first error, like psql with ON_ERROR_STOP. */
function clientCommand(database) {
    return shell(`${CLIENT} --default-character-set=utf8mb4 ${database ? `--database="$1"` : ''}`, database);
}
function shell(script, ...args) {
    return ['sh', '-c', `${FIND_PROGRAMS}; set -e; ${script}`, 'sh', ...args.filter((a) => a !== undefined)];
}
function mysqlEngine(flavour) {
    return {
        name: flavour,
        port: 3306,
        superuser: 'root',
        serverUser: 'mysql',
        maintenanceDatabase: 'mysql',
        dataDirectory: DATA_DIRECTORY,
        async initialise(run) {
            await run.run(['sh', '-c', 'mkdir -p "$1" && chown mysql: "$1"', 'sh', DATA_DIRECTORY], {
                user: 'root',
                label: 'prepare the data directory',
            });
            await run.run(shell(`if command -v mariadb-install-db >/dev/null; then
             mariadb-install-db ${SERVER_OPTIONS.join(' ')} --auth-root-authentication-method=normal --skip-test-db >/tmp/dataclone-init.log 2>&1 || { cat /tmp/dataclone-init.log >&2; exit 1; }
           else
             "$SERVER" ${SERVER_OPTIONS.join(' ')} --initialize-insecure >/tmp/dataclone-init.log 2>&1 || { cat /tmp/dataclone-init.log >&2; exit 1; }
           fi
           rm -f /tmp/dataclone-init.log`), { label: 'initialise the instance' });
            await run.run(shell(`setsid "$SERVER" ${SERVER_OPTIONS.join(' ')} >${SERVER_LOG} 2>&1 </dev/null &
           i=0
           until "$ADMIN" --no-defaults --socket=${SOCKET} -uroot ping >/dev/null 2>&1; do
             i=$((i+1)); if [ $i -gt 3000 ]; then tail -20 ${SERVER_LOG} >&2; exit 1; fi
             if ! kill -0 $! 2>/dev/null; then tail -20 ${SERVER_LOG} >&2; exit 1; fi
             sleep 0.1
           done`), { label: 'start the server' });
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
        async restoreDatabase(run, database, _reporter) {
            const label = `restore database ${database.name}`;
            const source = database.source;
            switch (source.kind) {
                case 'empty':
                    return;
                case 'sql':
                case 'sql-gz':
                    return runSql(run, database.name, sqlInput(source.path), label);
                case 'scripts':
                    for (const file of source.files) {
                        await runSql(run, database.name, sqlInput(file), `${label}: ${external_node_path_default().basename(file)}`);
                    }
                    return;
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
            await run.run(['sh', '-c', `rm -f ${SERVER_LOG}`], { user: 'root', label: 'tidy up' });
        },
        checkpointCommand() {
            return shell(`${CLIENT} -e "FLUSH TABLES"`);
        },
        clientCommand(database, args) {
            // The socket is the same with host networking: only the TCP port is the clone's own.
            return shell(`db="$1"; shift; exec ${CLIENT} --default-character-set=utf8mb4 --database="$db" "$@"`, database, ...args);
        },
        cloneStart() {
            return {
                entrypoint: ['/bin/sh', '-c', cloneStartScript()],
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
            return {
                engine: flavour,
                host: endpoint.host,
                port: endpoint.port,
                user: credentials.user,
                password: credentials.password,
                primaryDatabase: primary,
                databases: databases.map((name) => (0,engine/* databaseConnection */.ek)({ url: 'mysql', jdbc: jdbcScheme }, endpoint, credentials, name)),
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
function cloneStartScript() {
    const options = `${SERVER_OPTIONS.join(' ')} --port="\${${engine/* LISTEN_PORT_VARIABLE */.BW}:-3306}" --bind-address="\${${engine/* LISTEN_ADDRESS_VARIABLE */.O$}:-0.0.0.0}"`;
    return `${FIND_PROGRAMS}
handover=${engine/* PASSWORD_HANDOVER_FILE */.pU}
# An image saved from a running clone, or a container started again, holds a server's pid file
# and socket lock; none runs here yet.
rm -f ${SOCKET} ${SOCKET}.lock ${PID_FILE}
if [ -f "$handover" ]; then
  IFS= read -r password < "$handover"
  printf "DROP USER IF EXISTS ${LOGINS_TO_DROP.join(', ')};\\nALTER USER 'root'@'%%' IDENTIFIED BY '%s' ACCOUNT UNLOCK;\\n" "$password" | "$SERVER" ${options} --init-file=/dev/stdin &
  server=$!
  unset password
  (
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
function sqlInput(file) {
    return { kind: 'file', path: file, gunzip: file.endsWith('.gz') };
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

;// CONCATENATED MODULE: ./src/engines/postgres.ts



const postgres_DATA_DIRECTORY = '/var/lib/dataclone/pgdata';
/** /tmp exists and is writable in every image; /var/run/postgresql is not created by all of them. */
const SOCKET_DIRECTORY = '/tmp';
const RESTORE_DIRECTORY = '/tmp/dataclone-restore';
const postgres_SERVER_LOG = '/tmp/dataclone-build.log';
/**
 * Debian-based images keep the server binaries outside PATH when used without their entrypoint.
 * First in PATH: /usr/bin/psql is Debian's Perl wrapper, which takes 45 ms to start the real one.
 */
const FIND_BINARIES = 'for d in /usr/lib/postgresql/*/bin; do [ -d "$d" ] && PATH="$d:$PATH"; done';
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
const PSQL = ['psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', SOCKET_DIRECTORY, '-U', 'postgres'];
const postgresEngine = {
    name: 'postgres',
    port: 5432,
    superuser: 'postgres',
    serverUser: 'postgres',
    maintenanceDatabase: 'postgres',
    dataDirectory: postgres_DATA_DIRECTORY,
    async initialise(shell) {
        await shell.run(['sh', '-c', 'mkdir -p "$1" && chown postgres: "$1"', 'sh', '/var/lib/dataclone'], {
            user: 'root',
            label: 'prepare the data directory',
        });
        await shell.run(withBinaries([
            'initdb',
            '-D',
            postgres_DATA_DIRECTORY,
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
            postgres_DATA_DIRECTORY,
        ], {
            env: { SETTINGS: SERVER_SETTINGS.join('\n'), HBA: HOST_BASED_AUTHENTICATION.join('\n') },
            label: 'configure the instance',
        });
        await shell.run(withBinaries(['pg_ctl', '-D', postgres_DATA_DIRECTORY, '-l', postgres_SERVER_LOG, '-w', '-t', '300', 'start']), {
            label: 'start the server',
        });
    },
    async createDatabase(shell, name) {
        await shell.run(withBinaries([...PSQL, '-d', 'postgres', '-c', `CREATE DATABASE "${name}"`]), {
            label: `create database ${name}`,
        });
    },
    async runScript(shell, script, label) {
        await postgres_runSql(shell, script.database ?? 'postgres', postgres_sqlInput(script.path), label);
    },
    async restoreDatabase(shell, database, _reporter) {
        const label = `restore database ${database.name}`;
        const source = database.source;
        switch (source.kind) {
            case 'empty':
                return;
            case 'sql':
            case 'sql-gz':
                return postgres_runSql(shell, database.name, postgres_sqlInput(source.path), label);
            case 'scripts':
                for (const file of source.files) {
                    await postgres_runSql(shell, database.name, postgres_sqlInput(file), `${label}: ${external_node_path_default().basename(file)}`);
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
            label: 'freeze and analyse every database (vacuumdb)',
        });
        // The shutdown checkpoint then lands at the start of a fresh WAL segment. Ending more than
        // three quarters into one instead makes every clone's server create the next segment at
        // start (1 MB more in each clone's writable layer).
        await shell.run(withBinaries([...PSQL, '-d', 'postgres', '-c', 'SELECT pg_switch_wal()', '-c', 'CHECKPOINT']), {
            label: 'start a fresh WAL segment',
        });
        await shell.run(withBinaries(['pg_ctl', '-D', postgres_DATA_DIRECTORY, '-m', 'fast', '-w', '-t', '300', 'stop']), {
            label: 'stop the server cleanly',
        });
        await shell.run(['sh', '-c', `rm -rf ${postgres_SERVER_LOG} ${RESTORE_DIRECTORY}`], {
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
            readyLogLine: postgres_CLONE_READY,
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
const postgres_CLONE_READY = 'dataclone: the clone is ready';
const CLONE_HBA_FILE = '/tmp/dataclone-clone-hba.conf';
const CLONE_START_SCRIPT = `${FIND_BINARIES}
port="\${${engine/* LISTEN_PORT_VARIABLE */.BW}:-5432}"
listen="\${${engine/* LISTEN_ADDRESS_VARIABLE */.O$}:-*}"
pidfile=${postgres_DATA_DIRECTORY}/postmaster.pid
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
first=
if [ -f "$handover" ]; then
  IFS= read -r password < "$handover"
  first=yes
  write_hba reject
else
  write_hba scram-sha-256
fi
# New WAL segments as sparse files: no zeros written, no disk taken until WAL fills them.
postgres -D ${postgres_DATA_DIRECTORY} -c wal_init_zero=off -c port="$port" -c listen_addresses="$listen" -c hba_file="$hba" &
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
if [ -n "$first" ]; then
  # Over a connection to the database the clients use first: the server reads a database's
  # catalogs at its first connection (opening them read-write, which copies them into the clone's
  # layer), so one database read instead of two.
  until printf "ALTER ROLE postgres PASSWORD '%s';\\n" "$password" | ${PSQL.join(' ')} -p "$port" -d "\${${engine/* DATABASE_VARIABLE */.bf}:-postgres}" >/dev/null 2>&1; do
    alive
    sleep 0.01
  done
  unset password
  rm -f "$handover"
  # The postmaster reads pg_hba again at SIGHUP, before it starts the next connection's backend;
  # a backend started before (a login tried in the window) keeps the rules that reject it.
  write_hba scram-sha-256
  kill -HUP "$server"
fi
echo "${postgres_CLONE_READY}"
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
function postgres_sqlInput(path) {
    return { kind: 'file', path, gunzip: path.endsWith('.gz') };
}
async function postgres_runSql(shell, database, input, label) {
    await shell.run(withBinaries([...PSQL, '-d', database, '-f', '-']), { input, label });
}

;// CONCATENATED MODULE: ./src/engines/index.ts



const engines = {
    postgres: postgresEngine,
    mysql: mysqlEngine('mysql'),
    mariadb: mysqlEngine('mariadb'),
};
/** The engine for a definition's `engine` field or an image's engine label. */
function engineFor(name) {
    const engine = engines[name];
    if (!engine) {
        throw new errors/* DatacloneError */.YF(`engine '${name}' is not supported by this version of dataclone`, `Use one of: ${Object.keys(engines).join(', ')}.`);
    }
    return engine;
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


/***/ })

};
