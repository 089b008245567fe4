/**
 * The stable local port of `dataclone proxy`: a TCP forwarder on the Docker host's network that
 * sends each new connection to a clone's published port. Two ways to switch it, neither
 * restarting anything, both ending the old target's sessions: a line `<token> <host>:<port>` on
 * its control port (127.0.0.1 of the Docker host: a few milliseconds), or a new target file in
 * its container and SIGHUP (for a remote Docker host; the copy takes over 100 ms). Perl with core
 * modules only, run from the target clone's data image, which has it (Debian and Ubuntu do).
 */
export const TARGET_FILE_DIRECTORY = '/tmp';
export const TARGET_FILE_NAME = 'dataclone-proxy-target';
export const PROXY_LISTENING = 'dataclone-proxy: listening';

/**
 * The control token reaches the proxy in a hand-over file that it reads and removes before it
 * listens: never on its command line, and not in its environment, which /proc/<pid>/environ
 * shows to the proxy's user for as long as it runs (deleting it from %ENV does not erase it
 * there). dataclone keeps its own copy in a file only root can read (PROXY_TOKEN_RECORD_FILE).
 */
export const PROXY_TOKEN_HANDOVER_FILE = '/tmp/dataclone-proxy-handover/token';
export const PROXY_TOKEN_RECORD_FILE = '/var/lib/dataclone-proxy/token';

export function switchableProxyCommand(
  bindAddress: string,
  port: number,
  target: string,
  controlPort: number,
): string[] {
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

const SCRIPT = String.raw`
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
