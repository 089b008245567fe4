-- reporting reads the other two databases of the instance live, through postgres_fdw.
-- Inside a dataclone instance the container's own loopback is trusted, so the user mappings
-- need no password, and they keep working in every clone, whatever its password.
CREATE EXTENSION postgres_fdw;

CREATE SERVER customers_db FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', port '5432', dbname 'customers');
CREATE USER MAPPING FOR postgres SERVER customers_db OPTIONS (user 'postgres');

CREATE SERVER orders_db FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', port '5432', dbname 'orders');
CREATE USER MAPPING FOR postgres SERVER orders_db OPTIONS (user 'postgres');
