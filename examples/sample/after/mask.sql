-- Sanitising: no real e-mail address leaves production in a data image.
UPDATE customers SET email = 'customer' || id || '@example.invalid';
