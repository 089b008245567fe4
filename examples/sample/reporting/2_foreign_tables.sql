CREATE SCHEMA customers_src;
IMPORT FOREIGN SCHEMA public LIMIT TO (customers) FROM SERVER customers_db INTO customers_src;

CREATE SCHEMA orders_src;
IMPORT FOREIGN SCHEMA public LIMIT TO (orders) FROM SERVER orders_db INTO orders_src;
