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

/** The control token reaches the proxy in this environment variable, never on its command line. */
export const CONTROL_TOKEN_VARIABLE = 'DATACLONE_PROXY_TOKEN';

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
  ];
}

const SCRIPT = String.raw`
use strict;
use IO::Socket::INET;
use IO::Select;
use POSIX ":sys_wait_h";
$| = 1;
my ($bind, $port, $target, $file, $controlPort) = @ARGV;
my $token = $ENV{DATACLONE_PROXY_TOKEN};
delete $ENV{DATACLONE_PROXY_TOKEN};
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
while (1) {
  my @ready = $listeners->can_read();
  my $client;
  for my $socket (@ready) {
    if ($socket == $control) {
      my $peer = $control->accept() or next;
      my $line = <$peer>;
      if (defined $line) {
        chomp($line);
        my ($given, $to) = split(/ /, $line, 2);
        my $ok = defined $token && length($token) && defined $given && $given eq $token && retarget($to);
        print $peer ($ok ? "ok\n" : "refused\n");
      }
      close($peer);
    } else {
      $client = $server->accept();
    }
  }
  next unless $client;
  my $to = $target;
  my $pid = fork();
  if (!defined $pid) { close($client); next; }
  if ($pid) { $sessions{$pid} = 1; close($client); next; }
  close($server);
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
