/**
 * The proxy in front of a clone with a warm standby: a small TCP forwarder that owns the clone's
 * published port and sends each new connection to one of two servers, slot-a or slot-b, on the
 * clone's private network. SIGUSR1 points it at slot-a, SIGUSR2 at slot-b: a reset is one signal,
 * not a container start. A switch kills the forwarding processes of every open session first,
 * so no client keeps talking to the state a reset throws away.
 *
 * It is Perl with core modules only (IO::Socket::INET, IO::Select, POSIX), which Debian's and
 * Ubuntu's perl-base install in every image built on them, the official postgres and mariadb
 * images included, so it runs from the data image itself and needs no image of its own.
 */
export type Slot = 'a' | 'b';

export const SLOT_SIGNAL: Record<Slot, string> = { a: 'SIGUSR1', b: 'SIGUSR2' };

/** The host name of a slot's server on the clone's network. */
export function slotHost(slot: Slot): string {
  return `slot-${slot}`;
}

export const PROXY_READY = 'dataclone-proxy: listening';

export function proxyCommand(port: number): string[] {
  return ['perl', '-e', PROXY_SCRIPT, String(port)];
}

const PROXY_SCRIPT = String.raw`
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
