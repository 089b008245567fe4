import { describe, expect, it } from 'vitest';
import {
  declaredServerVersion,
  isOfVersion,
  parseServerVersion,
} from '../../../src/engines/server-version.js';

describe('the server version a binary prints', () => {
  it.each([
    ['postgres (PostgreSQL) 15.10 (Debian 15.10-0+deb12u1)', { product: 'PostgreSQL', version: '15.10' }],
    ['postgres (PostgreSQL) 18.1', { product: 'PostgreSQL', version: '18.1' }],
    [
      'mariadbd  Ver 11.8.2-MariaDB-ubu2404 for debian-linux-gnu on x86_64',
      { product: 'MariaDB', version: '11.8.2' },
    ],
    [
      'mysqld  Ver 10.11.6-MariaDB-0+deb12u1 for debian-linux-gnu on x86_64',
      { product: 'MariaDB', version: '10.11.6' },
    ],
    [
      '/usr/sbin/mysqld  Ver 9.7.0 for Linux on x86_64 (MySQL Community Server - GPL)',
      { product: 'MySQL', version: '9.7.0' },
    ],
  ])('reads %j as %j', (text, expected) => {
    expect(parseServerVersion(text)).toEqual(expected);
  });

  it('is unknown when the output names no server or no version', () => {
    expect(parseServerVersion('sh: postgres: not found')).toBeUndefined();
    expect(parseServerVersion('')).toBeUndefined();
  });
});

describe('the server version an image declares in its environment', () => {
  it.each([
    ['postgres', { PG_MAJOR: '17', PG_VERSION: '17.2-1.pgdg120+1' }, '17'],
    ['postgres', { PATH: '/usr/local/bin:/usr/bin:/usr/lib/postgresql/15/bin' }, '15'],
    ['mariadb', { MARIADB_VERSION: '1:11.8.2+maria~ubu2404' }, '11.8.2'],
    ['mysql', { MYSQL_MAJOR: 'innovation', MYSQL_VERSION: '9.1.0-1.el9' }, '9.1.0'],
    ['mysql', { MYSQL_MAJOR: '9.7' }, '9.7'],
  ])('%s with %j is version %s', (engine, env, version) => {
    expect(declaredServerVersion(engine, env)?.version).toBe(version);
  });

  it('is unknown when the image declares none (a base image built without the official variables)', () => {
    expect(declaredServerVersion('mariadb', { PATH: '/usr/bin' })).toBeUndefined();
    expect(declaredServerVersion('mysql', { MYSQL_MAJOR: 'innovation' })).toBeUndefined();
  });
});

describe('whether a server is of a major version', () => {
  it.each([
    ['15.10', '15', true],
    ['17.2', '15', false],
    ['151.0', '15', false],
    ['10.11.6', '10.11', true],
    ['11.8.2', '11.4', false],
    ['9.7.0', '9', true],
    ['9.7.0', '9.7', true],
    ['8.4.3', '8.0', false],
    ['9', '9.7', true],
  ])('%s is of version %s: %s', (version, named, expected) => {
    expect(isOfVersion({ product: 'MySQL', version }, named)).toBe(expected);
  });
});
