-- A country without street, postal code or city is no address (contract §5): the form used to
-- store its "Deutschland" default on every contact, which put a country-only address on the
-- map and into the vCard. Rows that hold nothing else of an address lose the country.
UPDATE `contacts` SET `country` = '' WHERE `street` = '' AND `postal_code` = '' AND `city` = '' AND `country` <> '';
