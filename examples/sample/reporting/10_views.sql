-- The query that crosses databases: revenue per customer, customers from one database and
-- orders from another.
CREATE VIEW customer_revenue AS
SELECT c.id,
       c.name,
       c.country,
       count(o.id)                      AS orders,
       round(sum(o.total_cents) / 100.0, 2) AS revenue
FROM customers_src.customers c
JOIN orders_src.orders o ON o.customer_id = c.id
GROUP BY c.id, c.name, c.country;

CREATE VIEW revenue_by_country AS
SELECT country, sum(orders) AS orders, sum(revenue) AS revenue
FROM customer_revenue
GROUP BY country;
