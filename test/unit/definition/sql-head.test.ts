import { describe, expect, it } from 'vitest';
import { describeSqlHead } from '../../../src/definition/sql-head.js';

const PG_DUMP_CREATE = `--
-- PostgreSQL database dump
--

\\restrict abc123

-- Dumped from database version 15.14
SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;

DROP DATABASE IF EXISTS shop;
--
-- Name: shop; Type: DATABASE; Schema: -; Owner: app_owner
--

CREATE DATABASE shop WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc LOCALE = 'C.UTF-8';


ALTER DATABASE shop OWNER TO app_owner;

\\unrestrict abc123
\\connect shop
\\restrict abc123

SET statement_timeout = 0;
CREATE TABLE public.customers (id integer NOT NULL);
CREATE DATABASE later;
`;

const MYSQLDUMP_DATABASES = `/*M!999999\\- enable the sandbox mode */ 
-- MariaDB dump 10.19  Distrib 10.11.18-MariaDB, for debian-linux-gnu (x86_64)
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;

--
-- Current Database: \`sales\`
--

/*!40000 DROP DATABASE IF EXISTS \`sales\`*/;

CREATE DATABASE /*!32312 IF NOT EXISTS*/ \`sales\` /*!40100 DEFAULT CHARACTER SET latin1 */;

USE \`sales\`;
DROP TABLE IF EXISTS \`orders\`;
`;

describe('describeSqlHead', () => {
  it('reads the database a pg_dump --create --clean dump creates and connects to, up to its first real statement', () => {
    expect(describeSqlHead(PG_DUMP_CREATE, 'postgres')).toEqual({
      creates: ['shop'],
      connectsTo: ['shop'],
      isClusterDump: false,
    });
  });

  it('reads a hand-written script that drops, creates and switches with \\c', () => {
    const script =
      'DROP DATABASE IF EXISTS "Shop";\nCREATE DATABASE "Shop"\n  WITH OWNER = app;\n\\c "Shop"\nCREATE TABLE t (id int);\n';
    expect(describeSqlHead(script, 'postgres')).toMatchObject({ creates: ['Shop'], connectsTo: ['Shop'] });
  });

  it("folds unquoted PostgreSQL names as the server does, and reads pg_dump's -reuse-previous form", () => {
    const script = 'CREATE DATABASE Orders;\n\\connect -reuse-previous=on "dbname=\'orders\'"\n';
    expect(describeSqlHead(script, 'postgres')).toMatchObject({
      creates: ['orders'],
      connectsTo: ['orders'],
    });
  });

  it('reads mysqldump --databases output: CREATE DATABASE in executable comments, then USE', () => {
    expect(describeSqlHead(MYSQLDUMP_DATABASES, 'mysql')).toEqual({
      creates: ['sales'],
      connectsTo: ['sales'],
      isClusterDump: false,
    });
  });

  it('finds nothing in a dump of one database that starts with its tables', () => {
    const dump = 'SET statement_timeout = 0;\nCREATE TABLE a (id int);\nCREATE DATABASE b;\n';
    expect(describeSqlHead(dump, 'postgres')).toEqual({ creates: [], connectsTo: [], isClusterDump: false });
  });

  it('stops at a function body: a dollar quote comes long after any preamble', () => {
    expect(describeSqlHead('DO $$ BEGIN END $$;\nCREATE DATABASE x;\n', 'postgres').creates).toEqual([]);
  });

  it('knows pg_dumpall output by its header, whose first statements create roles', () => {
    const dump =
      '--\n-- PostgreSQL database cluster dump\n--\n\nSET default_transaction_read_only = off;\nCREATE ROLE postgres;\n';
    expect(describeSqlHead(dump, 'postgres')).toEqual({ creates: [], connectsTo: [], isClusterDump: true });
  });
});
