'use strict';
// docker-modem loads ssh2 (with its native crypto addons) as soon as dockerode loads, though only
// an ssh:// Docker host uses it. scripts/build.mjs gives the bundles this stand-in for 'ssh2':
// its Client loads the real one when an ssh connection is made, and not before.
class Client {
  constructor(...args) {
    const RealClient = require('ssh2/lib/client.js');
    return new RealClient(...args);
  }
}
module.exports = { Client };
